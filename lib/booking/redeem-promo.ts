import "server-only";
import type { Tx } from "@/db/client";
import { customerRedemptions, holdPromoRedemption, lockCustomerRedemptions } from "@/db/queries/pricing";
import { AppError } from "@/lib/errors";
import type { PromoCodeView } from "@/lib/pricing/types";

/**
 * Counts the order's use of its code inside the transaction that inserts the order: the total
 * limit by a conditional UPDATE of the counter (never over the limit, whatever runs at once), the
 * per-customer limit under a lock on (code, customer) so one customer's two checkouts take turns.
 * A refusal rolls the order back; the caller expires the payment session nobody saw.
 */
export async function redeemPromo(tx: Tx, promo: PromoCodeView, order: { orderId: string; email: string; userId: string | null }): Promise<void> {
  if (promo.perCustomerLimit !== null) {
    await lockCustomerRedemptions(tx, promo.id, order.email);
    if ((await customerRedemptions(tx, promo.id, order)) >= promo.perCustomerLimit) {
      throw new AppError("bad_input", `You have already used the code ${promo.code} as many times as it allows.`, { reason: "promo_customer_limit" });
    }
  }
  if (!(await holdPromoRedemption(tx, promo.id, order))) {
    throw new AppError("conflict", `The code ${promo.code} has just been used up. Remove it to pay the full price.`, { reason: "promo_used_up" });
  }
}
