import Link from "next/link";
import { getDb } from "@/db/client";
import { theatersForAdmin } from "@/db/queries/theaters";
import { requireChainAdminPage } from "@/lib/auth/require-admin-page";
import { TIME_ZONE_SUGGESTIONS } from "@/lib/venue/theater-input";
import { AdminTable } from "@/components/admin/admin-table";
import { TheaterForm } from "@/components/admin/theaters/theater-form";
import { TitledSection } from "@/components/titled-section";
import { createTheaterAction } from "./actions";

export const metadata = { title: "Theaters" };

export default async function TheatersPage() {
  await requireChainAdminPage();
  const rows = await theatersForAdmin(await getDb());
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">Theaters</h1>
        <p className="text-sm text-zinc-300">The chain&apos;s cinemas. Each has its own screens, prices, time zone and site managers.</p>
      </div>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-line bg-panel p-4">No theaters yet.</p>
      ) : (
        <AdminTable caption="Theaters" columns={[{ label: "Theater" }, { label: "Address" }, { label: "Time zone" }, { label: "Currency" }, { label: "Screens", align: "right" }, { label: "Site managers", align: "right" }]}>
          {rows.map(({ theater, screens, managers }) => (
            <tr key={theater.id} className="border-t border-line align-top" data-testid="theater-row">
              <th scope="row" className="px-3 py-2 font-semibold">
                <Link href={`/admin/theaters/${theater.id}`} className="inline-flex min-h-11 items-center text-gold underline-offset-2 hover:underline">
                  {theater.name}
                </Link>
                <span className="block font-mono text-xs font-normal text-zinc-300">/c/{theater.slug}</span>
              </th>
              <td className="px-3 py-2">{theater.address}</td>
              <td className="px-3 py-2 whitespace-nowrap">{theater.timeZone}</td>
              <td className="px-3 py-2">{theater.currency.toUpperCase()}</td>
              <td className="px-3 py-2 text-right tabular-nums">{screens}</td>
              <td className="px-3 py-2 text-right tabular-nums">{managers}</td>
            </tr>
          ))}
        </AdminTable>
      )}
      <p className="text-sm text-zinc-300">
        Give someone a theater to run on the <Link href="/admin/staff" className="text-gold underline">Staff</Link> page.
      </p>
      <TitledSection id="new-theater-heading" title="Add a theater" panel className="max-w-2xl space-y-3">
        <TheaterForm theater={{ name: "", slug: "", address: "", timeZone: "", currency: "usd", idNotice: "" }} zones={TIME_ZONE_SUGGESTIONS} save={createTheaterAction} />
      </TitledSection>
    </div>
  );
}
