/** Who is signed in, as the Auth.js session callback builds it from the users row. */
export type SessionUser = { id: string; email: string; name: string | null; role: "customer" | "admin" };

/** Who performs an admin operation: the user requireAdmin() returned. Every admin operation takes one. */
export type AdminActor = SessionUser & { role: "admin" };
