import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { theaterById } from "@/db/queries/venue";
import { requireChainAdminPage } from "@/lib/auth/require-admin-page";
import { TIME_ZONE_SUGGESTIONS } from "@/lib/venue/theater-input";
import { BackLink } from "@/components/back-link";
import { TheaterForm } from "@/components/admin/theaters/theater-form";
import { updateTheaterAction } from "../actions";

export const metadata = { title: "Theater" };

export default async function EditTheaterPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  await requireChainAdminPage();
  const [{ id }, { created }] = await Promise.all([params, searchParams]);
  const theater = await theaterById(await getDb(), id);
  if (!theater) notFound();
  return (
    <div className="space-y-5">
      <BackLink href="/admin/theaters">Theaters</BackLink>
      <h1 className="text-2xl font-bold">{theater.name}</h1>
      {created && (
        <p role="status" className="rounded-lg border border-emerald-400 bg-emerald-400/10 p-3 text-sm">
          {theater.name} was added with the usual ticket types. Next: its screens, a price card and a site manager.
        </p>
      )}
      <TheaterForm
        theater={{ id: theater.id, name: theater.name, slug: theater.slug, address: theater.address, timeZone: theater.timeZone, currency: theater.currency, idNotice: theater.idNotice }}
        zones={TIME_ZONE_SUGGESTIONS}
        save={updateTheaterAction}
      />
    </div>
  );
}
