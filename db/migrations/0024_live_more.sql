-- Hand-written (issue 21): more writes announce themselves on the live bus. Celebrations (a new milestone, or one
-- whose visibility changed), congratulations given or taken back, reports (filed, handled, gone) and join requests
-- handled or withdrawn (their arrival was announced already). Ids only, as in 0017; the same function for every table.
CREATE OR REPLACE FUNCTION hearth_live_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
  event_kind text;
  event_user text;
  event_post text;
  event_group text;
  event_subject text;
  event_id bigint;
BEGIN
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  IF TG_TABLE_NAME = 'notifications' THEN
    event_kind := 'notification'; event_user := r.user_id; event_group := r.group_id; event_subject := r.id;
  ELSIF TG_TABLE_NAME = 'comments' THEN
    event_kind := 'comment'; event_post := r.post_id; event_subject := r.id;
  ELSIF TG_TABLE_NAME = 'reactions' THEN
    event_kind := 'reaction'; event_post := r.post_id;
  ELSIF TG_TABLE_NAME = 'posts' THEN
    event_kind := 'post'; event_post := r.id; event_group := r.group_id;
  ELSIF TG_TABLE_NAME = 'group_join_requests' THEN
    event_kind := 'join_request'; event_group := r.group_id; event_subject := r.id;
  ELSIF TG_TABLE_NAME = 'milestones' THEN
    event_kind := 'celebration'; event_group := r.group_id; event_subject := r.id;
  ELSIF TG_TABLE_NAME = 'congratulations' THEN
    -- The card it counts on is the milestone's, shown on its group's page too.
    event_kind := 'congratulation'; event_subject := r.milestone_id;
    SELECT m.group_id INTO event_group FROM milestones m WHERE m.id = r.milestone_id;
  ELSIF TG_TABLE_NAME = 'reports' THEN
    event_kind := 'report'; event_group := r.group_id; event_subject := r.id;
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
CREATE TRIGGER live_join_requests_handled AFTER UPDATE OF status ON group_join_requests FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION hearth_live_event();
--> statement-breakpoint
CREATE TRIGGER live_join_requests_gone AFTER DELETE ON group_join_requests FOR EACH ROW WHEN (OLD.status = 'pending') EXECUTE FUNCTION hearth_live_event();
--> statement-breakpoint
CREATE TRIGGER live_milestones AFTER INSERT ON milestones FOR EACH ROW EXECUTE FUNCTION hearth_live_event();
--> statement-breakpoint
CREATE TRIGGER live_milestones_visibility AFTER UPDATE OF visibility ON milestones FOR EACH ROW WHEN (OLD.visibility IS DISTINCT FROM NEW.visibility) EXECUTE FUNCTION hearth_live_event();
--> statement-breakpoint
CREATE TRIGGER live_congratulations AFTER INSERT OR DELETE ON congratulations FOR EACH ROW EXECUTE FUNCTION hearth_live_event();
--> statement-breakpoint
CREATE TRIGGER live_reports AFTER INSERT OR DELETE ON reports FOR EACH ROW EXECUTE FUNCTION hearth_live_event();
--> statement-breakpoint
CREATE TRIGGER live_reports_handled AFTER UPDATE OF status ON reports FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION hearth_live_event();
