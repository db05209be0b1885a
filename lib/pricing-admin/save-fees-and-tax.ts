import "server-only";
import { getDb } from "@/db/client";
import { ticketTypesOfTheater, updateTheaterPricing } from "@/db/queries/pricing";
import { lockTheater, updateTicketType } from "@/db/queries/pricing-admin";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AdminActor } from "@/lib/auth/session-user";
import { badInput, fieldError } from "@/lib/errors";
import { formatMoneyInput, parseMoney } from "@/lib/money";
import type { FeesAndTaxInput } from "./fees-and-tax-input";

/** "" is no fee; anything else must be an amount of money. */
function feeOf(text: string, currency: string, field: string, errors: Record<string, string[]>): number | null {
  if (text === "") return 0;
  const amount = parseMoney(text, currency);
  if (amount === null) errors[field] = ["Enter an amount like 1.50, or leave it empty for none."];
  return amount;
}

/** Saves the theater's booking fees (and each type's own per-ticket fee) and its tax, together. */
export async function saveFeesAndTax(actor: AdminActor, input: FeesAndTaxInput) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const theater = await lockTheater(tx, input.theaterId);
    if (!theater) throw fieldError("theaterId", "That theater does not exist.");
    const { currency } = theater;
    const errors: Record<string, string[]> = {};
    const perTicket = feeOf(input.feePerTicket, currency, "feePerTicket", errors);
    const perOrder = feeOf(input.feePerOrder, currency, "feePerOrder", errors);
    const types = await ticketTypesOfTheater(tx, theater.id, { includeRetired: true });
    const typeFees = new Map<string, number | null>();
    for (const [typeId, text] of Object.entries(input.typeFees)) {
      const type = types.find((t) => t.id === typeId);
      if (!type) errors[`typeFees.${typeId}`] = ["That ticket type is not one of this theater's."];
      else typeFees.set(typeId, text === "" ? null : feeOf(text, currency, `typeFees.${typeId}`, errors));
    }
    if (Object.keys(errors).length) throw badInput(errors);

    const settings = {
      bookingFeePerTicket: perTicket!,
      bookingFeePerOrder: perOrder!,
      pricesIncludeFees: input.feesIncluded,
      taxRateBp: input.taxRate,
      pricesIncludeTax: input.taxIncluded,
      adultsOnlyRatings: input.adultsOnlyRatings,
    };
    await updateTheaterPricing(tx, theater.id, settings);
    // Types not in the form (retired ones) keep their own fee.
    const typeChanges: string[] = [];
    for (const type of types) {
      if (!typeFees.has(type.id)) continue;
      const fee = typeFees.get(type.id) ?? null;
      if (fee === type.feeAmount) continue;
      await updateTicketType(tx, type.id, { feeAmount: fee });
      typeChanges.push(`${type.name}: ${fee === null ? "theater fee" : formatMoneyInput(fee, currency)}`);
    }
    const money = (minor: number) => formatMoneyInput(minor, currency);
    await recordAudit(tx, actor, "pricing.fees-and-tax", { type: "theater", id: theater.id }, {
      summary: [
        `Booking fee ${money(settings.bookingFeePerTicket)} per ticket and ${money(settings.bookingFeePerOrder)} per order, ${settings.pricesIncludeFees ? "inside listed prices" : "shown apart"}`,
        `tax ${settings.taxRateBp / 100}% ${settings.pricesIncludeTax ? "included in prices" : "added on top"}`,
        settings.adultsOnlyRatings.length ? `no child tickets for ${settings.adultsOnlyRatings.join(", ")}` : "child tickets for every rating",
      ].join("; "),
      ...(typeChanges.length ? { typeFees: typeChanges.join(", ") } : {}),
    });
    return { ok: true };
  });
}
