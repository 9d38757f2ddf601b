-- The per-UTC-day rollups of the whole-team reports, kept exact in the writing transaction.
-- Statement-level triggers with transition tables: one aggregate per statement, so the seeds'
-- bulk inserts cost one upsert per day rather than one per row, and the days are locked in order.
-- Update triggers cannot name columns when they have transition tables: each one compares the
-- old and new rows and counts only those whose reported columns changed.
CREATE FUNCTION proposal_sent_days_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO proposal_sent_days AS d (day, sent, draft_to_sent_seconds)
    SELECT (sent_at AT TIME ZONE 'UTC')::date, count(*), sum(extract(epoch FROM sent_at - created_at))
    FROM new_rows WHERE sent_at IS NOT NULL
    GROUP BY 1 ORDER BY 1
    ON CONFLICT (day) DO UPDATE SET sent = d.sent + excluded.sent,
      draft_to_sent_seconds = d.draft_to_sent_seconds + excluded.draft_to_sent_seconds;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO proposal_sent_days AS d (day, sent, draft_to_sent_seconds)
    SELECT (sent_at AT TIME ZONE 'UTC')::date, -count(*), -sum(extract(epoch FROM sent_at - created_at))
    FROM old_rows WHERE sent_at IS NOT NULL
    GROUP BY 1 ORDER BY 1
    ON CONFLICT (day) DO UPDATE SET sent = d.sent + excluded.sent,
      draft_to_sent_seconds = d.draft_to_sent_seconds + excluded.draft_to_sent_seconds;
  ELSE
    INSERT INTO proposal_sent_days AS d (day, sent, draft_to_sent_seconds)
    SELECT (sent_at AT TIME ZONE 'UTC')::date, sum(sign), sum(sign * extract(epoch FROM sent_at - created_at))
    FROM (
      SELECT sign, CASE WHEN sign = 1 THEN n.sent_at ELSE o.sent_at END AS sent_at,
        CASE WHEN sign = 1 THEN n.created_at ELSE o.created_at END AS created_at
      FROM old_rows o JOIN new_rows n USING (id) CROSS JOIN (VALUES (1), (-1)) signs (sign)
      WHERE (o.sent_at, o.created_at) IS DISTINCT FROM (n.sent_at, n.created_at)
    ) changed
    WHERE sent_at IS NOT NULL
    GROUP BY 1 ORDER BY 1
    ON CONFLICT (day) DO UPDATE SET sent = d.sent + excluded.sent,
      draft_to_sent_seconds = d.draft_to_sent_seconds + excluded.draft_to_sent_seconds;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Hours under review as whole hours: ceil(hours) <= the setting exactly when hours <= it, for
