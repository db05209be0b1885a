// The one vocabulary of show tags moviegoers filter by (issue 19). A file of its own in lib/ so every
// folder may import it (lib/booking prints tags on tickets and emails; lib/catalog sets them). Stored on shows.tags as ids;
// pages, tickets, emails and the API show the labels from here. Pure: client code imports it.

export type TagGroup = "format" | "language" | "subtitles" | "access";

export type ShowTag = {
  id: string;
  group: TagGroup;
  /** What a page says ("Audio description"). */
  label: string;
  /** What a ticket or a showtime chip says where space is short ("AD"). */
  short: string;
};

export const TAG_GROUPS: readonly { group: TagGroup; label: string }[] = [
  { group: "format", label: "Format" },
  { group: "language", label: "Language" },
  { group: "subtitles", label: "Subtitles" },
  { group: "access", label: "Accessibility" },
];

const tag = (id: string, group: TagGroup, label: string, short = label): ShowTag => ({ id, group, label, short });

export const SHOW_TAGS: readonly ShowTag[] = [
  tag("imax", "format", "IMAX"),
  tag("3d", "format", "3D"),
  tag("dolby-atmos", "format", "Dolby Atmos", "Atmos"),
  tag("dolby-cinema", "format", "Dolby Cinema"),
  tag("70mm", "format", "70 mm"),
  tag("4dx", "format", "4DX"),
  tag("lang:en", "language", "English", "EN"),
  tag("lang:es", "language", "Spanish", "ES"),
  tag("lang:fr", "language", "French", "FR"),
  tag("lang:de", "language", "German", "DE"),
  tag("lang:ja", "language", "Japanese", "JA"),
  tag("lang:ko", "language", "Korean", "KO"),
  tag("lang:hi", "language", "Hindi", "HI"),
  tag("lang:zh", "language", "Mandarin", "ZH"),
  tag("subs:en", "subtitles", "English subtitles", "EN subs"),
  tag("subs:es", "subtitles", "Spanish subtitles", "ES subs"),
  tag("audio-description", "access", "Audio description", "AD"),
  tag("open-captions", "access", "Open captions", "OC"),
  tag("closed-captions", "access", "Closed captions", "CC"),
  tag("relaxed", "access", "Relaxed screening", "Relaxed"),
];

/**
 * Not stored on a show but worked out from its seats: a filter for shows with a wheelchair
 * space still free. Filters accept it beside the stored tags.
 */
export const WHEELCHAIR_FREE = { id: "wheelchair", group: "access", label: "Wheelchair spaces free", short: "♿ free" } as const satisfies ShowTag;

const byId = new Map(SHOW_TAGS.map((t) => [t.id, t]));

export function showTag(id: string): ShowTag | undefined {
  return id === WHEELCHAIR_FREE.id ? WHEELCHAIR_FREE : byId.get(id);
}

/** The known stored tags of `ids`, in vocabulary order, each once; unknown ids are dropped. */
export function knownTags(ids: readonly string[]): ShowTag[] {
  const wanted = new Set(ids);
  return SHOW_TAGS.filter((t) => wanted.has(t.id));
}

/** The ids of `ids` that are not in the vocabulary (a form or API refuses them by name). */
export function unknownTagIds(ids: readonly string[]): string[] {
  return [...new Set(ids)].filter((id) => !byId.has(id));
}

/** Labels joined for a line of text: "IMAX · Audio description". */
export function tagLine(ids: readonly string[], form: "label" | "short" = "label"): string {
  return knownTags(ids)
    .map((t) => t[form])
    .join(" · ");
}

/** Filter semantics: a show matches when it has every asked-for stored tag (IMAX + AD = both). */
export function hasEveryTag(showTags: readonly string[], wanted: readonly string[]): boolean {
  return wanted.every((id) => id === WHEELCHAIR_FREE.id || showTags.includes(id));
}
