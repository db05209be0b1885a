import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { priceCardById } from "@/db/queries/pricing";
import { comingShowsOnCard } from "@/db/queries/pricing-admin";
import { theaterById } from "@/db/queries/venue";
import { requireAdminPage } from "@/lib/auth/require-admin-page";
import { managesTheater } from "@/lib/auth/theater-scope";
import { cardEditorData } from "@/lib/pricing-admin/card-editor-data";
import { cardFormValues } from "@/lib/pricing-admin/card-form-values";
import { PriceCardForm } from "@/components/admin/pricing/price-card-form";
import { savePriceCardAction } from "../../actions";
import { BackLink } from "@/components/back-link";

export const metadata = { title: "Price card" };

export default async function EditPriceCardPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const actor = await requireAdminPage();
  const db = await getDb();
  const [{ id }, { created }] = await Promise.all([params, searchParams]);
  const card = await priceCardById(db, id);
  // Another theater's card reads as no card at all (issue 19).
  const theater = card && managesTheater(actor, card.theaterId) ? await theaterById(db, card.theaterId) : null;
  if (!card || !theater) notFound();
  const [data, coming] = await Promise.all([cardEditorData(db, theater.id), comingShowsOnCard(db, card.id)]);
  return (
    <div className="space-y-5">
      <p>
        <BackLink href="/admin/pricing">Price cards</BackLink>
      </p>
      <h1 className="text-2xl font-bold">{card.name}</h1>
      {created && (
        <p role="status" className="rounded-lg border border-emerald-400 bg-emerald-400/10 p-3 text-sm">
          Card created. Shows scheduled from now on that fit its rules get it.
        </p>
      )}
      {card.retiredAt ? (
        <p className="rounded-lg border border-line bg-panel p-3 text-sm">This card is retired: use it again from the price cards page to change it.</p>
      ) : (
        <>
          <p className="text-sm text-zinc-300">
            {coming.shows === 0
              ? "No coming show uses this card."
              : `${coming.shows} coming show${coming.shows === 1 ? " uses" : "s use"} this card. When you save, shows without orders take the new prices; the ${coming.withOrders} with orders keep theirs (move one to this card from the shows page to re-price it).`}
          </p>
          <PriceCardForm theaterId={theater.id} card={cardFormValues(card, theater.currency)} currency={theater.currency} save={savePriceCardAction} {...data} />
        </>
      )}
    </div>
  );
}
