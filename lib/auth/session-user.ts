/**
 * Who is signed in, as the Auth.js session callback builds it from the users row. "admin" runs
 * the whole chain; "manager" runs only the theaters theater_managers lists for them (issue 19).
 */
export type SessionUser = { id: string; email: string; name: string | null; role: "customer" | "admin" | "manager" };

/**
 * Which theaters an admin operation may touch: every one (a chain admin), or the listed ones
 * (a site manager). lib/auth/theater-scope.ts is the one place that reads it.
 */
export type TheaterScope = { all: true } | { all: false; theaterIds: readonly string[] };

/** Who performs an admin operation: the user requireAdmin() returned. Every admin operation takes one. */
export type AdminActor = SessionUser & { role: "admin" | "manager"; scope: TheaterScope };
