-- The rollup triggers' check that an update changed nothing a rollup counts joined the statement's
-- old and new rows under EXISTS, which the planner starts as a nested loop, expecting a match at
-- once; when nothing changed it compared every row with every other (a seed's 100,000 clients
-- never finished). The check is now the rows as they are, less the rows as they were: one hashed
-- or sorted pass whatever the plan that is kept.
-- A proposal counts as sent for its account; its reviews follow it when it moves to another.
CREATE OR REPLACE FUNCTION proposal_sent_days_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NOT EXISTS (
      SELECT id, sent_at, created_at, client_id FROM new_rows
      EXCEPT SELECT id, sent_at, created_at, client_id FROM old_rows
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
      SELECT id, created_at, submitted_at, proposal_id FROM new_rows
      EXCEPT SELECT id, created_at, submitted_at, proposal_id FROM old_rows
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
      SELECT id, routed_at, acknowledge_due_at, acknowledged_at, client_id FROM new_rows
      EXCEPT SELECT id, routed_at, acknowledge_due_at, acknowledged_at, client_id FROM old_rows
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
-- An account reassigned (or its owner or coordinator removed) moves its sums.
CREATE OR REPLACE FUNCTION clients_move_report_rollups() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  upsert text;
BEGIN
  IF NOT EXISTS (
    SELECT id, owner_id, coordinator_id FROM new_rows
    EXCEPT SELECT id, owner_id, coordinator_id FROM old_rows
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
