import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { theaters } from "./venue";

// What a cinema sells (issue 18): ticket types, price cards with the rules that pick them for a
// show, and promo codes. Amounts are integer minor units of the theater's currency.

export const ticketTypes = pgTable(
  "ticket_types",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    theaterId: text("theater_id").notNull().references(() => theaters.id),
    name: text("name").notNull(),
    // Shown to the customer beside the type: "Under 12", "Bring your student ID".
    note: text("note").notNull().default(""),
    minAge: integer("min_age"),
    // A child's ticket: refused on shows whose rating is in the theater's adults-only list.
    child: boolean("child").notNull().default(false),
    // Per-ticket booking fee for this type; null = the theater's per-ticket fee.
    feeAmount: integer("fee_amount"),
    sortOrder: integer("sort_order").notNull().default(0),
    // Retired, not deleted: sold lines keep pointing at it.
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("ticket_types_theater_idx").on(t.theaterId, t.sortOrder),
    uniqueIndex("ticket_types_live_name").on(t.theaterId, sql`lower(${t.name})`).where(sql`${t.retiredAt} is null`),
    check("ticket_types_fee_nonnegative", sql`${t.feeAmount} is null or ${t.feeAmount} >= 0`),
  ],
);

export const priceCards = pgTable(
  "price_cards",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    theaterId: text("theater_id").notNull().references(() => theaters.id),
    name: text("name").notNull(),
    // Among matching specific cards the highest priority wins (then the most rules, then the name).
    priority: integer("priority").notNull().default(0),
    // Rules; null = no restriction. Days: 0 = Sunday … 6 = Saturday, in the theater's zone.
    daysOfWeek: integer("days_of_week").array(),
    // Start time window in minutes after local midnight: [from, until).
    dayPartFromMinute: integer("day_part_from_minute"),
    dayPartUntilMinute: integer("day_part_until_minute"),
    // Screen formats ("imax", "3d", …) as screens.format.
    formats: text("formats").array(),
    // Local dates of the show's start, inclusive both ends.
    validFrom: date("valid_from"),
    validUntil: date("valid_until"),
    // The card a show gets when no specific card matches; at most one live per theater.
    isDefault: boolean("is_default").notNull().default(false),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("price_cards_theater_idx").on(t.theaterId),
    uniqueIndex("price_cards_one_default").on(t.theaterId).where(sql`${t.isDefault} and ${t.retiredAt} is null`),
  ],
);

export const priceCardPrices = pgTable(
  "price_card_prices",
  {
    cardId: text("card_id").notNull().references(() => priceCards.id, { onDelete: "cascade" }),
    tier: text("tier").notNull(),
    ticketTypeId: text("ticket_type_id").notNull().references(() => ticketTypes.id),
    amount: integer("amount").notNull(),
  },
  (t) => [primaryKey({ columns: [t.cardId, t.tier, t.ticketTypeId] }), check("price_card_prices_nonnegative", sql`${t.amount} >= 0`)],
);

export const promoKind = pgEnum("promo_kind", ["percent", "fixed"]);
export const promoScope = pgEnum("promo_scope", ["order", "ticket"]);

export const promoCodes = pgTable(
  "promo_codes",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    theaterId: text("theater_id").notNull().references(() => theaters.id),
    // Normalised: upper case, no spaces (lib/pricing/promo normaliseCode).
    code: text("code").notNull(),
    kind: promoKind("kind").notNull(),
    // percent: whole percent 1..100; fixed: minor units.
    amount: integer("amount").notNull(),
    appliesTo: promoScope("applies_to").notNull().default("order"),
    validFrom: timestamp("valid_from", { withTimezone: true }),
    validUntil: timestamp("valid_until", { withTimezone: true }),
    // Limits; null = any.
    movieIds: text("movie_ids").array(),
    showIds: text("show_ids").array(),
    daysOfWeek: integer("days_of_week").array(),
    ticketTypeIds: text("ticket_type_ids").array(),
    maxRedemptions: integer("max_redemptions"),
    perCustomerLimit: integer("per_customer_limit"),
    // Held + used redemptions, counted atomically at checkout; released ones give it back.
    redemptions: integer("redemptions").notNull().default(0),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("promo_codes_theater_code").on(t.theaterId, t.code),
    check("promo_codes_amount_positive", sql`${t.amount} > 0 and (${t.kind} <> 'percent' or ${t.amount} <= 100)`),
    check("promo_codes_redemptions_within_limit", sql`${t.redemptions} >= 0 and (${t.maxRedemptions} is null or ${t.redemptions} <= ${t.maxRedemptions})`),
  ],
);
