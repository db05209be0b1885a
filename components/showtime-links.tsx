import Link from "next/link";
import type { ShowListing } from "@/db/queries/catalog";
import { formatTime } from "@/lib/time";

export function ShowtimeLinks({ shows, timeZone, movieTitle }: { shows: ShowListing[]; timeZone: string; movieTitle: string }) {
  return (
    <ul className="flex flex-wrap gap-2">
      {shows.map((s) => (
        <li key={s.id}>
          <Link
            href={`/shows/${s.id}`}
            aria-label={`${movieTitle} at ${formatTime(s.startsAt, timeZone)}, ${s.screenName}`}
            className="block rounded-md border border-line bg-ink px-3 py-2 text-center hover:border-gold"
          >
            <span className="block font-semibold">{formatTime(s.startsAt, timeZone)}</span>
            <span className="block text-xs text-zinc-300">{s.screenName}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
