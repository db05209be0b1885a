import { SHOW_TAGS, TAG_GROUPS, WHEELCHAIR_FREE, type ShowTag, type TagGroup } from "@/lib/show-tags";

// The tag filter of the listing and movie pages, carried in the URL (?tag=imax&tag=wheelchair) so
// a filtered page is a link to share and the filter works as a plain GET form without JavaScript.
// Pure: pages and tests import it.

const FILTERABLE: readonly ShowTag[] = [...SHOW_TAGS, WHEELCHAIR_FREE];
const MAX_TAGS = FILTERABLE.length;

/** The asked-for tags from a `tag` search parameter: known ids only, each once, in vocabulary order. */
export function tagsFromSearch(raw: string | string[] | undefined): string[] {
  const asked = new Set((Array.isArray(raw) ? raw : raw ? [raw] : []).slice(0, MAX_TAGS * 2));
  return FILTERABLE.filter((t) => asked.has(t.id)).map((t) => t.id);
}

/** What a filter offers, by group: the tags on sale, those already asked for, and always `wheelchair`. */
export function filterChoices(onSale: readonly string[], asked: readonly string[]): { group: TagGroup; label: string; tags: ShowTag[] }[] {
  const offered = new Set([...onSale, ...asked, WHEELCHAIR_FREE.id]);
  return TAG_GROUPS.map(({ group, label }) => ({ group, label, tags: FILTERABLE.filter((t) => t.group === group && offered.has(t.id)) })).filter(
    (g) => g.tags.length > 0,
  );
}

/** `path` with the date and tags as search parameters (tags repeated, in vocabulary order). */
export function listingHref(path: string, { date, tags = [] }: { date?: string; tags?: readonly string[] }): string {
  const params = new URLSearchParams();
  if (date) params.set("date", date);
  for (const tag of tags) params.append("tag", tag);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}
