import "server-only";
import { AppError } from "@/lib/errors";

/**
 * For admin route handlers that change things (server actions get this check from Next):
 * a browser sending a cross-site request says so in Sec-Fetch-Site or Origin, and is refused.
 */
export function assertSameOrigin(req: Request): void {
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") throw new AppError("forbidden", "Cross-site requests are not accepted.");
  const origin = req.headers.get("origin");
  if (!origin) return;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = null;
  }
  if (!host || originHost !== host) throw new AppError("forbidden", "Cross-site requests are not accepted.");
}
