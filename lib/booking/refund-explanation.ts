import type { RefundReason } from "@/emails/booking-refunded";

// What the success page and the booking page say about a refunded order, one sentence per reason.
const explanations: Record<RefundReason, string> = {
  seat_conflict: "Someone else bought one of your seats moments before your payment completed. We have refunded your payment in full; you will also get an email.",
  show_cancelled: "The theater cancelled this showing, so we refunded your payment in full; you will also get an email.",
  seat_removed: "A seat you paid for is no longer in use in this screen, so we refunded your payment in full; you will also get an email.",
  customer_cancelled: "You cancelled this booking and we refunded your payment in full.",
  admin: "This booking was cancelled and refunded.",
};

export function refundExplanation(reason: string | null): string {
  return explanations[(reason ?? "admin") as RefundReason] ?? explanations.admin;
}
