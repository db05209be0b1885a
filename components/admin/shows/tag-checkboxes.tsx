// The show-tag vocabulary as checkboxes, by group (format, language, subtitles, accessibility):
// the schedule form and a show's tag editor both pick from it, so an admin cannot type a tag the
// listings would not know. Controlled when onChange is given, a plain form field (name="tags") otherwise.
import { SHOW_TAGS, TAG_GROUPS } from "@/lib/show-tags";

type Props = { id: string; legend: string; selected: readonly string[]; onChange?: (ids: string[]) => void; errors?: string[]; compact?: boolean };

export function TagCheckboxes({ id, legend, selected, onChange, errors, compact }: Props) {
  const error = errors?.[0];
  const toggle = (tagId: string, on: boolean) => onChange?.(SHOW_TAGS.filter((t) => (t.id === tagId ? on : selected.includes(t.id))).map((t) => t.id));
  return (
    <fieldset className="space-y-2" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className={compact ? "sr-only" : "text-sm font-medium text-zinc-100"}>{legend}</legend>
      {TAG_GROUPS.map(({ group, label }) => (
        <div key={group} role="group" aria-labelledby={`${id}-${group}`} className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <span id={`${id}-${group}`} className="w-full text-xs text-zinc-300 sm:w-28">
            {label}
          </span>
          {SHOW_TAGS.filter((t) => t.group === group).map((t) => (
            <label key={t.id} className="inline-flex min-h-8 items-center gap-1.5 text-sm">
              <input
                type="checkbox"
                name="tags"
                value={t.id}
                className="h-4 w-4 accent-[#f5c451]"
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
                {...(onChange ? { checked: selected.includes(t.id), onChange: (e: { target: { checked: boolean } }) => toggle(t.id, e.target.checked) } : { defaultChecked: selected.includes(t.id) })}
              />
              {t.label}
            </label>
          ))}
        </div>
      ))}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-300">
          {error}
        </p>
      )}
    </fieldset>
  );
}
