import { describe, expect, it } from "vitest";
import { idNoticeFor, isRated } from "@/lib/catalog/id-notice";
import { tagsOfScreenFormat } from "@/lib/catalog/screen-format-tags";
import { setShowTagsSchema, scheduleShowsSchema } from "@/lib/catalog/show-input";

describe("tags a screen's format names", () => {
  it("reads the format as the theater wrote it", () => {
    expect(tagsOfScreenFormat("IMAX")).toEqual(["imax"]);
    expect(tagsOfScreenFormat("imax-3d")).toEqual(["imax", "3d"]);
    expect(tagsOfScreenFormat("Dolby Atmos")).toEqual(["dolby-atmos"]);
    expect(tagsOfScreenFormat("70 mm")).toEqual(["70mm"]);
    expect(tagsOfScreenFormat("4DX")).toEqual(["4dx"]);
  });
  it("names nothing for a plain screen", () => {
    for (const format of ["standard", "large-format", "premium", ""]) expect(tagsOfScreenFormat(format)).toEqual([]);
  });
});

describe("the tags field", () => {
  const showId = "0b6f5c1e-8d7a-4c2b-9f3e-1a2b3c4d5e60";
  it("takes one value, several or none, each once in vocabulary order", () => {
    expect(setShowTagsSchema.parse({ showId, tags: "imax" }).tags).toEqual(["imax"]);
    expect(setShowTagsSchema.parse({ showId, tags: ["relaxed", "imax", "relaxed"] }).tags).toEqual(["imax", "relaxed"]);
    expect(setShowTagsSchema.parse({ showId }).tags).toEqual([]);
  });
  it("refuses unknown ids by name on the tags field", () => {
    const result = setShowTagsSchema.safeParse({ showId, tags: ["imax", "Imax", "wheelchair"] });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ["tags"], message: "Unknown tags: “Imax”, “wheelchair”. Choose tags from the list." })]);
  });
  it("leaves the schedule's tags absent when none are sent (the screen's format decides)", () => {
    const base = { movieId: showId, screenId: showId, date: "2030-01-02", time: "19:30" };
    expect(scheduleShowsSchema.parse(base).tags).toBeUndefined();
    expect(scheduleShowsSchema.parse({ ...base, tags: [] }).tags).toEqual([]);
  });
});

describe("the ID notice before payment", () => {
  const theater = { idNotice: "Photo ID is required.", adultsOnlyRatings: ["R", "NC-17"] };
  it("is shown for the theater's adults-only ratings only", () => {
    expect(idNoticeFor("R", theater)).toBe("Photo ID is required.");
    expect(idNoticeFor("nc-17", theater)).toBe("Photo ID is required.");
    expect(idNoticeFor("PG-13", theater)).toBeNull();
  });
  it("is shown for every rated movie when the theater lists no ratings, never for an unrated one or without a notice", () => {
    expect(idNoticeFor("PG", { ...theater, adultsOnlyRatings: [] })).toBe("Photo ID is required.");
    expect(idNoticeFor("NR", { ...theater, adultsOnlyRatings: [] })).toBeNull();
    expect(idNoticeFor("R", { ...theater, idNotice: "  " })).toBeNull();
    expect([isRated("NR"), isRated(""), isRated("PG-13")]).toEqual([false, false, true]);
  });
});
