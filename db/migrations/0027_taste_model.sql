CREATE TABLE "post_factors" (
	"post_id" text PRIMARY KEY NOT NULL,
	"factors" real[] NOT NULL,
	"source" text NOT NULL,
	"a" real[],
	"b" real[],
	"engagements" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "post_factors_source" CHECK ("post_factors"."source" in ('daily', 'fold_in'))
);
--> statement-breakpoint
CREATE TABLE "taste_models" (
	"id" text PRIMARY KEY NOT NULL,
	"trained_at" timestamp with time zone NOT NULL,
	"factors" integer NOT NULL,
	"regularization" real NOT NULL,
	"alpha" real NOT NULL,
	"gram" real[] NOT NULL,
	"people" integer NOT NULL,
	"posts" integer NOT NULL,
	"engagements" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "taste_vectors" (
	"user_id" text PRIMARY KEY NOT NULL,
	"factors" real[] NOT NULL,
	"norm" real NOT NULL,
	"engagements" integer NOT NULL,
	"trained_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "post_factors" ADD CONSTRAINT "post_factors_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taste_vectors" ADD CONSTRAINT "taste_vectors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;