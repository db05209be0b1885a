import Link from "next/link";
import { showTag } from "@/lib/show-tags";
import { filterChoices, listingHref } from "@/lib/catalog/tag-filter";

/**
 * The tag filter: a GET form of checkboxes, so it works without JavaScript and its result is a
 * URL to share (?tag=imax&tag=audio-description). The chosen tags show as links that drop one.
 */
export function TagFilter({ path, date, asked, onSale }: { path: string; date?: string; asked: string[]; onSale: string[] }) {
  const groups = filterChoices(onSale, asked);
  return (
    <div className="space-y-2">
      <details open={asked.length > 0} className="rounded-lg border border-line bg-panel">
        <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-zinc-100">
          Filter showtimes{asked.length > 0 ? ` (${asked.length})` : ""}
        </summary>
        <form method="get" action={path} className="space-y-3 border-t border-line px-3 py-3">
          {date && <input type="hidden" name="date" value={date} />}
          {groups.map((g) => (
            <fieldset key={g.group}>
              <legend className="mb-1 text-xs font-semibold uppercase tracking-wide text-zinc-300">{g.label}</legend>
              <div className="flex flex-wrap gap-2">
                {g.tags.map((t) => (
                  <label key={t.id} className="flex min-h-8 items-center gap-2 rounded-md border border-line bg-ink px-2.5 py-1 text-sm text-zinc-100 has-[:checked]:border-gold">
                    <input type="checkbox" name="tag" value={t.id} defaultChecked={asked.includes(t.id)} className="size-4 accent-gold" />
                    {t.label}
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
          <button type="submit" className="rounded-md bg-gold px-4 py-2 text-sm font-semibold text-ink hover:brightness-110">
            Show matching times
          </button>
        </form>
      </details>
      {asked.length > 0 && (
        <ul aria-label="Active filters" className="flex flex-wrap gap-2 text-sm">
          {asked.map((id) => (
            <li key={id}>
              <Link
                href={listingHref(path, { date, tags: asked.filter((t) => t !== id) })}
                className="inline-flex min-h-8 items-center gap-1 rounded-full border border-gold px-3 py-1 text-zinc-100 hover:bg-gold hover:text-ink"
              >
                {showTag(id)?.label ?? id}
                <span aria-hidden>×</span>
                <span className="sr-only">(remove filter)</span>
              </Link>
            </li>
          ))}
          <li>
            <Link href={listingHref(path, { date })} className="inline-flex min-h-8 items-center px-2 text-zinc-300 underline hover:text-white">
              Clear filters
            </Link>
          </li>
        </ul>
      )}
    </div>
  );
}
