ALTER TYPE "public"."user_role" ADD VALUE 'manager';--> statement-breakpoint
CREATE TABLE "theater_managers" (
	"user_id" text NOT NULL,
	"theater_id" text NOT NULL,
	"granted_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "theater_managers_user_id_theater_id_pk" PRIMARY KEY("user_id","theater_id")
);
--> statement-breakpoint
ALTER TABLE "user" ADD COLUMN "preferred_theater_id" text;--> statement-breakpoint
ALTER TABLE "theaters" ADD COLUMN "id_notice" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "shows" ADD COLUMN "tags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "theater_managers" ADD CONSTRAINT "theater_managers_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theater_managers" ADD CONSTRAINT "theater_managers_theater_id_theaters_id_fk" FOREIGN KEY ("theater_id") REFERENCES "public"."theaters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "theater_managers_theater_idx" ON "theater_managers" USING btree ("theater_id");--> statement-breakpoint
ALTER TABLE "user" ADD CONSTRAINT "user_preferred_theater_id_theaters_id_fk" FOREIGN KEY ("preferred_theater_id") REFERENCES "public"."theaters"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "shows_tags_idx" ON "shows" USING gin ("tags");