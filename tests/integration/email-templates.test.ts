import { describe, expect, it } from "vitest";
import { renderEmail, type EmailTemplateName, type EmailTemplateProps } from "@/lib/email/render";
import BookingConfirmed from "@/emails/booking-confirmed";
import BookingRefunded from "@/emails/booking-refunded";
import BookingCancelled from "@/emails/booking-cancelled";
import SignInLink from "@/emails/sign-in-link";
import WaitlistOffer from "@/emails/waitlist-offer";

const examples: { [N in EmailTemplateName]: EmailTemplateProps[N] } = {
  "booking-confirmed": BookingConfirmed.PreviewProps,
  "booking-refunded": BookingRefunded.PreviewProps,
  "booking-cancelled": BookingCancelled.PreviewProps,
  "sign-in-link": SignInLink.PreviewProps,
  "waitlist-offer": WaitlistOffer.PreviewProps,
};

describe("email templates", () => {
  for (const name of Object.keys(examples) as EmailTemplateName[]) {
    it(`${name}: accessible, self-contained HTML with a subject and a text part`, async () => {
      const { subject, html, text } = await renderEmail(name, examples[name] as never);
      expect(subject.length).toBeGreaterThan(5);
      expect(html).toMatch(/^<!DOCTYPE html/i);
      expect(html).toMatch(/<html[^>]* lang="en"/);
      expect(html).toMatch(/<title>[^<]+<\/title>/);
      expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
      // No remote images, fonts or stylesheets: nothing loads from elsewhere when the email opens.
      expect(html).not.toMatch(/<img|<link|@import|url\(/i);
      expect(text.length).toBeGreaterThan(40);
      expect(text).not.toContain("<");
    });
  }

  it("booking confirmed lists seats with tier and price, the total, the order and the attachments", async () => {
    const { html, text } = await renderEmail("booking-confirmed", { ...BookingConfirmed.PreviewProps, pdfFilename: "marquee-tickets.pdf" });
    for (const s of ["Row F, Seat 7", "Premium", "$18.50", "$33.00", "Marquee Downtown", "Screen 1", "Saturday, November 21 at 7:30 PM EST"]) {
      expect(html).toContain(s);
      expect(text).toContain(s);
    }
    expect(text).toContain("marquee-tickets.pdf");
    expect(text).toMatch(/calendar file/);
    expect(html).toContain('href="http://localhost:3000/bookings"');
    expect(html).toContain('scope="col"');
  });

  it("booking refunded explains a seat conflict, and the other reasons in their own words", async () => {
    const conflict = await renderEmail("booking-refunded", BookingRefunded.PreviewProps);
    expect(conflict.text).toContain("the seat you paid for was sold moments before your payment completed; we refunded you in full");
    expect(conflict.subject).toMatch(/full refund/);
    expect(conflict.html).toContain("Pick other seats");

    const show = await renderEmail("booking-refunded", { ...BookingRefunded.PreviewProps, reason: "show_cancelled" });
    expect(show.text).toContain("cancel this showing");
    expect(show.text).not.toContain("sold moments before");
    const unknown = await renderEmail("booking-refunded", { ...BookingRefunded.PreviewProps, reason: "something_else" });
    expect(unknown.text).toContain("box office refunded $33.00");
  });

  it("escapes what customers type", async () => {
    const { html } = await renderEmail("booking-cancelled", { ...BookingCancelled.PreviewProps, customerName: "<script>alert(1)</script>" });
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
  });
});
