import Link from "next/link";
import { getDb } from "@/db/client";
import { theatersWithScreens } from "@/db/queries/venue";
import { requireAdminPage } from "@/lib/auth/require-admin-page";
import { adminTheaters } from "@/lib/admin/current-theater";
import { NewScreenForm } from "@/components/admin/layout-editor/new-screen-form";
import { createScreenAction } from "./actions";
import { AdminTable } from "@/components/admin/admin-table";
import { TitledSection } from "@/components/titled-section";

export const metadata = { title: "Screens" };

export default async function ScreensPage() {
  const actor = await requireAdminPage();
  const current = (await adminTheaters(actor)).current;
  // The current theater's screens (the nav's switcher picks it).
  const theaters = current ? await theatersWithScreens(await getDb(), [current.id]) : [];
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">Screens</h1>
        <p className="text-sm text-zinc-300">Each screen&apos;s seats and the tiers they sell. Open a layout to add rows, aisles and accessible spaces.</p>
      </div>
      {theaters.map(({ theater, screens }) => (
        <TitledSection key={theater.id} id={`theater-${theater.id}`} title={theater.name}>
          {screens.length === 0 ? (
            <p className="rounded-lg border border-line bg-panel p-4 text-zinc-200">No screens yet.</p>
          ) : (
            // Captioned by theater: with two theaters, two regions named alike fail axe (landmark-unique).
            <AdminTable caption={`Screens of ${theater.name}`} columns={[{ label: "Screen" }, { label: "Format" }, { label: "Tiers" }, { label: "Seats", align: "right" }, { label: "Actions", visuallyHidden: true }]}>
              {screens.map(({ screen, seatCount }) => (
                <tr key={screen.id} className="border-t border-line">
                  <th scope="row" className="px-3 py-2 font-semibold">{screen.name}</th>
                  <td className="px-3 py-2">{screen.format}</td>
                  <td className="px-3 py-2">{screen.tiers.join(", ")}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{seatCount}</td>
                  <td className="px-3 py-2 text-right">
                    <Link href={`/admin/screens/${screen.id}/layout`} className="text-gold underline-offset-2 hover:underline" aria-label={`Edit the layout of ${screen.name}`}>
                      Edit layout
                    </Link>
                  </td>
                </tr>
              ))}
            </AdminTable>
          )}
        </TitledSection>
      ))}
      <TitledSection id="new-screen" title="New screen" panel className="max-w-xl space-y-3">
        <p className="text-sm text-zinc-300">Starts as a rectangle of standard seats; shape it in the layout editor next.</p>
        <NewScreenForm create={createScreenAction} theaters={theaters.map(({ theater }) => ({ id: theater.id, name: theater.name }))} />
      </TitledSection>
    </div>
  );
}
