CREATE TYPE "public"."order_adjustment_kind" AS ENUM('swap', 'partial_cancel');--> statement-breakpoint
CREATE TYPE "public"."order_adjustment_status" AS ENUM('pending', 'completed', 'failed', 'expired', 'cancelled');--> statement-breakpoint
CREATE TABLE "order_adjustments" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"kind" "order_adjustment_kind" NOT NULL,
	"status" "order_adjustment_status" DEFAULT 'pending' NOT NULL,
	"from_show_id" text NOT NULL,
	"to_show_id" text NOT NULL,
	"holder_id" text,
	"old_lines" jsonb NOT NULL,
	"new_lines" jsonb NOT NULL,
	"difference" integer NOT NULL,
	"fail_reason" text,
	"stripe_session_id" text,
	"stripe_payment_intent_id" text,
	"stripe_refund_id" text,
	"expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "order_adjustments_stripe_session_id_unique" UNIQUE("stripe_session_id")
);
--> statement-breakpoint
CREATE TABLE "waitlist_offers" (
	"id" text PRIMARY KEY NOT NULL,
	"show_id" text NOT NULL,
	"entry_id" text NOT NULL,
	"seat_ids" jsonb NOT NULL,
	"together" boolean DEFAULT true NOT NULL,
	"holder_id" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"order_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "theaters" ADD COLUMN "swap_any_movie" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "order_seats" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD COLUMN "party_size" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD COLUMN "tier" text;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD COLUMN "accept_apart" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "order_adjustments" ADD CONSTRAINT "order_adjustments_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_adjustments" ADD CONSTRAINT "order_adjustments_from_show_id_shows_id_fk" FOREIGN KEY ("from_show_id") REFERENCES "public"."shows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_adjustments" ADD CONSTRAINT "order_adjustments_to_show_id_shows_id_fk" FOREIGN KEY ("to_show_id") REFERENCES "public"."shows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_offers" ADD CONSTRAINT "waitlist_offers_show_id_shows_id_fk" FOREIGN KEY ("show_id") REFERENCES "public"."shows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_offers" ADD CONSTRAINT "waitlist_offers_entry_id_waitlist_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."waitlist_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_adjustments_order_idx" ON "order_adjustments" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "order_adjustments_one_pending" ON "order_adjustments" USING btree ("order_id") WHERE "order_adjustments"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "waitlist_offers_show_idx" ON "waitlist_offers" USING btree ("show_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "waitlist_offers_one_open_per_entry" ON "waitlist_offers" USING btree ("entry_id") WHERE "waitlist_offers"."status" = 'open';--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_party_size_positive" CHECK ("waitlist_entries"."party_size" > 0);