ALTER TABLE "orders" ADD COLUMN "reference" text;--> statement-breakpoint
-- Existing orders get a random reference each from the same alphabet as new ones
-- (lib/booking-reference.ts: no 0/O, no 1/I), drawn again on the rare clash, before the column
-- becomes NOT NULL and unique.
DO $$
DECLARE
  alphabet constant text := '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  o record;
  ref text;
BEGIN
  FOR o IN SELECT "id" FROM "orders" WHERE "reference" IS NULL LOOP
    LOOP
      ref := '';
      FOR i IN 1..8 LOOP
        ref := ref || substr(alphabet, 1 + floor(random() * 32)::int, 1);
      END LOOP;
      EXIT WHEN NOT EXISTS (SELECT 1 FROM "orders" WHERE "reference" = ref);
    END LOOP;
    UPDATE "orders" SET "reference" = ref WHERE "id" = o."id";
  END LOOP;
END $$;--> statement-breakpoint
ALTER TABLE "orders" ALTER COLUMN "reference" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "theater_id" text;--> statement-breakpoint
-- Existing entries about an order, a show or a screen belong to that screen's theater.
UPDATE "audit_log" a SET "theater_id" = s."theater_id" FROM "screens" s WHERE a."target_type" = 'screen' AND a."target_id" = s."id";--> statement-breakpoint
UPDATE "audit_log" a SET "theater_id" = s."theater_id" FROM "shows" sh JOIN "screens" s ON s."id" = sh."screen_id" WHERE a."target_type" = 'show' AND a."target_id" = sh."id";--> statement-breakpoint
UPDATE "audit_log" a SET "theater_id" = s."theater_id" FROM "orders" o JOIN "shows" sh ON sh."id" = o."show_id" JOIN "screens" s ON s."id" = sh."screen_id" WHERE a."target_type" = 'order' AND a."target_id" = o."id";--> statement-breakpoint
CREATE UNIQUE INDEX "orders_reference_unique" ON "orders" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "audit_log_theater_idx" ON "audit_log" USING btree ("theater_id","created_at");
