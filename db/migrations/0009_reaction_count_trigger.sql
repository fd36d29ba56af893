-- posts.reaction_count follows reactions: statement-level triggers add and subtract per post, so one COPY or a
-- cascading delete of thousands of reactions is one UPDATE. Existing posts are counted once here.
CREATE OR REPLACE FUNCTION hearth_count_reactions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE posts p SET reaction_count = p.reaction_count + n.c
    FROM (SELECT post_id, count(*)::int AS c FROM added GROUP BY post_id) n WHERE p.id = n.post_id;
  ELSE
    UPDATE posts p SET reaction_count = greatest(0, p.reaction_count - o.c)
    FROM (SELECT post_id, count(*)::int AS c FROM removed GROUP BY post_id) o WHERE p.id = o.post_id;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER reactions_count_added AFTER INSERT ON reactions REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION hearth_count_reactions();--> statement-breakpoint
CREATE TRIGGER reactions_count_removed AFTER DELETE ON reactions REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION hearth_count_reactions();--> statement-breakpoint
UPDATE posts p SET reaction_count = c.n FROM (SELECT post_id, count(*)::int AS n FROM reactions GROUP BY post_id) c WHERE p.id = c.post_id;
