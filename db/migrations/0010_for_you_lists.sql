CREATE TABLE "for_you_lists" (
	"user_id" text PRIMARY KEY NOT NULL,
	"items" jsonb,
	"computed_at" timestamp with time zone,
	"stale" boolean DEFAULT false NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "for_you_lists" ADD CONSTRAINT "for_you_lists_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;