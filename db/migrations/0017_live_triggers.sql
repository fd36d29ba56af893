-- Live events (lib/live): every write people should see as it happens announces itself from the table it lands in,
-- so no code path can forget to. Ids only; the stream decides per person what they may be told.
CREATE OR REPLACE FUNCTION hearth_live_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  event_kind text;
  event_user text;
  event_post text;
  event_group text;
  event_subject text;
  event_id bigint;
BEGIN
  IF TG_TABLE_NAME = 'notifications' THEN
    event_kind := 'notification'; event_user := NEW.user_id; event_group := NEW.group_id; event_subject := NEW.id;
  ELSIF TG_TABLE_NAME = 'comments' THEN
    event_kind := 'comment'; event_post := NEW.post_id; event_subject := NEW.id;
  ELSIF TG_TABLE_NAME = 'reactions' THEN
    event_kind := 'reaction';
    IF TG_OP = 'DELETE' THEN event_post := OLD.post_id; ELSE event_post := NEW.post_id; END IF;
  ELSIF TG_TABLE_NAME = 'posts' THEN
    event_kind := 'post'; event_post := NEW.id; event_group := NEW.group_id;
  ELSIF TG_TABLE_NAME = 'group_join_requests' THEN
    event_kind := 'join_request'; event_group := NEW.group_id; event_subject := NEW.id;
  ELSE
    RETURN NULL;
  END IF;
  INSERT INTO live_events (kind, user_id, post_id, group_id, subject_id)
    VALUES (event_kind, event_user, event_post, event_group, event_subject)
    RETURNING id INTO event_id;
  PERFORM pg_notify('hearth_live', json_build_object('id', event_id, 'kind', event_kind, 'userId', event_user, 'postId', event_post, 'groupId', event_group, 'subjectId', event_subject)::text);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER live_notifications AFTER INSERT ON notifications FOR EACH ROW EXECUTE FUNCTION hearth_live_event();
--> statement-breakpoint
CREATE TRIGGER live_comments AFTER INSERT ON comments FOR EACH ROW EXECUTE FUNCTION hearth_live_event();
--> statement-breakpoint
CREATE TRIGGER live_reactions AFTER INSERT OR DELETE ON reactions FOR EACH ROW EXECUTE FUNCTION hearth_live_event();
--> statement-breakpoint
CREATE TRIGGER live_posts AFTER INSERT ON posts FOR EACH ROW EXECUTE FUNCTION hearth_live_event();
--> statement-breakpoint
CREATE TRIGGER live_join_requests AFTER INSERT ON group_join_requests FOR EACH ROW EXECUTE FUNCTION hearth_live_event();
