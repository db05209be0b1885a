import { formatMoney } from "@/lib/money";
import { receiptOf, receiptRows, type Receipt } from "@/lib/pricing/receipt";

type OrderLines = {
  order: { orderFee: number; orderFeeTax: number; taxAmount: number; taxIncluded: boolean; discountAmount: number; totalAmount: number; promoCode: string | null; currency: string };
  seats: readonly { tier: string; ticketTypeName: string; price: number; fee: number; tax: number; discount: number; amount: number }[];
};

/** The order's receipt from the lines it snapshotted at checkout (the same numbers that were charged). */
export function orderReceipt(detail: OrderLines): Receipt {
  const o = detail.order;
  return receiptOf({ lines: detail.seats, orderFee: o.orderFee, orderFeeTax: o.orderFeeTax, taxAmount: o.taxAmount, taxIncluded: o.taxIncluded, discountAmount: o.discountAmount, total: o.totalAmount, promoCode: o.promoCode });
}

/** The receipt as formatted label/amount rows (email, PDF). */
export function orderReceiptRows(detail: OrderLines): { label: string; amount: string }[] {
  return receiptRows(orderReceipt(detail), (minor) => formatMoney(minor, detail.order.currency));
}
