CREATE TYPE "public"."promo_redemption_status" AS ENUM('held', 'used', 'released');--> statement-breakpoint
CREATE TYPE "public"."promo_kind" AS ENUM('percent', 'fixed');--> statement-breakpoint
CREATE TYPE "public"."promo_scope" AS ENUM('order', 'ticket');--> statement-breakpoint
CREATE TABLE "promo_redemptions" (
	"id" text PRIMARY KEY NOT NULL,
	"promo_code_id" text NOT NULL,
	"order_id" text NOT NULL,
	"user_id" text,
	"email" text NOT NULL,
	"status" "promo_redemption_status" DEFAULT 'held' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "promo_redemptions_order_id_unique" UNIQUE("order_id")
);
--> statement-breakpoint
CREATE TABLE "price_card_prices" (
	"card_id" text NOT NULL,
	"tier" text NOT NULL,
	"ticket_type_id" text NOT NULL,
	"amount" integer NOT NULL,
	CONSTRAINT "price_card_prices_card_id_tier_ticket_type_id_pk" PRIMARY KEY("card_id","tier","ticket_type_id"),
	CONSTRAINT "price_card_prices_nonnegative" CHECK ("price_card_prices"."amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "price_cards" (
	"id" text PRIMARY KEY NOT NULL,
	"theater_id" text NOT NULL,
	"name" text NOT NULL,
	"priority" integer DEFAULT 0 NOT NULL,
	"days_of_week" integer[],
	"day_part_from_minute" integer,
	"day_part_until_minute" integer,
	"formats" text[],
	"valid_from" date,
	"valid_until" date,
	"is_default" boolean DEFAULT false NOT NULL,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "promo_codes" (
	"id" text PRIMARY KEY NOT NULL,
	"theater_id" text NOT NULL,
	"code" text NOT NULL,
	"kind" "promo_kind" NOT NULL,
	"amount" integer NOT NULL,
	"applies_to" "promo_scope" DEFAULT 'order' NOT NULL,
	"valid_from" timestamp with time zone,
	"valid_until" timestamp with time zone,
	"movie_ids" text[],
	"show_ids" text[],
	"days_of_week" integer[],
	"ticket_type_ids" text[],
	"max_redemptions" integer,
	"per_customer_limit" integer,
	"redemptions" integer DEFAULT 0 NOT NULL,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "promo_codes_amount_positive" CHECK ("promo_codes"."amount" > 0 and ("promo_codes"."kind" <> 'percent' or "promo_codes"."amount" <= 100)),
	CONSTRAINT "promo_codes_redemptions_within_limit" CHECK ("promo_codes"."redemptions" >= 0 and ("promo_codes"."max_redemptions" is null or "promo_codes"."redemptions" <= "promo_codes"."max_redemptions"))
);
--> statement-breakpoint
CREATE TABLE "ticket_types" (
	"id" text PRIMARY KEY NOT NULL,
	"theater_id" text NOT NULL,
	"name" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"min_age" integer,
	"child" boolean DEFAULT false NOT NULL,
	"fee_amount" integer,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ticket_types_fee_nonnegative" CHECK ("ticket_types"."fee_amount" is null or "ticket_types"."fee_amount" >= 0)
);
--> statement-breakpoint
ALTER TABLE "theaters" ADD COLUMN "booking_fee_per_ticket" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "theaters" ADD COLUMN "booking_fee_per_order" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "theaters" ADD COLUMN "prices_include_fees" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "theaters" ADD COLUMN "tax_rate_bp" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "theaters" ADD COLUMN "prices_include_tax" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "theaters" ADD COLUMN "adults_only_ratings" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "shows" ADD COLUMN "price_card_id" text;--> statement-breakpoint
ALTER TABLE "shows" ADD COLUMN "price_card_overridden" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "shows" ADD COLUMN "price_snapshot" jsonb;--> statement-breakpoint
ALTER TABLE "order_seats" ADD COLUMN "ticket_type_id" text;--> statement-breakpoint
ALTER TABLE "order_seats" ADD COLUMN "ticket_type_name" text DEFAULT 'Adult' NOT NULL;--> statement-breakpoint
ALTER TABLE "order_seats" ADD COLUMN "price" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "order_seats" ADD COLUMN "fee" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "order_seats" ADD COLUMN "tax" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "order_seats" ADD COLUMN "discount" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "order_fee" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "order_fee_tax" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "tax_amount" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "tax_included" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "discount_amount" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "promo_code_id" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "promo_code" text;--> statement-breakpoint
ALTER TABLE "promo_redemptions" ADD CONSTRAINT "promo_redemptions_promo_code_id_promo_codes_id_fk" FOREIGN KEY ("promo_code_id") REFERENCES "public"."promo_codes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promo_redemptions" ADD CONSTRAINT "promo_redemptions_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_card_prices" ADD CONSTRAINT "price_card_prices_card_id_price_cards_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."price_cards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_card_prices" ADD CONSTRAINT "price_card_prices_ticket_type_id_ticket_types_id_fk" FOREIGN KEY ("ticket_type_id") REFERENCES "public"."ticket_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_cards" ADD CONSTRAINT "price_cards_theater_id_theaters_id_fk" FOREIGN KEY ("theater_id") REFERENCES "public"."theaters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promo_codes" ADD CONSTRAINT "promo_codes_theater_id_theaters_id_fk" FOREIGN KEY ("theater_id") REFERENCES "public"."theaters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_types" ADD CONSTRAINT "ticket_types_theater_id_theaters_id_fk" FOREIGN KEY ("theater_id") REFERENCES "public"."theaters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "promo_redemptions_code_email_idx" ON "promo_redemptions" USING btree ("promo_code_id","email");--> statement-breakpoint
CREATE INDEX "price_cards_theater_idx" ON "price_cards" USING btree ("theater_id");--> statement-breakpoint
CREATE UNIQUE INDEX "price_cards_one_default" ON "price_cards" USING btree ("theater_id") WHERE "price_cards"."is_default" and "price_cards"."retired_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "promo_codes_theater_code" ON "promo_codes" USING btree ("theater_id","code");--> statement-breakpoint
CREATE INDEX "ticket_types_theater_idx" ON "ticket_types" USING btree ("theater_id","sort_order");--> statement-breakpoint
CREATE UNIQUE INDEX "ticket_types_live_name" ON "ticket_types" USING btree ("theater_id",lower("name")) WHERE "ticket_types"."retired_at" is null;--> statement-breakpoint
ALTER TABLE "shows" ADD CONSTRAINT "shows_price_card_id_price_cards_id_fk" FOREIGN KEY ("price_card_id") REFERENCES "public"."price_cards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_seats" ADD CONSTRAINT "order_seats_ticket_type_id_ticket_types_id_fk" FOREIGN KEY ("ticket_type_id") REFERENCES "public"."ticket_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_promo_code_id_promo_codes_id_fk" FOREIGN KEY ("promo_code_id") REFERENCES "public"."promo_codes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Backfill (issue 18): every existing theater sells Adult, Child, Senior and Student.
INSERT INTO "ticket_types" ("id", "theater_id", "name", "note", "min_age", "child", "sort_order")
SELECT gen_random_uuid()::text, t."id", v."name", v."note", v."min_age", v."child", v."sort_order"
FROM "theaters" t
CROSS JOIN (VALUES ('Adult', '', NULL::integer, false, 0), ('Child', 'Under 12', NULL::integer, true, 1), ('Senior', '65 and over', 65, false, 2), ('Student', 'Bring your student ID', NULL::integer, false, 3)) AS v("name", "note", "min_age", "child", "sort_order");--> statement-breakpoint
-- A default card per theater, Adult priced per tier as the theater's latest show was: new shows
-- pick it until an admin prices the other types. Existing shows keep selling from shows.prices
-- (as Adult: lib/pricing/show-prices.ts), so nothing already on sale changes.
INSERT INTO "price_cards" ("id", "theater_id", "name", "is_default")
SELECT gen_random_uuid()::text, t."id", 'Standard', true FROM "theaters" t;--> statement-breakpoint
INSERT INTO "price_card_prices" ("card_id", "tier", "ticket_type_id", "amount")
SELECT DISTINCT ON (c."id", p."key") c."id", p."key", tt."id", (p."value")::integer
FROM "price_cards" c
JOIN "ticket_types" tt ON tt."theater_id" = c."theater_id" AND tt."name" = 'Adult'
JOIN "screens" sc ON sc."theater_id" = c."theater_id"
JOIN "shows" s ON s."screen_id" = sc."id"
CROSS JOIN LATERAL jsonb_each(s."prices") p
ORDER BY c."id", p."key", s."starts_at" DESC;--> statement-breakpoint
-- Sold lines: an Adult ticket at the amount charged, no fee, tax or discount.
UPDATE "order_seats" os SET "price" = os."amount", "ticket_type_name" = 'Adult', "ticket_type_id" = tt."id"
FROM "orders" o JOIN "shows" s ON s."id" = o."show_id" JOIN "screens" sc ON sc."id" = s."screen_id"
JOIN "ticket_types" tt ON tt."theater_id" = sc."theater_id" AND tt."name" = 'Adult'
WHERE o."id" = os."order_id";
