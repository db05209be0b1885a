import { messageForErrorParam } from "@/lib/errors";

// The local checkout page's words for the codes its buttons send it back with (?error=<code>).
const MESSAGES = {
  gone: "This checkout session has ended. Go back to the show to choose your seats again.",
  not_found: "This checkout session does not exist.",
  unavailable: "Payments are paused for a moment. Nothing was charged; please try again shortly.",
  internal: "Something went wrong on our side. Nothing was charged; please try again.",
};

export const paymentErrorMessage = (param: string | string[] | undefined) => messageForErrorParam(param, MESSAGES);
