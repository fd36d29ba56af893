DROP INDEX "reactions_user_idx";--> statement-breakpoint
CREATE INDEX "reactions_user_idx" ON "reactions" USING btree ("user_id","created_at");