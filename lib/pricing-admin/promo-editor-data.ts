import "server-only";
import type { Db } from "@/db/client";
import { ticketTypesOfTheater } from "@/db/queries/pricing";
import { schedulingChoices, showsWithOccupancy } from "@/db/queries/shows";
import { formatMoneyInput } from "@/lib/money";
import { formatDay, formatTime, localDate } from "@/lib/time";
import type { PromoCodeView } from "@/lib/pricing/types";
import type { PromoFormValues } from "./promo-code-input";

const COMING_SHOWS = 150;

/** What a promo code may be limited to: live ticket types, active movies, coming shows. */
export async function promoEditorData(db: Db, theaterId: string, timeZone: string, now = new Date()) {
  const [types, choices, coming] = await Promise.all([ticketTypesOfTheater(db, theaterId), schedulingChoices(db, theaterId), showsWithOccupancy(db, { from: now, limit: COMING_SHOWS, theaterIds: [theaterId] })]);
  return {
    types: types.map((t) => ({ id: t.id, label: t.name })),
    movies: choices.movies.map((m) => ({ id: m.id, label: m.title })),
    shows: coming.filter((s) => s.status === "scheduled").map((s) => ({ id: s.id, label: `${formatDay(localDate(s.startsAt, timeZone))} ${formatTime(s.startsAt, timeZone)} · ${s.title} · ${s.screenName}` })),
  };
}

export const EMPTY_PROMO: PromoFormValues = { code: "", kind: "percent", amount: "", per: "order", validFrom: "", validUntil: "", movieIds: [], showIds: [], days: [], ticketTypeIds: [], totalLimit: "", perCustomerLimit: "" };

/** A stored code as the form starts with it; dates back in the theater's zone (the last day is the one before validUntil's midnight). */
export function promoFormValues(p: PromoCodeView, currency: string, timeZone: string): PromoFormValues {
  return {
    id: p.id,
    code: p.code,
    kind: p.kind,
    amount: p.kind === "percent" ? String(p.amount) : formatMoneyInput(p.amount, currency),
    per: p.appliesTo,
    validFrom: p.validFrom ? localDate(p.validFrom, timeZone) : "",
    validUntil: p.validUntil ? localDate(new Date(p.validUntil.getTime() - 1), timeZone) : "",
    movieIds: p.movieIds ?? [],
    showIds: p.showIds ?? [],
    days: p.daysOfWeek ?? [],
    ticketTypeIds: p.ticketTypeIds ?? [],
    totalLimit: p.maxRedemptions ? String(p.maxRedemptions) : "",
    perCustomerLimit: p.perCustomerLimit ? String(p.perCustomerLimit) : "",
  };
}
