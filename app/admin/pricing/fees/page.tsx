import { getDb } from "@/db/client";
import { theaterPricing, ticketTypesOfTheater } from "@/db/queries/pricing";
import { requireAdminPage } from "@/lib/auth/require-admin-page";
import { adminTheaters } from "@/lib/admin/current-theater";
import { RATINGS } from "@/lib/catalog/movie-input";
import { formatMoneyInput } from "@/lib/money";
import { formatTaxRate } from "@/lib/pricing-admin/fees-and-tax-input";
import { FeesAndTaxForm } from "@/components/admin/pricing/fees-and-tax-form";
import { PricingTabs } from "@/components/admin/pricing/pricing-tabs";
import { saveFeesAndTaxAction } from "../actions";

export const metadata = { title: "Fees and tax" };

export default async function FeesAndTaxPage() {
  const actor = await requireAdminPage();
  const db = await getDb();
  const theater = (await adminTheaters(actor)).current;
  if (!theater) return <p>No theater is set up yet.</p>;
  const [pricing, types] = await Promise.all([theaterPricing(db, theater.id), ticketTypesOfTheater(db, theater.id)]);
  if (!pricing) return <p>No theater is set up yet.</p>;
  const money = (minor: number) => (minor ? formatMoneyInput(minor, theater.currency) : "");
  return (
    <div className="space-y-6">
      <div className="space-y-3">
        <h1 className="text-2xl font-bold">Fees and tax</h1>
        <p className="text-sm text-zinc-300">{theater.name}</p>
        <PricingTabs current="/admin/pricing/fees" />
        <p className="text-sm text-zinc-300">Customers see the fees and the tax before they pay; orders keep the amounts they were charged.</p>
      </div>
      <FeesAndTaxForm
        theaterId={theater.id}
        currency={theater.currency}
        ratings={RATINGS}
        values={{ feePerTicket: money(pricing.bookingFeePerTicket), feePerOrder: money(pricing.bookingFeePerOrder), feesIncluded: pricing.pricesIncludeFees, taxRate: formatTaxRate(pricing.taxRateBp), taxIncluded: pricing.pricesIncludeTax, adultsOnlyRatings: pricing.adultsOnlyRatings }}
        types={types.map((t) => ({ id: t.id, name: t.name, child: t.child, fee: t.feeAmount === null ? "" : formatMoneyInput(t.feeAmount, theater.currency) }))}
        save={saveFeesAndTaxAction}
      />
    </div>
  );
}
