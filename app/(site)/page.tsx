import Link from "next/link";
import { connection } from "next/server";
import { getDb } from "@/db/client";
import { listCinemas } from "@/db/queries/cinemas";
import { CinemaPicker } from "@/components/cinema/cinema-picker";
import { rememberedCinema } from "@/lib/catalog/chosen-cinema";
import { ProgrammePage, type ListingSearch } from "./c/programme-page";

/**
 * The home page: the remembered cinema's programme (cookie, account, or the only cinema there
 * is), or, once, the question which cinema (a list with addresses).
 */
export default async function HomePage({ searchParams }: { searchParams: Promise<ListingSearch> }) {
  await connection();
  const db = await getDb();
  const [cinemas, chosen] = await Promise.all([listCinemas(db), rememberedCinema(db)]);
  if (chosen) return <ProgrammePage cinema={chosen} search={await searchParams} />;
  if (cinemas.length === 0) {
    return (
      <p>
        No theater is set up yet. Its first admin sets it up at{" "}
        <Link href="/setup" className="text-gold underline">
          /setup
        </Link>
        .
      </p>
    );
  }
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Choose your cinema</h1>
      <p className="text-zinc-300">We will remember it; you can switch at any time from the top of the page.</p>
      <CinemaPicker cinemas={cinemas} />
    </div>
  );
}
