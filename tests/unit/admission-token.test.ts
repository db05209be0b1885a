import { describe, expect, it } from "vitest";
import { signAdmission, verifyAdmission } from "@/lib/waiting-room/token";

// The waiting room's admission cookie: a forged, altered, expired or borrowed token is refused.

const SECRET = "test-admission-secret-0123456789abcdef";
const NOW = 1_800_000_000_000;
const admission = { showId: "show-a", holder: "holder-1", expiresAt: NOW + 60_000 };
const expected = { showId: "show-a", holder: "holder-1", now: NOW };

describe("admission tokens", () => {
  it("accepts its own token for that show and holder until it runs out", () => {
    const token = signAdmission(admission, SECRET);
    expect(verifyAdmission(token, expected, SECRET)).toEqual({ ok: true, admission });
    expect(verifyAdmission(token, { ...expected, now: NOW + 60_000 }, SECRET)).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses a token reused for another show, or by another holder", () => {
    const token = signAdmission(admission, SECRET);
    expect(verifyAdmission(token, { ...expected, showId: "show-b" }, SECRET)).toEqual({ ok: false, reason: "other_show" });
    expect(verifyAdmission(token, { ...expected, holder: "holder-2" }, SECRET)).toEqual({ ok: false, reason: "other_holder" });
    expect(verifyAdmission(token, { ...expected, holder: null }, SECRET)).toEqual({ ok: false, reason: "other_holder" });
  });

  it("refuses forgeries: another secret, an altered body, a body with the signature of another", () => {
    expect(verifyAdmission(signAdmission(admission, "some-other-secret-entirely-0123456"), expected, SECRET)).toEqual({ ok: false, reason: "bad_signature" });
    const [, signature] = signAdmission(admission, SECRET).split(".");
    const forgedBody = Buffer.from(JSON.stringify({ s: "show-a", h: "holder-1", e: NOW + 3_600_000 })).toString("base64url");
    expect(verifyAdmission(`${forgedBody}.${signature}`, expected, SECRET)).toEqual({ ok: false, reason: "bad_signature" });
    const [otherBody] = signAdmission({ ...admission, showId: "show-b" }, SECRET).split(".");
    expect(verifyAdmission(`${otherBody}.${signature}`, { ...expected, showId: "show-b" }, SECRET)).toEqual({ ok: false, reason: "bad_signature" });
    for (const junk of [undefined, null, "", "abc", "a.b.c", `${forgedBody}.`]) expect(verifyAdmission(junk, expected, SECRET).ok).toBe(false);
  });

  it("refuses to sign or check with an empty secret", () => {
    expect(() => signAdmission(admission, "")).toThrow();
    expect(() => verifyAdmission("a.b", expected, "")).toThrow();
  });
});
