CREATE TABLE "released_handles" (
	"handle_digest" text PRIMARY KEY NOT NULL,
	"released_at" timestamp with time zone DEFAULT now() NOT NULL
);
