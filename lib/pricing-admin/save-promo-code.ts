import "server-only";
import { getDb } from "@/db/client";
import { promoByCode, ticketTypesOfTheater } from "@/db/queries/pricing";
import { lockTheater, moviesByIds, promoCodeById, savePromoCode, setPromoCodeRetired, showsOfTheaterByIds } from "@/db/queries/pricing-admin";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AdminActor } from "@/lib/auth/session-user";
import { AppError, badInput, fieldError } from "@/lib/errors";
import { parseMoney } from "@/lib/money";
import { localDays } from "@/lib/time";
import { describePromo } from "./describe-promo";
import type { PromoCodeInput } from "./promo-code-input";

/** Creates or edits a promo code. Limits name this theater's movies, shows and live ticket types only. */
export async function savePromoCodeFromForm(actor: AdminActor, input: PromoCodeInput) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const theater = await lockTheater(tx, input.theaterId);
    if (!theater) throw fieldError("theaterId", "That theater does not exist.");
    const before = input.id ? await promoCodeById(tx, input.id) : null;
    if (input.id && (!before || before.theaterId !== theater.id)) throw new AppError("not_found", "That promo code does not exist.");
    const taken = await promoByCode(tx, theater.id, input.code);
    if (taken && taken.id !== before?.id) throw fieldError("code", `${input.code} already exists: choose another code.`);

    const errors: Record<string, string[]> = {};
    const amount = input.kind === "percent" ? Number(input.amount) : parseMoney(input.amount, theater.currency);
    if (amount === null || amount <= 0) errors.amount = ["Enter an amount like 2.50."];
    const types = await ticketTypesOfTheater(tx, theater.id, { includeRetired: true });
    for (const id of input.ticketTypeIds) {
      const type = types.find((t) => t.id === id);
      if (!type) (errors.ticketTypeIds ??= []).push("That ticket type is not one of this theater's.");
      else if (type.retiredAt) (errors.ticketTypeIds ??= []).push(`${type.name} is retired.`);
    }
    if ((await moviesByIds(tx, input.movieIds)).length !== input.movieIds.length) errors.movieIds = ["One of those movies does not exist."];
    if ((await showsOfTheaterByIds(tx, theater.id, input.showIds)).length !== input.showIds.length) errors.showIds = ["One of those shows is not at this theater."];
    if (before && input.totalLimit !== undefined && input.totalLimit < before.redemptions)
      errors.totalLimit = [`It has been used ${before.redemptions} times already: the limit cannot be lower.`];
    if (Object.keys(errors).length) throw badInput(errors);

    const values = {
      theaterId: theater.id,
      code: input.code,
      kind: input.kind,
      amount: amount!,
      appliesTo: input.per,
      // Whole local days in the theater's zone: from the first day's midnight to the last day's end.
      validFrom: input.validFrom ? localDays(input.validFrom, theater.timeZone).from : null,
      validUntil: input.validUntil ? localDays(input.validUntil, theater.timeZone).to : null,
      movieIds: input.movieIds.length ? input.movieIds : null,
      showIds: input.showIds.length ? input.showIds : null,
      daysOfWeek: input.days.length && input.days.length < 7 ? input.days : null,
      ticketTypeIds: input.ticketTypeIds.length ? input.ticketTypeIds : null,
      maxRedemptions: input.totalLimit ?? null,
      perCustomerLimit: input.perCustomerLimit ?? null,
    };
    const id = await savePromoCode(tx, before?.id ?? null, values);
    await recordAudit(tx, actor, before ? "promo-code.update" : "promo-code.create", { type: "promo_code", id }, {
      summary: `${before ? "Changed" : "Created"} promo code ${describePromo(values, theater.currency, types)}`,
    });
    return { id, code: input.code };
  });
}

export async function setPromoCodeRetiredFromForm(actor: AdminActor, input: { id: string; retired: boolean }, now = new Date()) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const promo = await promoCodeById(tx, input.id);
    if (!promo) throw new AppError("not_found", "That promo code does not exist.");
    await lockTheater(tx, promo.theaterId);
    await setPromoCodeRetired(tx, promo.id, input.retired ? (promo.retiredAt ?? now) : null);
    await recordAudit(tx, actor, input.retired ? "promo-code.retire" : "promo-code.restore", { type: "promo_code", id: promo.id }, { summary: `${input.retired ? "Retired" : "Accepts again"}: ${promo.code}` });
    return { id: promo.id, retired: input.retired };
  });
}
