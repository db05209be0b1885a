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

export const checkoutErrorMessage = (param: string | string[] | undefined) => messageForErrorParam(param, MESSAGES);
