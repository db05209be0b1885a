import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth-js";
import { answerThrottledSignIn } from "@/lib/auth/sign-in-throttle";
import { defineRoute } from "@/lib/handlers/define-route";

// Auth.js's own routes (sign-in, callbacks, sign-out, session, csrf): public by nature, they
// check their CSRF token and tokens themselves. A throttled sign-in link answers 429.
const ROUTE = "/api/auth/[...nextauth]";

export const GET = defineRoute(ROUTE, { auth: "public" }, (req) => handlers.GET(req as NextRequest));

export const POST = defineRoute(ROUTE, { auth: "public" }, (req) => answerThrottledSignIn(() => handlers.POST(req as NextRequest)));
