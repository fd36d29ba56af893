ALTER TABLE "posts" ADD COLUMN "reaction_counts" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "posts" ADD COLUMN "comment_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- posts.reaction_counts and posts.comment_count follow their tables, so a card reads two columns instead of counting
-- a popular post's reactions and comments on every view (the cost grew with the data: bench/README.md). Statement-level
-- triggers recount only the posts a statement touched, from the table itself, so one COPY or a cascading delete is one
-- UPDATE and the numbers cannot drift. Existing posts are counted once here.
CREATE OR REPLACE FUNCTION hearth_recount_reactions_by_emoji() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE posts p SET reaction_counts = coalesce((SELECT jsonb_object_agg(x.emoji, x.n) FROM (SELECT r.emoji, count(*)::int AS n FROM reactions r WHERE r.post_id = p.id GROUP BY r.emoji) x), '{}'::jsonb)
    WHERE p.id IN (SELECT DISTINCT post_id FROM added);
  ELSE
    UPDATE posts p SET reaction_counts = coalesce((SELECT jsonb_object_agg(x.emoji, x.n) FROM (SELECT r.emoji, count(*)::int AS n FROM reactions r WHERE r.post_id = p.id GROUP BY r.emoji) x), '{}'::jsonb)
    WHERE p.id IN (SELECT DISTINCT post_id FROM removed);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER reactions_emoji_added AFTER INSERT ON reactions REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION hearth_recount_reactions_by_emoji();--> statement-breakpoint
CREATE TRIGGER reactions_emoji_removed AFTER DELETE ON reactions REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION hearth_recount_reactions_by_emoji();--> statement-breakpoint
CREATE OR REPLACE FUNCTION hearth_recount_comments() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE posts p SET comment_count = (SELECT count(*)::int FROM comments c WHERE c.post_id = p.id AND c.removed_at IS NULL)
    WHERE p.id IN (SELECT DISTINCT post_id FROM added);
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE posts p SET comment_count = (SELECT count(*)::int FROM comments c WHERE c.post_id = p.id AND c.removed_at IS NULL)
    WHERE p.id IN (SELECT DISTINCT post_id FROM removed);
  ELSE
    -- A moderator removing or restoring a comment (edits recount the same number).
    UPDATE posts p SET comment_count = (SELECT count(*)::int FROM comments c WHERE c.post_id = p.id AND c.removed_at IS NULL)
    WHERE p.id IN (SELECT DISTINCT post_id FROM added UNION SELECT DISTINCT post_id FROM removed);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER comments_count_added AFTER INSERT ON comments REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION hearth_recount_comments();--> statement-breakpoint
CREATE TRIGGER comments_count_removed AFTER DELETE ON comments REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION hearth_recount_comments();--> statement-breakpoint
CREATE TRIGGER comments_count_changed AFTER UPDATE ON comments REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION hearth_recount_comments();--> statement-breakpoint
UPDATE posts p SET comment_count = c.n FROM (SELECT post_id, count(*)::int AS n FROM comments WHERE removed_at IS NULL GROUP BY post_id) c WHERE p.id = c.post_id;--> statement-breakpoint
UPDATE posts p SET reaction_counts = r.counts FROM (SELECT post_id, jsonb_object_agg(emoji, n) AS counts FROM (SELECT post_id, emoji, count(*)::int AS n FROM reactions GROUP BY post_id, emoji) x GROUP BY post_id) r WHERE p.id = r.post_id;
