import Link from "next/link";
import { getDb } from "@/db/client";
import { theatersWithScreens } from "@/db/queries/venue";
import { requireAdminPage } from "@/lib/auth/require-admin-page";
import { NewScreenForm } from "@/components/admin/layout-editor/new-screen-form";
import { createScreenAction } from "./actions";
import { AdminTable } from "@/components/admin/admin-table";

export const metadata = { title: "Screens" };

export default async function ScreensPage() {
  await requireAdminPage();
  const theaters = await theatersWithScreens(await getDb());
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">Screens</h1>
        <p className="text-sm text-zinc-300">Each screen&apos;s seats and the tiers they sell. Open a layout to add rows, aisles and accessible spaces.</p>
      </div>
      {theaters.map(({ theater, screens }) => (
        <section key={theater.id} aria-labelledby={`theater-${theater.id}`} className="space-y-3">
          <h2 id={`theater-${theater.id}`} className="text-lg font-semibold">
            {theater.name}
          </h2>
          {screens.length === 0 ? (
            <p className="rounded-lg border border-line bg-panel p-4 text-zinc-200">No screens yet.</p>
          ) : (
            <AdminTable columns={[{ label: "Screen" }, { label: "Format" }, { label: "Tiers" }, { label: "Seats", align: "right" }, { label: "Actions", visuallyHidden: true }]}>
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
        </section>
      ))}
      <section aria-labelledby="new-screen" className="max-w-xl space-y-3 rounded-xl border border-line bg-panel p-4">
        <h2 id="new-screen" className="text-lg font-semibold">New screen</h2>
        <p className="text-sm text-zinc-300">Starts as a rectangle of standard seats; shape it in the layout editor next.</p>
        <NewScreenForm create={createScreenAction} theaters={theaters.map(({ theater }) => ({ id: theater.id, name: theater.name }))} />
      </section>
    </div>
  );
}
