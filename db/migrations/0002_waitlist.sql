CREATE TABLE "waitlist_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"show_id" text NOT NULL,
	"user_id" text NOT NULL,
	"position" bigserial NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	"notified_at" timestamp with time zone,
	"notified_for" text,
	CONSTRAINT "waitlist_entries_show_user" UNIQUE("show_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "waitlist_releases" (
	"key" text PRIMARY KEY NOT NULL,
	"show_id" text NOT NULL,
	"seats" integer NOT NULL,
	"notified" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "waitlist_releases_seats_positive" CHECK ("waitlist_releases"."seats" > 0)
);
--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_show_id_shows_id_fk" FOREIGN KEY ("show_id") REFERENCES "public"."shows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_releases" ADD CONSTRAINT "waitlist_releases_show_id_shows_id_fk" FOREIGN KEY ("show_id") REFERENCES "public"."shows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "waitlist_entries_waiting_idx" ON "waitlist_entries" USING btree ("show_id","position") WHERE "waitlist_entries"."notified_at" is null;