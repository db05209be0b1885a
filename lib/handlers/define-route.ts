import "server-only";
import { unstable_rethrow } from "next/navigation";
import { withSessionRefresh } from "@/lib/auth/current-user";
import { AppError, errorResponse } from "@/lib/errors";
import { log } from "@/lib/log";
import { measure } from "@/lib/metrics/measure";
import { callerFor, type AuthLevel, type CallerOf } from "./caller";

// The one way a route handler is written: defineRoute(pattern, { auth }, handler). The caller
// is checked at the declared level first; whatever the handler throws is answered through the
// error table (lib/errors.ts) by `errors` (the v1 API passes its own shape); Next's control flow
// passes through; every answer's latency is measured under the route's pattern.

type RouteOptions<A extends AuthLevel> = {
  auth: A;
  /** How a failure is answered; errorResponse unless the route has a documented shape of its own. */
  errors?: (err: unknown) => Response;
};

type Params = Record<string, string | string[]>;
type RouteContext<P> = { params: Promise<P> };

export function defineRoute<A extends AuthLevel, P extends Params = Params>(
  route: string,
  options: RouteOptions<A>,
  handler: (req: Request, ctx: { params: Promise<P>; user: CallerOf<A> }) => Promise<Response>,
): (req: Request, ctx?: RouteContext<P>) => Promise<Response> {
  const answer = options.errors ?? errorResponse;
  return (req, ctx) =>
    measure(
      route,
      req.method,
      () => withSessionRefresh(async () => {
        try {
          const user = await callerFor(options.auth);
          return await handler(req, { params: ctx?.params ?? Promise.resolve({} as P), user });
        } catch (err) {
          unstable_rethrow(err);
          if (!(err instanceof AppError)) log.error({ err, route }, "route handler failed");
          return answer(err);
        }
      }),
      (res) => res.status,
    );
}
