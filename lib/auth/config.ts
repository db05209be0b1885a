import "server-only";
import type { NextAuthConfig } from "next-auth";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { getDb } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { configuredAppUrl, servedOverHttps } from "@/lib/app-url";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { promoteListedAdmin } from "./admin-role";
import { magicLinkProvider } from "./magic-link";
import { authSecret } from "./secret";
import { trustHost } from "./trust-host";
import type { SessionUser } from "./session-user";

declare module "next-auth" {
  interface Session {
    user: SessionUser;
  }
  interface User {
    role?: SessionUser["role"];
  }
}

export const SESSION_MAX_AGE = 30 * 24 * 60 * 60;
export const SESSION_UPDATE_AGE = 24 * 60 * 60;
const BASE_PATH = "/api/auth";

/**
 * Auth.js builds magic links, callback URLs and redirects from AUTH_URL when it is set, and from
 * the request's Host and X-Forwarded-* headers otherwise (next-auth's reqWithEnvURL and
 * createActionURL read process.env). Pinned to our one public origin before Auth.js reads it.
 */
function pinAuthUrl(): void {
  process.env.AUTH_URL = `${configuredAppUrl()}${BASE_PATH}`;
}

/**
 * Built per request (see auth-js.ts), so importing this never opens the database. A session read
 * that cannot pass Auth.js's refreshed cookie on (a page render: see current-user.ts) says so,
 * and does not slide the session's row either: the row would outlive the browser's cookie.
 */
export async function authConfig(request?: unknown): Promise<NextAuthConfig> {
  const slide = (request as { slideSession?: boolean } | undefined)?.slideSession !== false;
  const e = env();
  const db = await getDb();
  const promote = (email: string | null | undefined) => promoteListedAdmin(db, email, e.ADMIN_EMAILS);
  pinAuthUrl();
  return {
    adapter: DrizzleAdapter(db, { usersTable: users, accountsTable: accounts, sessionsTable: sessions, verificationTokensTable: verificationTokens }),
    secret: authSecret(),
    trustHost: trustHost(),
    basePath: BASE_PATH,
    // Secure cookies with the __Secure-/__Host- prefixes whenever the public site is https, by
    // configuration: Auth.js would otherwise decide per request from X-Forwarded-Proto.
    useSecureCookies: servedOverHttps(),
    session: { strategy: "database", maxAge: SESSION_MAX_AGE, updateAge: slide ? SESSION_UPDATE_AGE : SESSION_MAX_AGE },
    providers: [
      magicLinkProvider(),
      ...(e.AUTH_GITHUB_ID && e.AUTH_GITHUB_SECRET ? [GitHub({ clientId: e.AUTH_GITHUB_ID, clientSecret: e.AUTH_GITHUB_SECRET })] : []),
      ...(e.AUTH_GOOGLE_ID && e.AUTH_GOOGLE_SECRET ? [Google({ clientId: e.AUTH_GOOGLE_ID, clientSecret: e.AUTH_GOOGLE_SECRET })] : []),
    ],
    pages: { signIn: "/sign-in", verifyRequest: "/sign-in/check-email", error: "/sign-in" },
    callbacks: {
      // The session JSON reaches browser scripts (/api/auth/session): never put the session
      // token in it, only who is signed in.
      session({ session, user }) {
        const role = (user as { role?: SessionUser["role"] }).role ?? "customer";
        return { expires: session.expires, user: { id: user.id, email: user.email ?? "", name: user.name ?? null, role } } as typeof session;
      },
    },
    events: {
      async createUser({ user }) {
        await promote(user.email);
      },
      async signIn({ user }) {
        if (await promote(user.email)) log.info({ userId: user.id }, "listed admin email promoted at sign-in");
      },
    },
    logger: {
      error: (err) => log.error({ err }, "auth error"),
      warn: (code) => log.warn({ code }, "auth warning"),
      debug: () => {},
    },
  };
}
