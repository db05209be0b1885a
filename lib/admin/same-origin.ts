import "server-only";
import { configuredAppUrl } from "@/lib/app-url";
import { AppError } from "@/lib/errors";

/**
 * For admin route handlers that change things (server actions get this check from Next):
 * a browser sending a cross-site request says so in Sec-Fetch-Site or Origin, and is refused.
 * The Origin is compared with the configured public origin (APP_URL), never with Host or
 * X-Forwarded-Host: those are the caller's to choose, so a forger would simply name their own.
 */
export function assertSameOrigin(req: Request): void {
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") throw new AppError("forbidden", "Cross-site requests are not accepted.");
  const origin = req.headers.get("origin");
  if (!origin) return;
  if (originOf(origin) !== originOf(configuredAppUrl())) throw new AppError("forbidden", "Cross-site requests are not accepted.");
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
