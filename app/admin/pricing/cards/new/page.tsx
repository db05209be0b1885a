import { getDb } from "@/db/client";
import { requireAdminPage } from "@/lib/auth/require-admin-page";
import { adminTheaters } from "@/lib/admin/current-theater";
import { cardEditorData } from "@/lib/pricing-admin/card-editor-data";
import { EMPTY_CARD } from "@/lib/pricing-admin/card-form-values";
import { PriceCardForm } from "@/components/admin/pricing/price-card-form";
import { savePriceCardAction } from "../../actions";
import { BackLink } from "@/components/back-link";

export const metadata = { title: "New price card" };

export default async function NewPriceCardPage() {
  const actor = await requireAdminPage();
  const db = await getDb();
  const theater = (await adminTheaters(actor)).current;
  if (!theater) return <p>No theater is set up yet.</p>;
  const data = await cardEditorData(db, theater.id);
  return (
    <div className="space-y-5">
      <p>
        <BackLink href="/admin/pricing">Price cards</BackLink>
      </p>
      <h1 className="text-2xl font-bold">New price card</h1>
      <p className="text-sm text-zinc-300">{theater.name}</p>
      <PriceCardForm theaterId={theater.id} card={EMPTY_CARD} currency={theater.currency} save={savePriceCardAction} {...data} />
    </div>
  );
}
