import { env } from "@/lib/env";

/**
 * Whether Auth.js may build its URLs (magic links, OAuth callbacks) from the request's Host and
 * X-Forwarded-* headers. Setting APP_URL declares the public address, so the host is trusted;
 * AUTH_TRUST_HOST decides explicitly. Auth.js's own reading treats any non-empty value as true,
 * "false" included, which is why the flag is parsed here.
 */
export function trustHost(source: Record<string, string | undefined> = process.env): boolean {
  const raw = source.AUTH_TRUST_HOST?.trim().toLowerCase();
  if (raw === "1" || raw === "true") return true;
  if (raw === "0" || raw === "false") return false;
  if (raw) throw new Error(`AUTH_TRUST_HOST must be true or false, got "${source.AUTH_TRUST_HOST}"`);
  const e = env();
  return Boolean(e.APP_URL) || e.NODE_ENV !== "production";
}
