import { sql } from "drizzle-orm";
import { bigserial, check, index, integer, pgTable, text, timestamp, unique } from "drizzle-orm/pg-core";
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
  },
  (t) => [
    unique("waitlist_entries_show_user").on(t.showId, t.userId),
    index("waitlist_entries_waiting_idx").on(t.showId, t.position).where(sql`${t.notifiedAt} is null`),
  ],
);

// Each time seats of a show come back (an order closed unpaid, a refund), one row under a key
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
