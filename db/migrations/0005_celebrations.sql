CREATE TABLE "congratulations" (
	"milestone_id" text NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "congratulations_milestone_id_user_id_pk" PRIMARY KEY("milestone_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "group_milestones" (
	"id" text PRIMARY KEY NOT NULL,
	"group_id" text NOT NULL,
	"kind" text NOT NULL,
	"threshold" integer DEFAULT 0 NOT NULL,
	"title" text NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "thank_you_notes" (
	"id" text PRIMARY KEY NOT NULL,
	"milestone_id" text NOT NULL,
	"sender_id" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "thank_you_templates" (
	"id" text PRIMARY KEY NOT NULL,
	"group_id" text NOT NULL,
	"milestone_kind" text NOT NULL,
	"body" text NOT NULL,
	"author_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "milestones" ADD COLUMN "group_id" text;--> statement-breakpoint
ALTER TABLE "milestones" ADD COLUMN "title" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "milestones" ADD COLUMN "message" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "milestones" ADD COLUMN "visibility" text DEFAULT 'everyone' NOT NULL;--> statement-breakpoint
ALTER TABLE "congratulations" ADD CONSTRAINT "congratulations_milestone_id_milestones_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."milestones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congratulations" ADD CONSTRAINT "congratulations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_milestones" ADD CONSTRAINT "group_milestones_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_milestones" ADD CONSTRAINT "group_milestones_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "thank_you_notes" ADD CONSTRAINT "thank_you_notes_milestone_id_milestones_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."milestones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "thank_you_notes" ADD CONSTRAINT "thank_you_notes_sender_id_users_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "thank_you_templates" ADD CONSTRAINT "thank_you_templates_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "thank_you_templates" ADD CONSTRAINT "thank_you_templates_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "congratulations_user_idx" ON "congratulations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "group_milestones_group_idx" ON "group_milestones" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "group_milestones_creator_idx" ON "group_milestones" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "thank_you_notes_milestone_idx" ON "thank_you_notes" USING btree ("milestone_id","created_at");--> statement-breakpoint
CREATE INDEX "thank_you_notes_sender_idx" ON "thank_you_notes" USING btree ("sender_id");--> statement-breakpoint
CREATE UNIQUE INDEX "thank_you_templates_kind_key" ON "thank_you_templates" USING btree ("group_id","milestone_kind");--> statement-breakpoint
CREATE INDEX "thank_you_templates_author_idx" ON "thank_you_templates" USING btree ("author_id");--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "milestones_earned_idx" ON "milestones" USING btree ("created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "milestones_group_idx" ON "milestones" USING btree ("group_id","created_at" DESC NULLS LAST);