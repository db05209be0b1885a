import { chooseCinemaAction } from "@/app/(site)/c/actions";
import type { Cinema } from "@/db/queries/cinemas";

/**
 * The cinemas with their addresses, each a button of one plain form: choosing works before (and
 * without) any JavaScript, and the action remembers the choice (cookie, account) then opens the
 * cinema's programme — or, from a movie page, the same movie there.
 */
export function CinemaPicker({ cinemas, current, movie }: { cinemas: Cinema[]; current?: string; movie?: string }) {
  return (
    <form action={chooseCinemaAction}>
      {movie && <input type="hidden" name="movie" value={movie} />}
      <ul className="grid gap-3 sm:grid-cols-2">
        {cinemas.map((c) => (
          <li key={c.id}>
            <button
              type="submit"
              name="theaterId"
              value={c.id}
              aria-describedby={`cinema-${c.id}-address`}
              className={`block w-full rounded-xl border bg-panel p-4 text-left hover:border-gold ${c.id === current ? "border-gold" : "border-line"}`}
            >
              <span className="block font-semibold text-white">
                {c.name}
                {c.id === current && <span className="ml-2 text-xs font-normal text-gold">(your cinema)</span>}
              </span>
              <span id={`cinema-${c.id}-address`} className="mt-1 block text-sm text-zinc-300">
                {c.address}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </form>
  );
}
