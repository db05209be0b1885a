import NextAuth from "next-auth";
import { authConfig } from "./auth/config";

// The config is a function so that `next build`, which imports route modules, never opens the
// database or asks for AUTH_SECRET; both happen on the first request that needs them.
export const { handlers, auth, signIn, signOut } = NextAuth(authConfig);
