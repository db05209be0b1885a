import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, real, text, timestamp, unique, boolean } from "drizzle-orm/pg-core";

export const seatKind = pgEnum("seat_kind", ["standard", "premium", "wheelchair", "companion"]);

export const theaters = pgTable("theaters", {
  id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  address: text("address").notNull().default(""),
  // IANA zone; every time on a page is shown in it, never in the server's or the browser's zone.
  timeZone: text("time_zone").notNull(),
  // ISO 4217, lowercase as Stripe takes it: what this theater's shows are priced in.
  currency: text("currency").notNull().default("usd"),
  // Booking fees (issue 18), minor units: per ticket (a ticket type may override it) and per order.
  bookingFeePerTicket: integer("booking_fee_per_ticket").notNull().default(0),
  bookingFeePerOrder: integer("booking_fee_per_order").notNull().default(0),
  // Listed prices shown with the per-ticket fee in them (all-in display, UK/EU) or the fee apart.
  pricesIncludeFees: boolean("prices_include_fees").notNull().default(false),
  // Tax rate in basis points (2000 = 20%); included in prices (VAT) or added on top (US sales tax).
  taxRateBp: integer("tax_rate_bp").notNull().default(0),
  pricesIncludeTax: boolean("prices_include_tax").notNull().default(false),
  // Movie ratings on which child ticket types are refused ("R", "NC-17"); empty = no rule.
  adultsOnlyRatings: text("adults_only_ratings").array().notNull().default(sql`'{}'::text[]`),
  // Issue 21: customers may swap a booking to a show of another movie (default: same movie only).
  swapAnyMovie: boolean("swap_any_movie").notNull().default(false),
  // Issue 19: what the customer is told before paying for a rated movie ("Photo ID is required
  // for R-rated films: under 17s must come with an adult."). Empty: no notice.
  idNotice: text("id_notice").notNull().default(""),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

// First-run setup: while no theater exists, each starting server puts a one-time token here
// (hashed) and prints it in its log; the setup page asks for one. Emptied when setup completes.
export const setupTokens = pgTable("setup_tokens", {
  tokenHash: text("token_hash").primaryKey(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const screens = pgTable(
  "screens",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    theaterId: text("theater_id").notNull().references(() => theaters.id),
    name: text("name").notNull(),
    format: text("format").notNull().default("standard"),
    // Size of the seat map grid; seats sit at (x, y) in these units, the screen is drawn at the top.
    gridWidth: real("grid_width").notNull(),
    gridHeight: real("grid_height").notNull(),
    // Tiers this screen sells, cheapest first, e.g. ["standard", "premium"].
    tiers: jsonb("tiers").$type<string[]>().notNull().default(["standard"]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("screens_theater_name").on(t.theaterId, t.name)],
);

export const seats = pgTable(
  "seats",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    screenId: text("screen_id").notNull().references(() => screens.id),
    rowLabel: text("row_label").notNull(),
    number: integer("number").notNull(),
    x: real("x").notNull(),
    y: real("y").notNull(),
    kind: seatKind("kind").notNull().default("standard"),
    tier: text("tier").notNull().default("standard"),
    // A seat removed from a layout is retired, not deleted, so sold tickets keep pointing at it.
    active: boolean("active").notNull().default(true),
  },
  (t) => [
    unique("seats_screen_row_number").on(t.screenId, t.rowLabel, t.number),
    index("seats_screen_idx").on(t.screenId),
  ],
);
