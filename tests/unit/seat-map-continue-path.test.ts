import { describe, expect, it } from "vitest";
import { choicesFrom, continuePath, parseContinuePath, seatIdsFrom, typesFrom } from "@/lib/seat-map/continue-path";

const show = "2ee86f33-81f9-4ac5-97ae-8451ce017c18";
const seatA = "9b1d4a7e-0c4e-4f5b-9d35-5a0e4c1b7f10";
const seatB = "0f3c2e11-7a4b-4c9e-8f21-3d6b5e9a0c22";

describe("continuePath", () => {
  it("names the show and the seats, and reads back the same", () => {
    const path = continuePath(show, [seatA, seatB]);
    expect(path).toBe(`/shows/${show}/continue?seats=${seatA}%2C${seatB}`);
    expect(parseContinuePath(path)).toEqual({ showId: show, seatIds: [seatA, seatB] });
  });

  it("reads a path without seats", () => {
    expect(parseContinuePath(`/shows/${show}/continue`)).toEqual({ showId: show, seatIds: [] });
  });

  it("is null for any other page", () => {
    expect(parseContinuePath(`/shows/${show}`)).toBeNull();
    expect(parseContinuePath("/")).toBeNull();
    expect(parseContinuePath(`/shows/not-a-show/continue`)).toBeNull();
    expect(parseContinuePath(`/x/shows/${show}/continue`)).toBeNull();
  });
});

describe("seatIdsFrom", () => {
  it("keeps id-shaped words once, drops the rest", () => {
    expect(seatIdsFrom(`${seatA},${seatA},<script>,,${seatB}`)).toEqual([seatA, seatB]);
    expect(seatIdsFrom(null)).toEqual([]);
    expect(seatIdsFrom("a".repeat(81))).toEqual([]);
  });
});

describe("the summary's choices through sign-in (issue 18)", () => {
  it("carries ticket types and a promo code, and reads them back", () => {
    const path = continuePath(show, ["s1", "s2"], { types: "s1:t-adult,s2:t-child", promo: "marquee 10" });
    expect(parseContinuePath(path)).toEqual({ showId: show, seatIds: ["s1", "s2"], types: "s1:t-adult,s2:t-child", promo: "marquee 10" });
    expect(typesFrom("s1:t-adult,s2:t-child")).toEqual({ s1: "t-adult", s2: "t-child" });
  });
  it("drops choices that are not id-shaped or too long", () => {
    expect(choicesFrom("s1:<script>", "x".repeat(65))).toEqual({});
    expect(choicesFrom("s1:t1,", "MARQUEE10")).toEqual({ promo: "MARQUEE10" });
  });
});
