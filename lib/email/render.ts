import "server-only";
import { createElement, type FunctionComponent } from "react";
import { render, toPlainText } from "@react-email/components";
import BookingConfirmed, { bookingConfirmedSubject, type BookingConfirmedProps } from "@/emails/booking-confirmed";
import BookingRefunded, { bookingRefundedSubject, type BookingRefundedProps } from "@/emails/booking-refunded";
import BookingCancelled, { bookingCancelledSubject, type BookingCancelledProps } from "@/emails/booking-cancelled";
import SignInLink, { signInLinkSubject, type SignInLinkProps } from "@/emails/sign-in-link";
import WaitlistOffer, { waitlistOfferSubject, type WaitlistOfferProps } from "@/emails/waitlist-offer";

export type EmailTemplateProps = {
  "booking-confirmed": BookingConfirmedProps;
  "booking-refunded": BookingRefundedProps;
  "booking-cancelled": BookingCancelledProps;
  "sign-in-link": SignInLinkProps;
  "waitlist-offer": WaitlistOfferProps;
};

export type EmailTemplateName = keyof EmailTemplateProps;

export type RenderedEmail = { subject: string; html: string; text: string };

const templates: { [N in EmailTemplateName]: { component: FunctionComponent<EmailTemplateProps[N]>; subject: (props: EmailTemplateProps[N]) => string } } = {
  "booking-confirmed": { component: BookingConfirmed, subject: bookingConfirmedSubject },
  "booking-refunded": { component: BookingRefunded, subject: bookingRefundedSubject },
  "booking-cancelled": { component: BookingCancelled, subject: bookingCancelledSubject },
  "sign-in-link": { component: SignInLink, subject: signInLinkSubject },
  "waitlist-offer": { component: WaitlistOffer, subject: waitlistOfferSubject },
};

// Layout tables are flattened in the text part; tables marked `data-table` (a seat list) keep
// their rows and columns.
const textSelectors = [{ selector: "table.data-table", format: "dataTable", options: { uppercaseHeaderCells: false } }];

/** Any React Email component as HTML plus a plain-text part (spam filters and some readers want both). */
export async function renderComponent<P extends object>(component: FunctionComponent<P>, props: P): Promise<{ html: string; text: string }> {
  const html = await render(createElement(component, props));
  return { html, text: toPlainText(html, { selectors: textSelectors }) };
}

/** One of Marquee's templates, by name, with its subject line. */
export async function renderEmail<N extends EmailTemplateName>(template: N, props: EmailTemplateProps[N]): Promise<RenderedEmail> {
  const { component, subject } = templates[template];
  const { html, text } = await renderComponent(component, props);
  return { subject: subject(props), html, text };
}
