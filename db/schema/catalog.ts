import type { PriceSnapshot } from "@/lib/pricing/types";
import { boolean, check, index, integer, jsonb, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { priceCards } from "./pricing";
import { screens } from "./venue";

export const movieStatus = pgEnum("movie_status", ["active", "archived"]);
export const showStatus = pgEnum("show_status", ["scheduled", "cancelled"]);

export const movies = pgTable("movies", {
  id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
  slug: text("slug").notNull().unique(),
  title: text("title").notNull(),
  synopsis: text("synopsis").notNull().default(""),
  runtimeMinutes: integer("runtime_minutes").notNull(),
  rating: text("rating").notNull().default("NR"),
  genres: jsonb("genres").$type<string[]>().notNull().default([]),
  // A path under /public or /api (posters are made locally: no remote images).
  posterUrl: text("poster_url"),
  status: movieStatus("status").notNull().default("active"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
}, (t) => [check("movies_runtime_positive", sql`${t.runtimeMinutes} > 0`)]);

export const shows = pgTable(
  "shows",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    screenId: text("screen_id").notNull().references(() => screens.id),
    movieId: text("movie_id").notNull().references(() => movies.id),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    status: showStatus("status").notNull().default("scheduled"),
    // Price per tier in minor units (cents), e.g. {"standard": 1250, "premium": 1650}.
    // Since issue 18: the lowest price per tier of the show's price snapshot (the "from" price, and
    // which tiers are on sale); a show without a snapshot sells its first ticket type at these.
    prices: jsonb("prices").$type<Record<string, number>>().notNull(),
    // The price card picked by the rules (or by an admin: overridden) and the copy of its prices
    // taken when the show was put on sale with it (lib/pricing/types.ts PriceSnapshot).
    priceCardId: text("price_card_id").references(() => priceCards.id),
    priceCardOverridden: boolean("price_card_overridden").notNull().default(false),
    priceSnapshot: jsonb("price_snapshot").$type<PriceSnapshot>(),
    currency: text("currency").notNull().default("usd"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    // A high-demand on-sale (issue 22): from this time a visitor waits in line and is admitted
    // at admissionPerMinute. Both null: no waiting room.
    waitingRoomFrom: timestamp("waiting_room_from", { withTimezone: true }),
    admissionPerMinute: integer("admission_per_minute"),
    // What moviegoers filter by (issue 19): format, language, subtitles, accessibility — ids from
    // the one vocabulary in lib/show-tags.ts ("imax", "lang:es", "subs:en", "audio-description").
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    check("shows_waiting_room_whole", sql`(${t.waitingRoomFrom} is null) = (${t.admissionPerMinute} is null)`),
    check("shows_admission_rate_positive", sql`${t.admissionPerMinute} is null or ${t.admissionPerMinute} > 0`),
    index("shows_starts_idx").on(t.startsAt),
    index("shows_tags_idx").using("gin", t.tags),
    index("shows_movie_idx").on(t.movieId, t.startsAt),
    index("shows_screen_idx").on(t.screenId, t.startsAt),
    check("shows_ends_after_start", sql`${t.endsAt} > ${t.startsAt}`),
  ],
);
