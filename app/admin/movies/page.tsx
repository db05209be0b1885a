import Link from "next/link";
import { z } from "zod";
import { getDb } from "@/db/client";
import { moviesForAdmin } from "@/db/queries/movies";
import { requireChainAdminPage } from "@/lib/auth/require-admin-page";
import { AdminTable } from "@/components/admin/admin-table";

export const metadata = { title: "Movies" };

const FILTERS = [
  { value: "active", label: "Showing" },
  { value: "archived", label: "Archived" },
  { value: "all", label: "All" },
] as const;
const querySchema = z.object({ status: z.enum(["active", "archived", "all"]).catch("active") });

export default async function AdminMoviesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireChainAdminPage();
  const { status } = querySchema.parse(await searchParams);
  const rows = await moviesForAdmin(await getDb(), status);
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Movies</h1>
        <Link href="/admin/movies/new" className="rounded-lg bg-gold px-4 py-2 font-semibold text-ink">
          Add a movie
        </Link>
      </div>
      <nav aria-label="Filter movies">
        <ul className="flex gap-1">
          {FILTERS.map((f) => (
            <li key={f.value}>
              <Link
                href={`/admin/movies?status=${f.value}`}
                aria-current={f.value === status ? "true" : undefined}
                className={`block rounded-md border px-3 py-1.5 text-sm ${f.value === status ? "border-gold bg-gold text-ink" : "border-line text-zinc-200 hover:border-zinc-400"}`}
              >
                {f.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {rows.length === 0 ? (
        <p className="text-zinc-300">{status === "archived" ? "No archived movies." : "No movies yet."}</p>
      ) : (
        <AdminTable caption={`Movies, ${FILTERS.find((f) => f.value === status)!.label.toLowerCase()}`} columns={[{ label: "Title" }, { label: "Rating" }, { label: "Runtime" }, { label: "Genres" }, { label: "Upcoming shows" }, { label: "Status" }]}>
          {rows.map(({ movie, upcomingShows }) => (
            <tr key={movie.id} className="border-t border-line">
              <th scope="row" className="px-3 py-2 font-semibold">
                <Link href={`/admin/movies/${movie.id}`} className="text-gold underline-offset-2 hover:underline">
                  {movie.title}
                </Link>
              </th>
              <td className="px-3 py-2">{movie.rating}</td>
              <td className="px-3 py-2 tabular-nums">{movie.runtimeMinutes} min</td>
              <td className="px-3 py-2">{movie.genres.join(", ")}</td>
              <td className="px-3 py-2 tabular-nums">{upcomingShows}</td>
              <td className="px-3 py-2 capitalize">{movie.status}</td>
            </tr>
          ))}
        </AdminTable>
      )}
    </div>
  );
}
