-- The report rollups per account owner and coordinator (db/schema/report-rollups.ts), kept exact
-- in the writing transaction. Each rollup has one upsert, fed either by the rows a statement
-- changed, joined to their account as it is, or by the accounts a statement reassigned, joined to
-- their rows. Statement-level triggers with transition tables sum a bulk statement into one
-- upsert per day and account, taken in key order. The transition tables are seen only by the
-- trigger's own statements, so the upserts are built as text and run there. An update that changes
-- nothing a rollup counts (most do: a title, a last activity) returns after one static check,
-- whose plan is kept, instead of planning the upserts.
CREATE FUNCTION utc_day(instant timestamptz) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (instant AT TIME ZONE 'UTC')::date
$$;
--> statement-breakpoint
-- The rows a statement changed, each with its sign: +1 as it is now, -1 as it was. An update
-- counts only the rows whose reported columns changed, once as they were and once as they are.
CREATE FUNCTION report_rollup_changes(operation text, reported text[]) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE operation
    WHEN 'INSERT' THEN 'SELECT 1 AS sign, n.* FROM new_rows n'
    WHEN 'DELETE' THEN 'SELECT -1 AS sign, o.* FROM old_rows o'
    ELSE format(
      'SELECT 1 AS sign, n.* FROM new_rows n JOIN old_rows o USING (id) WHERE %1$s '
        'UNION ALL SELECT -1 AS sign, o.* FROM old_rows o JOIN new_rows n USING (id) WHERE %1$s',
      format('(%s) IS DISTINCT FROM (%s)',
        (SELECT string_agg('o.' || quote_ident(name), ', ') FROM unnest(reported) name),
        (SELECT string_agg('n.' || quote_ident(name), ', ') FROM unnest(reported) name)))
  END
