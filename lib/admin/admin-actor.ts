import type { SessionUser } from "@/lib/auth/session-user";

/** Who performs an admin operation: the user requireAdmin() returned. Every lib/admin operation takes one. */
export type AdminActor = SessionUser & { role: "admin" };
