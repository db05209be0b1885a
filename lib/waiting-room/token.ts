import { createHmac, timingSafeEqual } from "node:crypto";

// An admission to one show's seat map, for one holder, until a time: "<body>.<mac>" where the
// body is base64url JSON. The MAC is domain-separated so the same secret vouches for nothing else.
// Bound to the show (a token for another show is refused) and the holder cookie (which survives
// signing in, so an admitted guest can still sign in at checkout), never to a tab.

const CONTEXT = "marquee.admission.v1\n";

export type Admission = { showId: string; holder: string; expiresAt: number };

const mac = (body: string, secret: string) => createHmac("sha256", secret).update(CONTEXT).update(body).digest("base64url");

export function signAdmission(admission: Admission, secret: string): string {
  if (!secret) throw new Error("admission secret is empty");
  const body = Buffer.from(JSON.stringify({ s: admission.showId, h: admission.holder, e: admission.expiresAt })).toString("base64url");
  return `${body}.${mac(body, secret)}`;
}

export type AdmissionCheck = { ok: true; admission: Admission } | { ok: false; reason: "malformed" | "bad_signature" | "other_show" | "other_holder" | "expired" };

export function verifyAdmission(token: string | undefined | null, expect: { showId: string; holder: string | null; now: number }, secret: string): AdmissionCheck {
  if (!secret) throw new Error("admission secret is empty");
  const [body, signature, extra] = (token ?? "").split(".");
  if (!body || !signature || extra !== undefined) return { ok: false, reason: "malformed" };
  const want = Buffer.from(mac(body, secret));
  const got = Buffer.from(signature);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return { ok: false, reason: "bad_signature" };
  let parsed: { s?: unknown; h?: unknown; e?: unknown };
  try {
    parsed = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (typeof parsed.s !== "string" || typeof parsed.h !== "string" || typeof parsed.e !== "number") return { ok: false, reason: "malformed" };
  if (parsed.s !== expect.showId) return { ok: false, reason: "other_show" };
  if (parsed.h !== expect.holder) return { ok: false, reason: "other_holder" };
  if (parsed.e <= expect.now) return { ok: false, reason: "expired" };
  return { ok: true, admission: { showId: parsed.s, holder: parsed.h, expiresAt: parsed.e } };
}
