// Each audit entry as a sentence a manager reads ("Admitted 2 tickets of booking K7QF-2M9P at
// the door"), from its kind and the details its writer recorded. Pure: names and times come
// from the details as they were when it happened, shown in the theater's zone.
//
// Writers: put what the sentence needs in `details`. A kind this file does not know is shown
// by `details.summary` when there is one (a sentence written by its writer), else its details
// as "key: value" pairs, never raw JSON.
import { formatBookingReference } from "@/lib/booking-reference";
import { formatMoney } from "@/lib/money";
import { formatDay, formatTime, localDate } from "@/lib/time";

export type AuditEntryInput = { action: string; details: Record<string, unknown> };
type Context = { timeZone: string; currency: string };

/** The kinds the filter offers, by an action's first word. */
export const AUDIT_KINDS: Record<string, string> = {
  ticket: "Door check-in",
  order: "Bookings and refunds",
  sale: "Box office sales",
  boxoffice: "Box office",
  show: "Shows",
  price: "Prices",
  pricing: "Prices",
  screen: "Screens and layouts",
  movie: "Movies",
  orders: "Exports",
  box_office: "Box office sales",
  house_seats: "House seats",
  waitlist: "Waitlist",
  "price-card": "Price cards",
  "ticket-type": "Ticket types",
  "promo-code": "Promo codes",
  theater: "Theaters",
  staff: "Staff roles",
};

export function auditKindOf(action: string): string {
  return action.split(".")[0];
}

export function auditKindLabel(kind: string): string {
  return AUDIT_KINDS[kind] ?? kind[0].toUpperCase() + kind.slice(1);
}

const str = (v: unknown) => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");
const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : 0);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function when(iso: unknown, c: Context): string {
  if (typeof iso !== "string" || Number.isNaN(Date.parse(iso))) return "";
  const d = new Date(iso);
  return `${formatDay(localDate(d, c.timeZone))} ${formatTime(d, c.timeZone)}`;
}

function reference(v: unknown): string {
  const r = str(v);
  return r ? formatBookingReference(r.replace("-", "")) : "";
}

/**
 * "2 seats (G11, G12)" from the labels as recorded, short ("G11") or long ("Row G, seat 11",
 * which take semicolons between them); `fallback` when none were recorded.
 */
function seatsInWords(v: unknown, fallback = "seats"): string {
  const labels = Array.isArray(v) ? v.map(String) : str(v) ? [str(v)] : [];
  if (!labels.length) return fallback;
  return `${plural(labels.length, "seat")} (${labels.join(labels.some((l) => l.includes(",")) ? "; " : ", ")})`;
}

/** Money as recorded: the entry's own currency when its writer gave one, else the theater's. */
function amount(minor: unknown, d: Record<string, unknown>, c: Context): string {
  return formatMoney(num(minor), str(d.currency) || c.currency);
}

const PAYMENT_METHOD: Record<string, string> = { cash: "in cash", card_terminal: "on the card terminal" };

/** Pricing admin kinds: their writers record the whole sentence as `summary` (lib/pricing-admin/). */
const PRICING_FALLBACK: Record<string, string> = {
  "price-card.create": "Created a price card",
  "price-card.update": "Changed a price card",
  "price-card.retire": "Retired a price card",
  "price-card.restore": "Put a price card back in use",
  "ticket-type.add": "Added a ticket type",
  "ticket-type.update": "Changed a ticket type",
  "ticket-type.move": "Moved a ticket type",
  "ticket-type.retire": "Retired a ticket type",
  "ticket-type.restore": "Put a ticket type back on sale",
  "promo-code.create": "Created a promo code",
  "promo-code.update": "Changed a promo code",
  "promo-code.retire": "Retired a promo code",
  "promo-code.restore": "Put a promo code back in use",
  "pricing.fees-and-tax": "Changed the booking fees and tax",
  "show.price-card": "Changed a show's price card",
  "show.tags": "Changed a show's tags",
};

