CREATE TABLE "group_achievements" (
	"id" text PRIMARY KEY NOT NULL,
	"group_id" text NOT NULL,
	"rule" text NOT NULL,
	"earned_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "group_achievements" ADD CONSTRAINT "group_achievements_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "group_achievements_once_key" ON "group_achievements" USING btree ("group_id","rule");--> statement-breakpoint
CREATE INDEX "group_achievements_earned_idx" ON "group_achievements" USING btree ("earned_at" DESC NULLS LAST);