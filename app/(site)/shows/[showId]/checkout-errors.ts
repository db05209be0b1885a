import { messageForErrorParam } from "@/lib/errors";

// The showtime page's words for the codes checkout sends it back with (?error=<code>).
const MESSAGES = {
  gone: "Your seats are no longer held, or the show has started. Please choose your seats again.",
  conflict: "Some of your seats can no longer be booked: sold meanwhile, not on sale, or the show was cancelled. Please choose again.",
  bad_input: "That choice of seats can't be booked as it is. Please adjust it and try again.",
  not_found: "That show does not exist.",
  rate_limited: "Too many checkout attempts in a short time. Please wait a few minutes and try again.",
  unavailable: "Checkout is paused for a moment. Nothing was charged; please try again shortly.",
  internal: "Something went wrong on our side. Nothing was charged; please try again.",
};

// Words for the ticket-type and promo-code refusals (issue 18), by the reason checkout gives.
const REASONS: Record<string, string> = {
  unknown_type: "That ticket type does not exist. Please choose your ticket types again.",
  other_theater: "That ticket type is not sold at this cinema. Please choose your ticket types again.",
  retired_type: "One of the ticket types you chose is no longer sold. Please choose another.",
  not_offered: "One of the ticket types you chose is not offered for those seats at this show. Please choose another.",
  child_rating: "Child tickets are not sold for this movie's age rating.",
  tier_not_on_sale: "This show has no price for some of your seats, so they are not on sale. Please choose other seats.",
  promo_unknown: "We don't know that promo code. Please check it, or continue without it.",
  promo_refused: "That promo code can't be used for this show now (expired, used up, or for another show). Please remove it.",
  promo_used_up: "That promo code has just been used up. Please continue without it.",
  promo_customer_limit: "You have already used that promo code as many times as it allows.",
  promo_no_eligible: "That promo code does not apply to the tickets you chose.",
};

export function checkoutErrorMessage(param: string | string[] | undefined, reason?: string | string[]): string | null {
  const why = Array.isArray(reason) ? reason[0] : reason;
  if (why && Object.hasOwn(REASONS, why) && messageForErrorParam(param, MESSAGES)) return REASONS[why];
  return messageForErrorParam(param, MESSAGES);
}
