ALTER TABLE "stripe_events" ADD COLUMN "payload" jsonb;--> statement-breakpoint
ALTER TABLE "stripe_events" ADD COLUMN "attempted_at" timestamp with time zone;--> statement-breakpoint
-- Older builds could leave two pending checkouts for one customer and show; keep the newest open.
UPDATE "orders" SET "status" = 'cancelled', "closed_at" = now() WHERE "status" = 'pending' AND "id" NOT IN (SELECT DISTINCT ON ("show_id", "holder_id") "id" FROM "orders" WHERE "status" = 'pending' ORDER BY "show_id", "holder_id", "created_at" DESC);--> statement-breakpoint
-- Events recorded before bodies were kept cannot be replayed; reconciliation settles their orders.
UPDATE "stripe_events" SET "processed_at" = now(), "outcome" = coalesce("outcome", 'not_replayable') WHERE "processed_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "orders_one_pending_per_holder" ON "orders" USING btree ("show_id","holder_id") WHERE "orders"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "stripe_events_unprocessed_idx" ON "stripe_events" USING btree ("received_at") WHERE "stripe_events"."processed_at" is null;