-- an integer setting; 721 (the setting's maximum, 720, + 1) is late for every allowed setting.
CREATE FUNCTION proposal_review_hours(submitted_at timestamptz, decided_at timestamptz)
RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT least(greatest(ceil(extract(epoch FROM decided_at - submitted_at) / 3600), 0), 721)::integer
$$;
--> statement-breakpoint
CREATE FUNCTION proposal_review_days_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO proposal_review_days AS d (day, hours, decided, review_seconds)
    SELECT (created_at AT TIME ZONE 'UTC')::date, proposal_review_hours(submitted_at, created_at),
      count(*), sum(extract(epoch FROM created_at - submitted_at))
    FROM new_rows
    GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (day, hours) DO UPDATE SET decided = d.decided + excluded.decided,
      review_seconds = d.review_seconds + excluded.review_seconds;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO proposal_review_days AS d (day, hours, decided, review_seconds)
    SELECT (created_at AT TIME ZONE 'UTC')::date, proposal_review_hours(submitted_at, created_at),
      -count(*), -sum(extract(epoch FROM created_at - submitted_at))
    FROM old_rows
    GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (day, hours) DO UPDATE SET decided = d.decided + excluded.decided,
      review_seconds = d.review_seconds + excluded.review_seconds;
  ELSE
    INSERT INTO proposal_review_days AS d (day, hours, decided, review_seconds)
    SELECT (created_at AT TIME ZONE 'UTC')::date, proposal_review_hours(submitted_at, created_at),
      sum(sign), sum(sign * extract(epoch FROM created_at - submitted_at))
    FROM (
      SELECT sign, CASE WHEN sign = 1 THEN n.created_at ELSE o.created_at END AS created_at,
        CASE WHEN sign = 1 THEN n.submitted_at ELSE o.submitted_at END AS submitted_at
      FROM old_rows o JOIN new_rows n USING (id) CROSS JOIN (VALUES (1), (-1)) signs (sign)
      WHERE (o.created_at, o.submitted_at) IS DISTINCT FROM (n.created_at, n.submitted_at)
    ) changed
    GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (day, hours) DO UPDATE SET decided = d.decided + excluded.decided,
      review_seconds = d.review_seconds + excluded.review_seconds;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Only what does not depend on now: the items still waiting are read from their partial index.
CREATE FUNCTION feedback_routed_days_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO feedback_routed_days AS d (day, routed, acknowledged_on_time)
    SELECT (routed_at AT TIME ZONE 'UTC')::date, count(*),
      count(*) FILTER (WHERE acknowledged_at <= acknowledge_due_at)
    FROM new_rows WHERE routed_at IS NOT NULL AND acknowledge_due_at IS NOT NULL
    GROUP BY 1 ORDER BY 1
    ON CONFLICT (day) DO UPDATE SET routed = d.routed + excluded.routed,
      acknowledged_on_time = d.acknowledged_on_time + excluded.acknowledged_on_time;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO feedback_routed_days AS d (day, routed, acknowledged_on_time)
    SELECT (routed_at AT TIME ZONE 'UTC')::date, -count(*),
      -count(*) FILTER (WHERE acknowledged_at <= acknowledge_due_at)
    FROM old_rows WHERE routed_at IS NOT NULL AND acknowledge_due_at IS NOT NULL
    GROUP BY 1 ORDER BY 1
    ON CONFLICT (day) DO UPDATE SET routed = d.routed + excluded.routed,
      acknowledged_on_time = d.acknowledged_on_time + excluded.acknowledged_on_time;
  ELSE
    INSERT INTO feedback_routed_days AS d (day, routed, acknowledged_on_time)
    SELECT (routed_at AT TIME ZONE 'UTC')::date, sum(sign),
      coalesce(sum(sign) FILTER (WHERE acknowledged_at <= acknowledge_due_at), 0)
    FROM (
      SELECT sign,
        CASE WHEN sign = 1 THEN n.routed_at ELSE o.routed_at END AS routed_at,
        CASE WHEN sign = 1 THEN n.acknowledge_due_at ELSE o.acknowledge_due_at END AS acknowledge_due_at,
        CASE WHEN sign = 1 THEN n.acknowledged_at ELSE o.acknowledged_at END AS acknowledged_at
      FROM old_rows o JOIN new_rows n USING (id) CROSS JOIN (VALUES (1), (-1)) signs (sign)
      WHERE (o.routed_at, o.acknowledge_due_at, o.acknowledged_at)
        IS DISTINCT FROM (n.routed_at, n.acknowledge_due_at, n.acknowledged_at)
    ) changed
    WHERE routed_at IS NOT NULL AND acknowledge_due_at IS NOT NULL
    GROUP BY 1 ORDER BY 1
    ON CONFLICT (day) DO UPDATE SET routed = d.routed + excluded.routed,
      acknowledged_on_time = d.acknowledged_on_time + excluded.acknowledged_on_time;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION report_rollups_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('DELETE FROM %I', TG_ARGV[0]);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER proposal_sent_days_insert AFTER INSERT ON proposals
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION proposal_sent_days_apply();
--> statement-breakpoint
CREATE TRIGGER proposal_sent_days_update AFTER UPDATE ON proposals
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION proposal_sent_days_apply();
--> statement-breakpoint
CREATE TRIGGER proposal_sent_days_delete AFTER DELETE ON proposals
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION proposal_sent_days_apply();
--> statement-breakpoint
CREATE TRIGGER proposal_sent_days_truncate AFTER TRUNCATE ON proposals
  FOR EACH STATEMENT EXECUTE FUNCTION report_rollups_truncate('proposal_sent_days');
--> statement-breakpoint
CREATE TRIGGER proposal_review_days_insert AFTER INSERT ON proposal_reviews
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION proposal_review_days_apply();
--> statement-breakpoint
CREATE TRIGGER proposal_review_days_update AFTER UPDATE ON proposal_reviews
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION proposal_review_days_apply();
--> statement-breakpoint
CREATE TRIGGER proposal_review_days_delete AFTER DELETE ON proposal_reviews
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION proposal_review_days_apply();
--> statement-breakpoint
CREATE TRIGGER proposal_review_days_truncate AFTER TRUNCATE ON proposal_reviews
  FOR EACH STATEMENT EXECUTE FUNCTION report_rollups_truncate('proposal_review_days');
--> statement-breakpoint
CREATE TRIGGER feedback_routed_days_insert AFTER INSERT ON feedback
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION feedback_routed_days_apply();
--> statement-breakpoint
CREATE TRIGGER feedback_routed_days_update AFTER UPDATE ON feedback
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION feedback_routed_days_apply();
--> statement-breakpoint
CREATE TRIGGER feedback_routed_days_delete AFTER DELETE ON feedback
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION feedback_routed_days_apply();
--> statement-breakpoint
CREATE TRIGGER feedback_routed_days_truncate AFTER TRUNCATE ON feedback
  FOR EACH STATEMENT EXECUTE FUNCTION report_rollups_truncate('feedback_routed_days');
--> statement-breakpoint
-- The rows already there.
INSERT INTO proposal_sent_days (day, sent, draft_to_sent_seconds)
SELECT (sent_at AT TIME ZONE 'UTC')::date, count(*), sum(extract(epoch FROM sent_at - created_at))
FROM proposals WHERE sent_at IS NOT NULL GROUP BY 1;
--> statement-breakpoint
INSERT INTO proposal_review_days (day, hours, decided, review_seconds)
SELECT (created_at AT TIME ZONE 'UTC')::date, proposal_review_hours(submitted_at, created_at),
  count(*), sum(extract(epoch FROM created_at - submitted_at))
FROM proposal_reviews GROUP BY 1, 2;
--> statement-breakpoint
INSERT INTO feedback_routed_days (day, routed, acknowledged_on_time)
SELECT (routed_at AT TIME ZONE 'UTC')::date, count(*),
  count(*) FILTER (WHERE acknowledged_at <= acknowledge_due_at)
FROM feedback WHERE routed_at IS NOT NULL AND acknowledge_due_at IS NOT NULL GROUP BY 1;
