import "server-only";
import { configuredAppUrl } from "@/lib/app-url";
import { AppError } from "@/lib/errors";

/**
 * For admin route handlers that change things (server actions get this check from Next):
 * a browser sending a cross-site request says so in Sec-Fetch-Site or Origin, and is refused.
 * The site's own origin is the configured one (APP_URL), never the request's Host headers.
 */
export function assertSameOrigin(req: Request): void {
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") throw new AppError("forbidden", "Cross-site requests are not accepted.");
  const origin = req.headers.get("origin");
  if (!origin) return;
  let sent: string | null = null;
  try {
    sent = new URL(origin).origin;
  } catch {
    sent = null;
  }
  if (sent !== new URL(configuredAppUrl()).origin) throw new AppError("forbidden", "Cross-site requests are not accepted.");
}
