CREATE TABLE "activity_signals" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"post_id" text NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "discover_sets" (
	"user_id" text NOT NULL,
	"week" text NOT NULL,
	"items" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "discover_sets_user_id_week_pk" PRIMARY KEY("user_id","week")
);
--> statement-breakpoint
CREATE TABLE "feed_controls" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"target" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "feed_preferences" (
	"user_id" text PRIMARY KEY NOT NULL,
	"mode" text DEFAULT 'foryou' NOT NULL,
	"history_paused" boolean DEFAULT false NOT NULL,
	"onboarded_at" timestamp with time zone,
	"reset_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feed_preferences_mode" CHECK ("feed_preferences"."mode" in ('foryou', 'following', 'chronological'))
);
--> statement-breakpoint
CREATE TABLE "interest_scores" (
	"user_id" text NOT NULL,
	"tag" text NOT NULL,
	"choice" text,
	"choice_at" timestamp with time zone,
	"inferred" real DEFAULT 0 NOT NULL,
	"inferred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"signal_counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interest_scores_user_id_tag_pk" PRIMARY KEY("user_id","tag"),
	CONSTRAINT "interest_scores_choice" CHECK ("interest_scores"."choice" is null or "interest_scores"."choice" in ('more', 'less', 'hide'))
);
--> statement-breakpoint
CREATE TABLE "retention_settings" (
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"days" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "retention_settings_user_id_kind_pk" PRIMARY KEY("user_id","kind"),
	CONSTRAINT "retention_days" CHECK ("retention_settings"."days" is null or "retention_settings"."days" in (30, 90, 365))
);
--> statement-breakpoint
CREATE TABLE "search_history" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"query" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activity_signals" ADD CONSTRAINT "activity_signals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_signals" ADD CONSTRAINT "activity_signals_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discover_sets" ADD CONSTRAINT "discover_sets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feed_controls" ADD CONSTRAINT "feed_controls_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feed_preferences" ADD CONSTRAINT "feed_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interest_scores" ADD CONSTRAINT "interest_scores_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_settings" ADD CONSTRAINT "retention_settings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_history" ADD CONSTRAINT "search_history_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_signals_user_idx" ON "activity_signals" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "activity_signals_user_post_idx" ON "activity_signals" USING btree ("user_id","post_id");--> statement-breakpoint
CREATE INDEX "activity_signals_post_idx" ON "activity_signals" USING btree ("post_id");--> statement-breakpoint
CREATE INDEX "activity_signals_created_idx" ON "activity_signals" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "feed_controls_user_idx" ON "feed_controls" USING btree ("user_id","ended_at");--> statement-breakpoint
CREATE INDEX "search_history_user_idx" ON "search_history" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "search_history_created_idx" ON "search_history" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "users_name_trgm_idx" ON "users" USING gin (lower(coalesce("name", '') || ' ' || "handle") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "interests_label_trgm_idx" ON "interests" USING gin (lower("slug" || ' ' || "label") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "groups_search_trgm_idx" ON "groups" USING gin (lower("name" || ' ' || "topic") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "posts_body_fts_idx" ON "posts" USING gin (to_tsvector('english', "body"));