-- The invoice rollups (db/schema/report-rollups.ts), kept exact in the writing transaction, as the
-- report rollups are: a statement-level trigger sums the rows a statement changed (as they are
-- now, less as they were) into one upsert per key, taken in key order; an update that changes
-- nothing they count (a note, a PO number) returns after one static check. The ledgers' sums are
-- kept on the invoice, so a payment or a credit note reaches these through its invoice's update.
-- An open invoice always owes something (its status says settled once nothing is owed).
CREATE FUNCTION invoice_rollups_upserts(changes text) RETURNS SETOF text
LANGUAGE sql IMMUTABLE AS $$
  VALUES
    (format($upsert$
      INSERT INTO invoice_open_balances AS b (currency, due_date, invoices, balance_cents)
      SELECT c.currency, c.due_date, sum(c.sign),
        sum(c.sign * (c.total_cents - c.paid_cents - c.credited_cents))
      FROM (%s) c
      WHERE c.status IN ('issued', 'partially_paid', 'overdue') AND c.due_date IS NOT NULL
      GROUP BY 1, 2
      HAVING sum(c.sign) <> 0 OR sum(c.sign * (c.total_cents - c.paid_cents - c.credited_cents)) <> 0
      ORDER BY 1, 2
      ON CONFLICT (currency, due_date) DO UPDATE SET invoices = b.invoices + excluded.invoices,
        balance_cents = b.balance_cents + excluded.balance_cents
    $upsert$, changes)),
    (format($upsert$
      INSERT INTO invoice_issued_days AS d (currency, day, invoices, total_cents)
      SELECT c.currency, c.issue_date, sum(c.sign), sum(c.sign * c.total_cents)
      FROM (%s) c
      WHERE c.status NOT IN ('draft', 'void') AND c.issue_date IS NOT NULL
      GROUP BY 1, 2
      HAVING sum(c.sign) <> 0 OR sum(c.sign * c.total_cents) <> 0
      ORDER BY 1, 2
      ON CONFLICT (currency, day) DO UPDATE SET invoices = d.invoices + excluded.invoices,
        total_cents = d.total_cents + excluded.total_cents
    $upsert$, changes))
$$;
--> statement-breakpoint
CREATE FUNCTION invoices_apply_rollups() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  upsert text;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NOT EXISTS (
      SELECT id, status, currency, issue_date, due_date, total_cents, paid_cents, credited_cents
      FROM new_rows
      EXCEPT
      SELECT id, status, currency, issue_date, due_date, total_cents, paid_cents, credited_cents
      FROM old_rows
    ) THEN
      RETURN NULL;
    END IF;
  END IF;
  FOR upsert IN
    SELECT invoice_rollups_upserts(report_rollup_changes(TG_OP, ARRAY['status', 'currency',
      'issue_date', 'due_date', 'total_cents', 'paid_cents', 'credited_cents']))
  LOOP
    EXECUTE upsert;
  END LOOP;
  -- A key nothing is due or issued on any more; found through their partial indexes.
  DELETE FROM invoice_open_balances WHERE invoices = 0;
  DELETE FROM invoice_issued_days WHERE invoices = 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER invoices_inserted_apply_rollups AFTER INSERT ON invoices
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION invoices_apply_rollups();
--> statement-breakpoint
CREATE TRIGGER invoices_updated_apply_rollups AFTER UPDATE ON invoices
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION invoices_apply_rollups();
--> statement-breakpoint
CREATE TRIGGER invoices_deleted_apply_rollups AFTER DELETE ON invoices
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION invoices_apply_rollups();
--> statement-breakpoint
-- The sums already there.
INSERT INTO invoice_open_balances (currency, due_date, invoices, balance_cents)
SELECT currency, due_date, count(*), sum(total_cents - paid_cents - credited_cents)
FROM invoices
WHERE status IN ('issued', 'partially_paid', 'overdue') AND due_date IS NOT NULL
GROUP BY 1, 2;
--> statement-breakpoint
INSERT INTO invoice_issued_days (currency, day, invoices, total_cents)
SELECT currency, issue_date, count(*), sum(total_cents)
FROM invoices
WHERE status NOT IN ('draft', 'void') AND issue_date IS NOT NULL
GROUP BY 1, 2;
