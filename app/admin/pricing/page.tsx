import Link from "next/link";
import { getDb } from "@/db/client";
import { priceCardsOfTheater, ticketTypesOfTheater } from "@/db/queries/pricing";
import { requireAdminPage } from "@/lib/auth/require-admin-page";
import { adminTheaters } from "@/lib/admin/current-theater";
import { formatMoney } from "@/lib/money";
import { cardRulesInWords } from "@/lib/pricing-admin/card-form-values";
import { PricingTabs } from "@/components/admin/pricing/pricing-tabs";
import { RetirePriceCardButton } from "@/components/admin/pricing/retire-price-card-button";
import { retirePriceCardAction } from "./actions";

export const metadata = { title: "Price cards" };

export default async function PriceCardsPage() {
  const actor = await requireAdminPage();
  const db = await getDb();
  const theater = (await adminTheaters(actor)).current;
  if (!theater) return <p>No theater is set up yet.</p>;
  const [cards, types] = await Promise.all([priceCardsOfTheater(db, theater.id, { includeRetired: true }), ticketTypesOfTheater(db, theater.id, { includeRetired: true })]);
  const typeName = (id: string) => types.find((t) => t.id === id)?.name ?? "?";

  return (
    <div className="space-y-6">
      <div className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-2xl font-bold">Price cards</h1>
          <Link href="/admin/pricing/cards/new" className="rounded-lg bg-gold px-4 py-2 font-semibold text-ink">
            New price card
          </Link>
        </div>
        <p className="text-sm text-zinc-300">{theater.name}</p>
        <PricingTabs current="/admin/pricing" />
        <p className="text-sm text-zinc-300">
          A show gets the card whose rules it fits (the highest priority when several do), else the default card. Editing a card changes the prices of its shows that have no orders yet; a show with orders keeps the prices it was sold at.
        </p>
      </div>
      {cards.length === 0 ? (
        <p className="rounded-lg border border-line bg-panel p-4">No price cards yet.</p>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2">
          {cards.map((card) => (
            <li key={card.id} className={`space-y-2 rounded-xl border border-line bg-panel p-4 ${card.retiredAt ? "opacity-70" : ""}`} data-testid="price-card">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="text-lg font-semibold">
                  <Link href={`/admin/pricing/cards/${card.id}`} className="underline-offset-2 hover:underline">
                    {card.name}
                  </Link>
                  {card.retiredAt && <span className="ml-2 text-sm font-normal text-zinc-300">(retired)</span>}
                </h2>
                <span className="text-sm text-zinc-300">priority {card.priority}</span>
              </div>
              <p className="text-sm">{cardRulesInWords(card)}</p>
              <dl className="space-y-1 text-sm">
                {Object.entries(card.prices).map(([tier, row]) => (
                  <div key={tier} className="flex flex-wrap gap-x-2">
                    <dt className="font-medium capitalize">{tier}:</dt>
                    <dd>
                      {Object.entries(row)
                        .map(([typeId, amount]) => `${typeName(typeId)} ${formatMoney(amount, theater.currency)}`)
                        .join(", ")}
                    </dd>
                  </div>
                ))}
              </dl>
              <RetirePriceCardButton id={card.id} name={card.name} retired={card.retiredAt !== null} retire={retirePriceCardAction} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
