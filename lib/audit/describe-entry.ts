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
    case "screen.create":
      return `Created the screen ${str(d.name)} with ${plural(num(d.seats), "seat")}`;
    case "screen.layout.save":
      return `Saved the seat layout of ${str(d.name)}: ${num(d.added)} added, ${num(d.changed)} changed, ${num(d.removed)} removed`;
    default:
      return typeof d.summary === "string" && d.summary ? d.summary : `${action}${Object.keys(d).length ? ` · ${pairs(d)}` : ""}`;
  }
}