function pairs(details: Record<string, unknown>): string {
  return Object.entries(details)
    .filter(([, v]) => v !== null && v !== undefined && v !== "")
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.map(String).join(", ") : typeof v === "object" ? pairs(v as Record<string, unknown>) : String(v)}`)
    .join(" · ")
    .slice(0, 300);
}

export function describeAuditEntry({ action, details: d }: AuditEntryInput, c: Context): string {
  const booking = reference(d.reference);
  switch (action) {
    case "ticket.admit": {
      const show = [str(d.movieTitle), when(d.startsAt, c)].filter(Boolean).join(", ");
      return `Admitted ${plural(num(d.count) || 1, "ticket")} of booking ${booking} at the door${d.seats ? ` (${str(d.seats)})` : ""}${show ? ` · ${show}` : ""}`;
    }
    case "order.refund": {
      if (d.result === "already_refunded") return `Tried to refund booking ${booking || "(unknown)"}: it was refunded already`;
      const admitted = num(d.admitted);
      const warned = admitted ? ` with ${plural(admitted, "ticket")} already admitted` : "";
      return `Refunded booking ${booking || "(reference not recorded)"} in full${warned}${d.reason ? `. Reason: “${str(d.reason)}”` : ""}`;
    }
    case "order.cancel":
      return `Cancelled the unpaid checkout ${booking || ""}`.trim();
    case "order.cancel_seats": {
      const seats = seatsInWords(d.seats, "some seats");
      const of = booking ? ` of booking ${booking}` : "";
      const admitted = num(d.admitted);
      const warned = admitted ? ` with ${plural(admitted, "ticket")} already admitted` : "";
      const why = d.reason ? `. Reason: “${str(d.reason)}”` : "";
      const verb = d.by === "staff" ? "Refunded" : "The customer cancelled";
      return `${verb} ${seats}${of}: ${amount(d.refund, d, c)} back${warned}${why}`;
    }
    case "order.swap": {
      const diff = num(d.difference);
      const money = diff > 0 ? `paid ${amount(diff, d, c)} more` : diff < 0 ? `${amount(-diff, d, c)} refunded` : "same price";
      return `The customer swapped ${booking ? `booking ${booking}` : "a booking"} to another show (${plural(num(d.seats), "seat")}; ${money})`;
    }
    case "box_office.sale": {
      const seats = seatsInWords(d.seats);
      const method = PAYMENT_METHOD[str(d.method)] ?? str(d.method);
      return `Sold ${seats} at the box office for ${amount(d.total, d, c)}${method ? `, paid ${method}` : ""}${d.email ? ` · tickets to ${str(d.email)}` : ""}`;
    }
    case "house_seats.reserve": {
      const n = Array.isArray(d.seatIds) ? d.seatIds.length : num(d.count);
      return `Kept ${plural(n, "house seat")} off sale${d.note ? ` (“${str(d.note)}”)` : ""}`;
    }
    case "house_seats.release": {
      const n = Array.isArray(d.seatIds) ? d.seatIds.length : num(d.count);
      return `Put ${plural(n, "house seat")} back on sale`;
    }
    case "waitlist.offer": {
      return `Offered ${seatsInWords(d.seats)}${d.together ? " together" : ""} to ${str(d.to) || "a waiting customer"} from the waitlist`;
    }
    case "show.waiting_room.on": {
      const n = Array.isArray(d.showIds) ? d.showIds.length : 1;
      const from = when(d.from, c);
      return `Opened a waiting line${from ? ` from ${from}` : ""}, letting in ${num(d.perMinute)} a minute, for ${plural(n, "show")}`;
    }
    case "show.waiting_room.off": {
      const n = Array.isArray(d.showIds) ? d.showIds.length : 1;
      return `Turned the waiting line off for ${plural(n, "show")}`;
    }
    case "orders.export":
      return `Exported the orders from ${str(d.from)} to ${str(d.to)} as CSV`;
    case "movie.create":
      return `Added the movie ${str(d.title)}`;
    case "movie.update":
      return `Edited ${str(d.title)}${Array.isArray(d.changed) && d.changed.length ? `: ${d.changed.join(", ")}` : ""}`;
    case "movie.archive":
      return `Archived ${str(d.title)}`;
    case "movie.restore":
      return `Restored ${str(d.title)}`;
    case "movie.poster":
      return `Uploaded a new poster (${Math.round(num(d.bytes) / 1024)} kB)`;
    case "show.schedule": {
      const dates = Array.isArray(d.dates) ? d.dates.map((x) => formatDay(String(x))) : [];
      const prices = d.prices && typeof d.prices === "object" ? Object.entries(d.prices as Record<string, unknown>).map(([tier, minor]) => `${tier} ${formatMoney(num(minor), c.currency)}`) : [];
      return `Scheduled ${str(d.movie)} on ${str(d.screen)} at ${str(d.time)}: ${plural(dates.length, "show")} (${dates.join(", ")})${prices.length ? ` · ${prices.join(", ")}` : ""}`;
    }
    case "show.cancel":
      return `Cancelled the show of ${when(d.startsAt, c)}${d.again ? " (it was cancelled already)" : ""}`;
    case "show.cancel.refunds":
      return `Closed the bookings of a cancelled show: ${plural(num(d.refunded), "refund")}, ${plural(num(d.closed), "unpaid checkout")} closed${Array.isArray(d.failed) && d.failed.length ? `, ${d.failed.length} to retry` : ""}`;
    case "theater.create":
      return `Added the theater ${str(d.name)}${d.timeZone ? ` (${str(d.timeZone)})` : ""}`;
    case "theater.update":
      return `Edited the theater ${str(d.name)}${Array.isArray(d.changed) && d.changed.length ? `: ${d.changed.join(", ")}` : ""}`;
    case "staff.grant": {
      const who = str(d.email) || "someone";
      return d.role === "admin" ? `Made ${who} a chain admin` : `Made ${who} a site manager${d.theater ? ` of ${str(d.theater)}` : ""}`;
    }
    case "staff.revoke": {
      const who = str(d.email) || "someone";
      return d.role === "admin" ? `${who} is no longer a chain admin` : `${who} no longer manages ${str(d.theater) || "a theater"}`;
    }
    case "screen.create":
      return `Created the screen ${str(d.name)} with ${plural(num(d.seats), "seat")}`;
    case "screen.layout.save":
      return `Saved the seat layout of ${str(d.name)}: ${num(d.added)} added, ${num(d.changed)} changed, ${num(d.removed)} removed`;
    default:
      if (action in PRICING_FALLBACK) return typeof d.summary === "string" && d.summary ? d.summary : PRICING_FALLBACK[action];
      return typeof d.summary === "string" && d.summary ? d.summary : `${action}${Object.keys(d).length ? ` · ${pairs(d)}` : ""}`;
  }
}
