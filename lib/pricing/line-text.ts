import { formatMoney } from "@/lib/money";

type Line = { ticketTypeName: string; price: number; fee: number; tax: number; discount: number; amount: number };

/**
 * One seat line in words, the same on Stripe's line items, the email, the PDF and the booking
 * page: "Adult $12.50 + fee $1.50 + tax $1.16 − discount $1.25". With VAT-style prices the tax is
 * already inside: "(incl. tax $2.08)".
 */
export function lineDescription(line: Line, currency: string, taxIncluded = false): string {
  const parts = [`${line.ticketTypeName} ${formatMoney(line.price, currency)}`];
  if (line.fee) parts.push(`+ fee ${formatMoney(line.fee, currency)}`);
  if (line.tax && !taxIncluded) parts.push(`+ tax ${formatMoney(line.tax, currency)}`);
  if (line.discount) parts.push(`− discount ${formatMoney(line.discount, currency)}`);
  if (line.tax && taxIncluded) parts.push(`(incl. tax ${formatMoney(line.tax, currency)})`);
  return parts.join(" ");
}
