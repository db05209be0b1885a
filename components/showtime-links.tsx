import Link from "next/link";
import type { ShowListing } from "@/db/queries/catalog";
import { tagLine } from "@/lib/show-tags";
import { formatTime } from "@/lib/time";

export function ShowtimeLinks({ shows, timeZone, movieTitle }: { shows: ShowListing[]; timeZone: string; movieTitle: string }) {
  return (
    <ul className="flex flex-wrap gap-2">
      {shows.map((s) => {
        const tags = tagLine(s.tags, "short");
        return (
          <li key={s.id}>
            <Link
              href={`/shows/${s.id}`}
              // Starts with the visible time (WCAG 2.5.3, label in name) and ends with the screen.
              aria-label={`${formatTime(s.startsAt, timeZone)}, ${movieTitle}, ${tags ? `${tagLine(s.tags)}, ` : ""}${s.screenName}`}
              className="block rounded-md border border-line bg-ink px-3 py-2 text-center hover:border-gold"
            >
              <span className="block font-semibold">{formatTime(s.startsAt, timeZone)}</span>
              <span className="block text-xs text-zinc-300">{s.screenName}</span>
              {tags && <span className="block text-xs font-medium text-gold">{tags}</span>}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
