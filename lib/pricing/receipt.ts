// The receipt-style breakdown every place shows (summary, email, PDF, booking page, report):
// tickets grouped by type and tier, booking fees, tax, discount, total. Its rows add up to the
// total to the minor unit (proved in tests/unit/pricing-engine.test.ts), because they are sums
// of the same lines the charge is the sum of.

export type ReceiptLine = { tier: string; ticketTypeName: string; price: number; fee: number; tax: number; discount: number; amount: number };
export type ReceiptInput = {
  lines: readonly ReceiptLine[];
  orderFee: number;
  orderFeeTax: number;
  taxAmount: number;
  taxIncluded: boolean;
  discountAmount: number;
  total: number;
  promoCode: string | null;
};

export type Receipt = {
  /** "2 × Adult (standard)", the sum of their prices. */
  tickets: { label: string; count: number; ticketTypeName: string; tier: string; unit: number; amount: number }[];
  /** Per-ticket fees plus the per-order fee (before its tax). */
  fees: number;
  /** Tax added on top (0 when included: then includedTax says how much is inside). */
  addedTax: number;
  includedTax: number;
  discount: number;
  promoCode: string | null;
  total: number;
};

export function receiptOf(r: ReceiptInput): Receipt {
  const groups = new Map<string, Receipt["tickets"][number]>();
  for (const l of r.lines) {
    const key = `${l.ticketTypeName}\u0000${l.tier}\u0000${l.price}`;
    const g = groups.get(key) ?? { label: "", count: 0, ticketTypeName: l.ticketTypeName, tier: l.tier, unit: l.price, amount: 0 };
    g.count++;
    g.amount += l.price;
    g.label = `${g.count} × ${l.ticketTypeName} (${l.tier})`;
    groups.set(key, g);
  }
  const orderFeeBase = r.orderFee - (r.taxIncluded ? 0 : r.orderFeeTax);
  return {
    tickets: [...groups.values()],
    fees: r.lines.reduce((s, l) => s + l.fee, 0) + orderFeeBase,
    addedTax: r.taxIncluded ? 0 : r.taxAmount,
    includedTax: r.taxIncluded ? r.taxAmount : 0,
    discount: r.discountAmount,
    promoCode: r.promoCode,
    total: r.total,
  };
}

/** The receipt's rows as label/amount pairs (discount negative), for plain-text places: email, PDF. */
export function receiptRows(receipt: Receipt, money: (minor: number) => string): { label: string; amount: string }[] {
  const rows = receipt.tickets.map((t) => ({ label: t.label, amount: money(t.amount) }));
  if (receipt.fees) rows.push({ label: "Booking fees", amount: money(receipt.fees) });
  if (receipt.addedTax) rows.push({ label: "Tax", amount: money(receipt.addedTax) });
  if (receipt.discount) rows.push({ label: receipt.promoCode ? `Discount (${receipt.promoCode})` : "Discount", amount: `−${money(receipt.discount)}` });
  rows.push({ label: "Total", amount: money(receipt.total) });
  if (receipt.includedTax) rows.push({ label: "Includes tax", amount: money(receipt.includedTax) });
  return rows;
}
