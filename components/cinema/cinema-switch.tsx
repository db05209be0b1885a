import { getDb } from "@/db/client";
import { listCinemas } from "@/db/queries/cinemas";
import { rememberedCinema } from "@/lib/catalog/chosen-cinema";
import { CinemaPicker } from "./cinema-picker";

/**
 * The header's cinema switch, on every page: a <details> disclosure (no JavaScript) with the same
 * picker as the home page. Nothing to switch with a single cinema.
 */
export async function CinemaSwitch() {
  const db = await getDb();
  const [cinemas, chosen] = await Promise.all([listCinemas(db), rememberedCinema(db)]);
  if (cinemas.length <= 1) return null;
  return (
    <details className="group basis-full lg:basis-auto">
      <summary className="flex min-h-7 w-fit max-w-full cursor-pointer list-none items-center gap-1.5 rounded-md border border-line px-2.5 py-0.5 text-sm text-zinc-100 hover:border-zinc-400 lg:max-w-72">
        <span className="text-zinc-400">{chosen ? "Your cinema:" : "Cinema:"}</span>
        <span className="truncate font-medium">{chosen?.name ?? "Choose a cinema"}</span>
        <span aria-hidden className="text-xs text-zinc-400 group-open:rotate-180">
          ▾
        </span>
      </summary>
      <div className="absolute inset-x-0 top-full z-40 border-b border-line bg-ink p-4 shadow-xl">
        <div className="mx-auto max-w-6xl">
          <p className="mb-3 text-sm font-semibold text-zinc-100">Switch cinema</p>
          <CinemaPicker cinemas={cinemas} current={chosen?.id} />
        </div>
      </div>
    </details>
  );
}