$$;
--> statement-breakpoint
-- A rollup's changed rows with their account: `changes` from report_rollup_changes, `path` the
-- joins from those rows (c) to the counted rows (f) and the account (a).
CREATE FUNCTION report_rollup_source(changes text, counted text, path text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT format(
    'SELECT %s.*, c.sign AS change_sign, a.owner_id AS account_owner, '
      'a.coordinator_id AS account_coordinator FROM (%s) c %s',
    counted, changes, path)
$$;
--> statement-breakpoint
CREATE FUNCTION proposal_sent_days_upsert(source text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT format($upsert$
    INSERT INTO proposal_sent_days AS d (day, owner_id, coordinator_id, sent, draft_to_sent_seconds)
    SELECT utc_day(f.sent_at), f.account_owner, f.account_coordinator, sum(f.change_sign),
      sum(f.change_sign * extract(epoch FROM f.sent_at - f.created_at))
    FROM (%s) f WHERE f.sent_at IS NOT NULL
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (day, owner_id, coordinator_id) DO UPDATE SET sent = d.sent + excluded.sent,
      draft_to_sent_seconds = d.draft_to_sent_seconds + excluded.draft_to_sent_seconds
  $upsert$, source)
$$;
--> statement-breakpoint
CREATE FUNCTION proposal_review_days_upsert(source text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT format($upsert$
    INSERT INTO proposal_review_days AS d
      (day, owner_id, coordinator_id, hours, decided, review_seconds)
    SELECT utc_day(f.created_at), f.account_owner, f.account_coordinator,
      proposal_review_hours(f.submitted_at, f.created_at), sum(f.change_sign),
      sum(f.change_sign * extract(epoch FROM f.created_at - f.submitted_at))
    FROM (%s) f
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (day, owner_id, coordinator_id, hours) DO UPDATE
      SET decided = d.decided + excluded.decided,
        review_seconds = d.review_seconds + excluded.review_seconds
  $upsert$, source)
$$;
--> statement-breakpoint
-- Only what does not depend on now: the items still waiting are read from their partial index.
CREATE FUNCTION feedback_routed_days_upsert(source text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT format($upsert$
    INSERT INTO feedback_routed_days AS d
      (day, owner_id, coordinator_id, routed, acknowledged_on_time)
    SELECT utc_day(f.routed_at), f.account_owner, f.account_coordinator, sum(f.change_sign),
      coalesce(sum(f.change_sign) FILTER (WHERE f.acknowledged_at <= f.acknowledge_due_at), 0)
    FROM (%s) f WHERE f.routed_at IS NOT NULL AND f.acknowledge_due_at IS NOT NULL
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (day, owner_id, coordinator_id) DO UPDATE SET routed = d.routed + excluded.routed,
      acknowledged_on_time = d.acknowledged_on_time + excluded.acknowledged_on_time
  $upsert$, source)
$$;
--> statement-breakpoint
-- A proposal counts as sent for its account; its reviews follow it when it moves to another.
CREATE OR REPLACE FUNCTION proposal_sent_days_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NOT EXISTS (
      SELECT FROM old_rows o JOIN new_rows n USING (id)
      WHERE (o.sent_at, o.created_at, o.client_id) IS DISTINCT FROM (n.sent_at, n.created_at, n.client_id)
    ) THEN
      RETURN NULL;
    END IF;
  END IF;
  EXECUTE proposal_sent_days_upsert(report_rollup_source(
    report_rollup_changes(TG_OP, ARRAY['sent_at', 'created_at', 'client_id']), 'c',
    'JOIN clients a ON a.id = c.client_id'));
  IF TG_OP = 'UPDATE' THEN
    EXECUTE proposal_review_days_upsert(report_rollup_source(
      report_rollup_changes(TG_OP, ARRAY['client_id']), 'f',
      'JOIN clients a ON a.id = c.client_id JOIN proposal_reviews f ON f.proposal_id = c.id'));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION proposal_review_days_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NOT EXISTS (
      SELECT FROM old_rows o JOIN new_rows n USING (id)
      WHERE (o.created_at, o.submitted_at, o.proposal_id)
        IS DISTINCT FROM (n.created_at, n.submitted_at, n.proposal_id)
    ) THEN
      RETURN NULL;
    END IF;
  END IF;
  EXECUTE proposal_review_days_upsert(report_rollup_source(
    report_rollup_changes(TG_OP, ARRAY['created_at', 'submitted_at', 'proposal_id']), 'c',
    'JOIN proposals p ON p.id = c.proposal_id JOIN clients a ON a.id = p.client_id'));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION feedback_routed_days_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NOT EXISTS (
      SELECT FROM old_rows o JOIN new_rows n USING (id)
      WHERE (o.routed_at, o.acknowledge_due_at, o.acknowledged_at, o.client_id)
        IS DISTINCT FROM (n.routed_at, n.acknowledge_due_at, n.acknowledged_at, n.client_id)
    ) THEN
      RETURN NULL;
    END IF;
  END IF;
  EXECUTE feedback_routed_days_upsert(report_rollup_source(
    report_rollup_changes(
      TG_OP, ARRAY['routed_at', 'acknowledge_due_at', 'acknowledged_at', 'client_id']), 'c',
    'JOIN clients a ON a.id = c.client_id'));
  RETURN NULL;
END $$;
--> statement-breakpoint
-- The upserts for every row of the accounts in `accounts` (id, owner_id and coordinator_id, with
-- their sign): what an account's reassignment or removal moves.
CREATE FUNCTION report_rollups_of_accounts(accounts text) RETURNS SETOF text
LANGUAGE sql IMMUTABLE AS $$
  VALUES
    (proposal_sent_days_upsert(report_rollup_source(accounts, 'f',
      'CROSS JOIN LATERAL (SELECT c.owner_id, c.coordinator_id) a '
        'JOIN proposals f ON f.client_id = c.id'))),
    (proposal_review_days_upsert(report_rollup_source(accounts, 'f',
      'CROSS JOIN LATERAL (SELECT c.owner_id, c.coordinator_id) a '
        'JOIN proposals p ON p.client_id = c.id JOIN proposal_reviews f ON f.proposal_id = p.id'))),
    (feedback_routed_days_upsert(report_rollup_source(accounts, 'f',
      'CROSS JOIN LATERAL (SELECT c.owner_id, c.coordinator_id) a '
        'JOIN feedback f ON f.client_id = c.id')))
$$;
--> statement-breakpoint
-- An account reassigned (or its owner or coordinator removed) moves its sums.
CREATE FUNCTION clients_move_report_rollups() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  upsert text;
BEGIN
  IF NOT EXISTS (
    SELECT FROM old_rows o JOIN new_rows n USING (id)
    WHERE (o.owner_id, o.coordinator_id) IS DISTINCT FROM (n.owner_id, n.coordinator_id)
  ) THEN
    RETURN NULL;
  END IF;
  FOR upsert IN
    SELECT report_rollups_of_accounts(
      report_rollup_changes(TG_OP, ARRAY['owner_id', 'coordinator_id']))
  LOOP
    EXECUTE upsert;
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Rows deleted with their account or proposal (ON DELETE CASCADE) no longer find it when their own
-- triggers run, so what hangs off it is taken out of the rollups just before it goes.
CREATE FUNCTION clients_delete_report_rollups() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  upsert text;
BEGIN
  FOR upsert IN
    SELECT report_rollups_of_accounts(format(
      'SELECT -1 AS sign, %L::uuid AS id, %L::uuid AS owner_id, %L::uuid AS coordinator_id',
      OLD.id, OLD.owner_id, OLD.coordinator_id))
  LOOP
    EXECUTE upsert;
  END LOOP;
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE FUNCTION proposals_delete_report_rollups() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE proposal_review_days_upsert(report_rollup_source(
    format('SELECT -1 AS sign, %L::uuid AS id, %L::uuid AS client_id', OLD.id, OLD.client_id), 'f',
    'JOIN clients a ON a.id = c.client_id JOIN proposal_reviews f ON f.proposal_id = c.id'));
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE TRIGGER clients_move_report_rollups AFTER UPDATE ON clients
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION clients_move_report_rollups();
--> statement-breakpoint
CREATE TRIGGER clients_delete_report_rollups BEFORE DELETE ON clients
  FOR EACH ROW EXECUTE FUNCTION clients_delete_report_rollups();
--> statement-breakpoint
CREATE TRIGGER proposals_delete_report_rollups BEFORE DELETE ON proposals
  FOR EACH ROW EXECUTE FUNCTION proposals_delete_report_rollups();
--> statement-breakpoint
-- The sums already there, per account.
TRUNCATE proposal_sent_days, proposal_review_days, feedback_routed_days;
--> statement-breakpoint
INSERT INTO proposal_sent_days (day, owner_id, coordinator_id, sent, draft_to_sent_seconds)
SELECT utc_day(p.sent_at), a.owner_id, a.coordinator_id, count(*),
  sum(extract(epoch FROM p.sent_at - p.created_at))
FROM proposals p JOIN clients a ON a.id = p.client_id
WHERE p.sent_at IS NOT NULL GROUP BY 1, 2, 3;
--> statement-breakpoint
INSERT INTO proposal_review_days (day, owner_id, coordinator_id, hours, decided, review_seconds)
SELECT utc_day(r.created_at), a.owner_id, a.coordinator_id,
  proposal_review_hours(r.submitted_at, r.created_at), count(*),
  sum(extract(epoch FROM r.created_at - r.submitted_at))
FROM proposal_reviews r JOIN proposals p ON p.id = r.proposal_id JOIN clients a ON a.id = p.client_id
GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO feedback_routed_days (day, owner_id, coordinator_id, routed, acknowledged_on_time)
SELECT utc_day(f.routed_at), a.owner_id, a.coordinator_id, count(*),
  count(*) FILTER (WHERE f.acknowledged_at <= f.acknowledge_due_at)
FROM feedback f JOIN clients a ON a.id = f.client_id
WHERE f.routed_at IS NOT NULL AND f.acknowledge_due_at IS NOT NULL GROUP BY 1, 2, 3;
