import NextAuth from "next-auth";
import { authConfig } from "./config";

// The one Auth.js instance: its route handlers, auth() (the session, read in current-user.ts),
// signIn and signOut. The config is a function so that `next build`, which imports route
// modules, never opens the database or asks for AUTH_SECRET; both happen on the first request.
export const { handlers, auth, signIn, signOut } = NextAuth(authConfig);
