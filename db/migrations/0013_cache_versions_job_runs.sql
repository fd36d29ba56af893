CREATE TABLE "job_runs" (
	"job" text NOT NULL,
	"day" date NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"runner" text NOT NULL,
	"outcome" text,
	CONSTRAINT "job_runs_job_day_pk" PRIMARY KEY("job","day")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "cache_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "for_you_lists" ADD COLUMN "version" integer DEFAULT 0 NOT NULL;