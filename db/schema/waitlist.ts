import { sql } from "drizzle-orm";
import { bigserial, boolean, check, index, integer, jsonb, pgTable, text, timestamp, unique, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { shows } from "./catalog";

// Customers waiting for seats of a sold-out show. The queue is `position` order (a sequence, so
// two joins in the same millisecond still have an order). An entry that has been emailed keeps
// `notified_at` and is not emailed again; rejoining replaces it with a new entry at the back.
export const waitlistEntries = pgTable(
  "waitlist_entries",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    showId: text("show_id").notNull().references(() => shows.id),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    position: bigserial("position", { mode: "number" }).notNull(),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
    notifiedAt: timestamp("notified_at", { withTimezone: true }),
    // The seat release whose email went to this entry (waitlist_releases.key).
    notifiedFor: text("notified_for"),
    // Issue 21: how many seats the party needs together, the tier it wants (any when null), and
    // whether it accepts seats apart when no block of partySize is free.
    partySize: integer("party_size").notNull().default(1),
    tier: text("tier"),
    acceptApart: boolean("accept_apart").notNull().default(false),
  },
  (t) => [
    unique("waitlist_entries_show_user").on(t.showId, t.userId),
    check("waitlist_entries_party_size_positive", sql`${t.partySize} > 0`),
    index("waitlist_entries_waiting_idx").on(t.showId, t.position).where(sql`${t.notifiedAt} is null`),
  ],
);

// Issue 20 (kept, no longer written since issue 21's seated offers, waitlist_offers): each time seats of a show came back, one row under a key
// naming that event: a replayed release finds its key taken and emails no one.
export const waitlistReleases = pgTable(
  "waitlist_releases",
  {
    key: text("key").primaryKey(),
    showId: text("show_id").notNull().references(() => shows.id),
    seats: integer("seats").notNull(),
    notified: integer("notified").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("waitlist_releases_seats_positive", sql`${t.seats} > 0`)],
);

// A block of seats held for one waiting party (issue 21): the seats are locked in Redis under
// `holderId` until `expiresAt`; the party takes it (checkout), declines it, or lets it run out,
// and the block goes to the next party that fits. `orderId` is the checkout that took it.
export const waitlistOffers = pgTable(
  "waitlist_offers",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    showId: text("show_id").notNull().references(() => shows.id),
    entryId: text("entry_id").notNull().references(() => waitlistEntries.id, { onDelete: "cascade" }),
    seatIds: jsonb("seat_ids").$type<string[]>().notNull(),
    together: boolean("together").notNull().default(true),
    holderId: text("holder_id").notNull(),
    // open → taken (checkout started) | declined | expired
    status: text("status").notNull().default("open"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    orderId: text("order_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [
    index("waitlist_offers_show_idx").on(t.showId, t.status),
    // An entry has at most one open offer.
    uniqueIndex("waitlist_offers_one_open_per_entry").on(t.entryId).where(sql`${t.status} = 'open'`),
  ],
);
