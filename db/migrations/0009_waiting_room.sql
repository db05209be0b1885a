ALTER TABLE "shows" ADD COLUMN "waiting_room_from" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "shows" ADD COLUMN "admission_per_minute" integer;--> statement-breakpoint
ALTER TABLE "shows" ADD CONSTRAINT "shows_waiting_room_whole" CHECK (("shows"."waiting_room_from" is null) = ("shows"."admission_per_minute" is null));--> statement-breakpoint
ALTER TABLE "shows" ADD CONSTRAINT "shows_admission_rate_positive" CHECK ("shows"."admission_per_minute" is null or "shows"."admission_per_minute" > 0);