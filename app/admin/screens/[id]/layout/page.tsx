import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { allSeatsOfScreen, screenWithTheater, seatsSoldForComingShows } from "@/db/queries/venue";
import { requireAdminPage } from "@/lib/auth/require-admin-page";
import { managesTheater } from "@/lib/auth/theater-scope";
import { layoutVersion } from "@/lib/venue/layout-version";
import { LayoutEditor } from "@/components/admin/layout-editor/layout-editor";
import { saveLayoutAction } from "../../actions";
import { BackLink } from "@/components/back-link";

export const metadata = { title: "Seat layout" };

export default async function ScreenLayoutPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireAdminPage();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const db = await getDb();
  const found = await screenWithTheater(db, id);
  if (!found || !managesTheater(actor, found.theater.id)) notFound();
  const { screen, theater } = found;
  const [stored, sold] = await Promise.all([allSeatsOfScreen(db, id), seatsSoldForComingShows(db, id, theater.timeZone)]);
  const seats = stored.filter((s) => s.active).map(({ id, rowLabel, number, x, y, kind, tier }) => ({ id, rowLabel, number, x, y, kind, tier }));
  return (
    <div className="space-y-4">
      <div>
        <BackLink href="/admin/screens">Screens</BackLink>
        <h1 className="text-2xl font-bold">Seat layout: {screen.name}</h1>
        <p className="text-sm text-zinc-300">
          {theater.name} · {screen.format} · {sold.size > 0 ? `${sold.size} seats have tickets for coming shows (marked with a red dot); they cannot be removed or moved.` : "no tickets sold for coming shows."}
        </p>
      </div>
      <LayoutEditor
        screenId={screen.id}
        screenName={screen.name}
        version={layoutVersion(screen, stored)}
        gridWidth={screen.gridWidth}
        gridHeight={screen.gridHeight}
        tiers={screen.tiers}
        seats={seats}
        sold={Object.fromEntries(sold)}
        save={saveLayoutAction}
      />
    </div>
  );
}
