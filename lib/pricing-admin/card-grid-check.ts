// Checks a price card's typed grid against the theater's tiers on sale and its ticket types.
// Pure: the action passes the rows in. A ticket type is offered by a card when it has a price in
// any tier; an offered type then needs a price in every tier some screen sells, so no seat on
// sale is left without a price.
import { formatMoneyInput, parseMoney } from "@/lib/money";

type Type = { id: string; name: string; retiredAt: Date | null };
export type GridCell = { tier: string; ticketTypeId: string; amount: number };
export type GridCheck = { cells: GridCell[]; errors: Record<string, string[]>; message: string | null };

const title = (tier: string) => `${tier[0]?.toUpperCase() ?? ""}${tier.slice(1)}`;

export function checkCardGrid(typed: Record<string, Record<string, string>>, tiersOnSale: string[], types: Type[], currency: string): GridCheck {
  const errors: Record<string, string[]> = {};
  const problems: string[] = [];
  const cells: GridCell[] = [];
  const byId = new Map(types.map((t) => [t.id, t]));
  const add = (key: string, message: string, problem = message) => {
    (errors[key] ??= []).push(message);
    problems.push(problem);
  };

  for (const [tier, row] of Object.entries(typed)) {
    for (const [typeId, text] of Object.entries(row)) {
      if (text.trim() === "") continue;
      const key = `prices.${tier}.${typeId}`;
      const type = byId.get(typeId);
      if (!type) add(key, "That ticket type is not one of this theater's.");
      else if (type.retiredAt) add(key, `${type.name} is retired: clear its prices, or sell it again first.`);
      else if (!tiersOnSale.includes(tier)) add(key, `No screen sells ${title(tier)} seats.`);
      else {
        const amount = parseMoney(text, currency);
        if (amount === null) add(key, "Enter a price like 12.50.", `${title(tier)} / ${type.name}: enter a price like 12.50.`);
        else cells.push({ tier, ticketTypeId: typeId, amount });
      }
    }
  }
  if (problems.length) return { cells, errors, message: problems[0] };

  const offered = types.filter((t) => cells.some((c) => c.ticketTypeId === t.id));
  if (offered.length === 0 && tiersOnSale.length) {
    add(`prices.${tiersOnSale[0]}`, "Give at least one ticket type a price in every tier.");
    return { cells, errors, message: "This card has no prices: give at least one ticket type a price in every tier." };
  }
  for (const tier of tiersOnSale)
    for (const type of offered)
      if (!cells.some((c) => c.tier === tier && c.ticketTypeId === type.id))
        add(`prices.${tier}.${type.id}`, `Missing: ${title(tier)} seats are on sale. Price ${type.name} here, or clear ${type.name} in every tier.`, `${title(tier)} seats are on sale but this card has no ${title(tier)} price for ${type.name}.`);
  return { cells, errors, message: problems[0] ?? null };
}

/** "Standard: Adult 12.50, Child 9.00; Premium: Adult 16.00": a grid for the audit log. */
export function gridInWords(cells: GridCell[], types: Type[], currency: string): string {
  const tiers = [...new Set(cells.map((c) => c.tier))];
  const order = new Map(types.map((t, i) => [t.id, i]));
  return tiers
    .map((tier) => {
      const row = cells.filter((c) => c.tier === tier).sort((a, b) => (order.get(a.ticketTypeId) ?? 0) - (order.get(b.ticketTypeId) ?? 0));
      return `${title(tier)}: ${row.map((c) => `${types.find((t) => t.id === c.ticketTypeId)?.name ?? "?"} ${formatMoneyInput(c.amount, currency)}`).join(", ")}`;
    })
    .join("; ");
}
