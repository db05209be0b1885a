import { describe, expect, it } from "vitest";
import { redirectTargetFrom, safeRedirectPath } from "@/lib/auth/redirect-target";

describe("safeRedirectPath", () => {
  it("keeps a path on this site, with its query and hash", () => {
    expect(safeRedirectPath("/shows/abc?seats=A1,A2#pay")).toBe("/shows/abc?seats=A1,A2#pay");
    expect(safeRedirectPath("/admin")).toBe("/admin");
  });

  it.each([
    "https://evil.example/",
    "//evil.example/path",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "javascript:alert(1)",
    "evil.example",
    "",
    "/" + "a".repeat(3000),
  ])("refuses %j", (raw) => {
    expect(safeRedirectPath(raw)).toBe("/");
  });

  it("refuses non-strings and uses the given fallback", () => {
    expect(safeRedirectPath(undefined, "/bookings")).toBe("/bookings");
    expect(safeRedirectPath(["/a"] as unknown)).toBe("/");
  });

  it("reads callbackUrl first, then next", () => {
    expect(redirectTargetFrom({ callbackUrl: "/a", next: "/b" })).toBe("/a");
    expect(redirectTargetFrom({ next: "/b" })).toBe("/b");
    expect(redirectTargetFrom({ next: ["//evil.example", "/c"] })).toBe("/");
    expect(redirectTargetFrom({})).toBe("/");
  });
});
