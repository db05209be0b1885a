"use client";
import { usePathname } from "next/navigation";

/**
 * Which theater the single-theater admin pages show (issue 19). A plain form: it works without
 * JavaScript, and comes back to the page it was used on. With one theater there is nothing to
 * choose: its name is shown instead.
 */
export function TheaterSwitcher({ theaters, currentId, choose }: { theaters: { id: string; name: string }[]; currentId: string | null; choose: (formData: FormData) => Promise<void> }) {
  const pathname = usePathname();
  if (theaters.length === 0) return null;
  if (theaters.length === 1) return <p className="px-3 py-2 text-sm text-zinc-300" data-testid="admin-theater">{theaters[0].name}</p>;
  return (
    <form action={choose} className="flex items-end gap-2 px-1 lg:flex-col lg:items-stretch" aria-label="Current theater">
      <input type="hidden" name="back" value={pathname} />
      <div className="grid min-w-0 gap-1">
        <label htmlFor="admin-theater" className="text-xs text-zinc-300">
          Theater
        </label>
        <select id="admin-theater" name="theaterId" defaultValue={currentId ?? undefined} className="min-h-11 rounded-md border border-line bg-ink px-2 text-sm text-white">
          {theaters.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      <button className="min-h-11 rounded-md border border-line px-3 text-sm hover:border-zinc-300">Switch</button>
    </form>
  );
}
