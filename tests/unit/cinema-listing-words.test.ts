import { describe, expect, it } from "vitest";
import { filterChoices, listingHref } from "@/lib/catalog/tag-filter";
import { zoneName } from "@/lib/time";

describe("the zone as a moviegoer reads it", () => {
  it("names the zone with the abbreviation in force", () => {
    expect(zoneName("America/Los_Angeles", new Date("2026-12-04T20:00:00Z"))).toBe("Pacific Time (PST)");
    expect(zoneName("America/Los_Angeles", new Date("2026-07-04T20:00:00Z"))).toBe("Pacific Time (PDT)");
    expect(zoneName("America/New_York", new Date("2026-12-04T20:00:00Z"))).toBe("Eastern Time (EST)");
  });
  it("leaves out an abbreviation that is only an offset", () => {
    expect(zoneName("Europe/Paris", new Date("2026-12-04T20:00:00Z"))).toBe("Central European Time");
  });
});

describe("the tag filter's choices and links", () => {
  it("offers the tags on sale and those asked for, by group, and always wheelchair", () => {
    const groups = filterChoices(["audio-description", "imax"], ["lang:es"]);
    expect(groups.map((g) => [g.group, g.tags.map((t) => t.id)])).toEqual([
      ["format", ["imax"]],
      ["language", ["lang:es"]],
      ["access", ["audio-description", "wheelchair"]],
    ]);
    expect(filterChoices([], []).map((g) => g.tags.map((t) => t.id))).toEqual([["wheelchair"]]);
  });
  it("puts the date and each tag in the URL", () => {
    expect(listingHref("/c/sunset", { date: "2026-12-05", tags: ["imax", "lang:es"] })).toBe("/c/sunset?date=2026-12-05&tag=imax&tag=lang%3Aes");
    expect(listingHref("/c/sunset", {})).toBe("/c/sunset");
  });
});
