ALTER TABLE "profiles" ALTER COLUMN "suggest_me" SET DEFAULT false;--> statement-breakpoint
ALTER TABLE "consent_log" ADD COLUMN "via" text;--> statement-breakpoint
-- Hand-written: consents are off until a person says yes, but people who already have an account keep what they have.
-- Until now an unanswered consent counted as on for personalize_activity, inferred_interests, suggest_me and
-- public_celebrations; write that state down as their stored answer (suggest_me as their profile's switch), so the new
-- default changes nothing for them. Nothing is logged: nobody answered anything, and nothing changed.
INSERT INTO "consents" ("user_id", "kind", "granted", "updated_at")
SELECT u."id", k."kind", CASE WHEN k."kind" = 'suggest_me' THEN coalesce(p."suggest_me", true) ELSE true END, u."created_at"
FROM "users" u
CROSS JOIN (VALUES ('personalize_activity'), ('inferred_interests'), ('suggest_me'), ('public_celebrations')) AS k("kind")
LEFT JOIN "profiles" p ON p."user_id" = u."id"
ON CONFLICT ("user_id", "kind") DO NOTHING;
