import { knownTags } from "@/lib/show-tags";

/** A show's tags as chips (IMAX, Audio description…), in vocabulary order; nothing when it has none. Server-rendered: no client code. */
export function ShowTagChips({ tags, label = "This showing" }: { tags: readonly string[]; label?: string }) {
  const shown = knownTags(tags);
  if (!shown.length) return null;
  return (
    <ul aria-label={label} className="mt-2 flex flex-wrap gap-1.5" data-testid="show-tags">
      {shown.map((t) => (
        <li key={t.id} className="rounded-md border border-gold/60 px-2 py-0.5 text-sm font-semibold text-gold">
          {t.label}
        </li>
      ))}
    </ul>
  );
}
