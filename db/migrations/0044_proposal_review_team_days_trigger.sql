-- The team's reviews per UTC day and whole hours under review (db/schema/report-rollups.ts), kept
-- exact in the writing transaction like the other rollups: one upsert of the rows a statement
-- changed (as they are now, less as they were), in key order, after a static check that an update
-- changed a counted column. A proposal's deletion cascades to its reviews, whose own trigger
-- takes them out: nothing here depends on the account.
CREATE FUNCTION proposal_review_team_days_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NOT EXISTS (
      SELECT id, created_at, submitted_at FROM new_rows
      EXCEPT SELECT id, created_at, submitted_at FROM old_rows
    ) THEN
      RETURN NULL;
    END IF;
  END IF;
  EXECUTE format($upsert$
    INSERT INTO proposal_review_team_days AS d (day, hours, decided, review_seconds)
    SELECT utc_day(c.created_at), proposal_review_hours(c.submitted_at, c.created_at),
      sum(c.sign), sum(c.sign * extract(epoch FROM c.created_at - c.submitted_at))
    FROM (%s) c
    GROUP BY 1, 2
    HAVING sum(c.sign) <> 0 OR sum(c.sign * extract(epoch FROM c.created_at - c.submitted_at)) <> 0
    ORDER BY 1, 2
    ON CONFLICT (day, hours) DO UPDATE SET decided = d.decided + excluded.decided,
      review_seconds = d.review_seconds + excluded.review_seconds
  $upsert$, report_rollup_changes(TG_OP, ARRAY['created_at', 'submitted_at']));
  DELETE FROM proposal_review_team_days WHERE decided = 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER proposal_reviews_inserted_team_days AFTER INSERT ON proposal_reviews
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION proposal_review_team_days_apply();
--> statement-breakpoint
CREATE TRIGGER proposal_reviews_updated_team_days AFTER UPDATE ON proposal_reviews
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION proposal_review_team_days_apply();
--> statement-breakpoint
CREATE TRIGGER proposal_reviews_deleted_team_days AFTER DELETE ON proposal_reviews
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION proposal_review_team_days_apply();
--> statement-breakpoint
CREATE TRIGGER proposal_reviews_truncated_team_days AFTER TRUNCATE ON proposal_reviews
  FOR EACH STATEMENT EXECUTE FUNCTION report_rollups_truncate('proposal_review_team_days');
--> statement-breakpoint
-- The invoice rollups of 0040 and 0042 missed theirs: a truncated invoices table leaves none.
CREATE TRIGGER invoices_truncated_open_balances AFTER TRUNCATE ON invoices
  FOR EACH STATEMENT EXECUTE FUNCTION report_rollups_truncate('invoice_open_balances');
--> statement-breakpoint
CREATE TRIGGER invoices_truncated_issued_days AFTER TRUNCATE ON invoices
  FOR EACH STATEMENT EXECUTE FUNCTION report_rollups_truncate('invoice_issued_days');
--> statement-breakpoint
CREATE TRIGGER invoices_truncated_status_totals AFTER TRUNCATE ON invoices
  FOR EACH STATEMENT EXECUTE FUNCTION report_rollups_truncate('invoice_status_totals');
--> statement-breakpoint
-- The sums already there.
INSERT INTO proposal_review_team_days (day, hours, decided, review_seconds)
SELECT utc_day(created_at), proposal_review_hours(submitted_at, created_at), count(*),
  sum(extract(epoch FROM created_at - submitted_at))
FROM proposal_reviews
GROUP BY 1, 2;
