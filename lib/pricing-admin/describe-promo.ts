// A promo code in words, for the codes list and the audit log. Pure.
import { formatMoney } from "@/lib/money";
import type { PromoCodeView } from "@/lib/pricing/types";
import { WEEKDAYS } from "./price-card-input";

type Promo = Pick<
  PromoCodeView,
  "code" | "kind" | "amount" | "appliesTo" | "validFrom" | "validUntil" | "movieIds" | "showIds" | "daysOfWeek" | "ticketTypeIds" | "maxRedemptions" | "perCustomerLimit"
>;

/** "SUMMER10: 10% off each ticket · Tuesdays · Child, Senior · 100 uses, 1 per customer". */
export function describePromo(p: Promo, currency: string, types: { id: string; name: string }[]): string {
  const off = p.kind === "percent" ? `${p.amount}% off` : `${formatMoney(p.amount, currency)} off`;
  const parts = [`${p.code}: ${off} ${p.appliesTo === "order" ? "the order" : "each ticket"}`];
  if (p.daysOfWeek?.length) parts.push(p.daysOfWeek.map((d) => `${WEEKDAYS[d]}s`).join(", "));
  if (p.ticketTypeIds?.length) parts.push(p.ticketTypeIds.map((id) => types.find((t) => t.id === id)?.name ?? "?").join(", ") + " tickets");
  if (p.movieIds?.length) parts.push(`${p.movieIds.length} movie${p.movieIds.length === 1 ? "" : "s"}`);
  if (p.showIds?.length) parts.push(`${p.showIds.length} show${p.showIds.length === 1 ? "" : "s"}`);
  if (p.maxRedemptions || p.perCustomerLimit) parts.push([p.maxRedemptions ? `${p.maxRedemptions} uses` : "", p.perCustomerLimit ? `${p.perCustomerLimit} per customer` : ""].filter(Boolean).join(", "));
  return parts.join(" · ");
}
