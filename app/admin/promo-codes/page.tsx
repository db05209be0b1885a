import Link from "next/link";
import { getDb } from "@/db/client";
import { ticketTypesOfTheater } from "@/db/queries/pricing";
import { promoCodesWithUses } from "@/db/queries/pricing-admin";
import { requireAdminPage } from "@/lib/auth/require-admin-page";
import { adminTheaters } from "@/lib/admin/current-theater";
import { describePromo } from "@/lib/pricing-admin/describe-promo";
import { EMPTY_PROMO, promoEditorData } from "@/lib/pricing-admin/promo-editor-data";
import { formatDay, localDate } from "@/lib/time";
import { AdminTable } from "@/components/admin/admin-table";
import { PromoCodeForm } from "@/components/admin/pricing/promo-code-form";
import { RetirePromoCodeButton } from "@/components/admin/pricing/retire-promo-code-button";
import { TitledSection } from "@/components/titled-section";
import { retirePromoCodeAction, savePromoCodeAction } from "./actions";

export const metadata = { title: "Promo codes" };

export default async function PromoCodesPage({ searchParams }: { searchParams: Promise<{ created?: string }> }) {
  const actor = await requireAdminPage();
  const db = await getDb();
  const theater = (await adminTheaters(actor)).current;
  if (!theater) return <p>No theater is set up yet.</p>;
  const [{ created }, rows, types, choices] = await Promise.all([searchParams, promoCodesWithUses(db, theater.id), ticketTypesOfTheater(db, theater.id, { includeRetired: true }), promoEditorData(db, theater.id, theater.timeZone)]);
  const day = (d: Date | null) => (d ? formatDay(localDate(d, theater.timeZone)) : null);

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Promo codes</h1>
      <p className="text-sm text-zinc-300">{theater.name}</p>
      {created && (
        <p role="status" className="rounded-lg border border-emerald-400 bg-emerald-400/10 p-3 text-sm">
          {created} created: customers can enter it on the booking summary.
        </p>
      )}
      {rows.length === 0 ? (
        <p className="rounded-lg border border-line bg-panel p-4">No promo codes yet.</p>
      ) : (
        <AdminTable caption="Promo codes" columns={[{ label: "Code" }, { label: "What it gives" }, { label: "Valid" }, { label: "Uses", align: "right" }, { label: "Actions", visuallyHidden: true }]}>
          {rows.map(({ promo, used }) => (
            <tr key={promo.id} className="border-t border-line align-top" data-testid="promo-row">
              <th scope="row" className="px-3 py-2 font-mono font-semibold">
                <Link href={`/admin/promo-codes/${promo.id}`} className="underline-offset-2 hover:underline">
                  {promo.code}
                </Link>
                {promo.retiredAt && <span className="block font-sans text-xs font-normal text-zinc-300">retired</span>}
              </th>
              <td className="px-3 py-2">{describePromo(promo, theater.currency, types).replace(/^[^:]+: /, "")}</td>
              <td className="px-3 py-2 whitespace-nowrap">{[day(promo.validFrom) ?? "now", day(promo.validUntil && new Date(promo.validUntil.getTime() - 1)) ?? "no end"].join(" – ")}</td>
              <td className="px-3 py-2 text-right tabular-nums whitespace-nowrap">
                {used} paid{promo.redemptions > used ? `, ${promo.redemptions - used} in checkout` : ""}
                {promo.maxRedemptions ? ` / ${promo.maxRedemptions}` : ""}
              </td>
              <td className="px-3 py-2">
                <RetirePromoCodeButton id={promo.id} code={promo.code} retired={promo.retiredAt !== null} retire={retirePromoCodeAction} />
              </td>
            </tr>
          ))}
        </AdminTable>
      )}
      <TitledSection id="new-code-heading" title="New promo code" panel className="max-w-2xl space-y-3">
        <PromoCodeForm theaterId={theater.id} promo={EMPTY_PROMO} currency={theater.currency} save={savePromoCodeAction} {...choices} />
      </TitledSection>
    </div>
  );
}
