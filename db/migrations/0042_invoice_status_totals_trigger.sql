-- A third invoice rollup: every invoice's total and balance per currency and status, for the
-- invoices list's totals row (db/schema/report-rollups.ts). The trigger of
-- 0040_invoice_rollup_triggers gains its upsert and watches the kept balance too.
CREATE OR REPLACE FUNCTION invoice_rollups_upserts(changes text) RETURNS SETOF text
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
    $upsert$, changes)),
    (format($upsert$
      INSERT INTO invoice_status_totals AS t (currency, status, invoices, total_cents, balance_cents)
      SELECT c.currency, c.status, sum(c.sign), sum(c.sign * c.total_cents),
        sum(c.sign * c.balance_cents)
      FROM (%s) c
      GROUP BY 1, 2
      HAVING sum(c.sign) <> 0 OR sum(c.sign * c.total_cents) <> 0
        OR sum(c.sign * c.balance_cents) <> 0
      ORDER BY 1, 2
      ON CONFLICT (currency, status) DO UPDATE SET invoices = t.invoices + excluded.invoices,
        total_cents = t.total_cents + excluded.total_cents,
        balance_cents = t.balance_cents + excluded.balance_cents
    $upsert$, changes))
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION invoices_apply_rollups() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  upsert text;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NOT EXISTS (
      SELECT id, status, currency, issue_date, due_date, total_cents, paid_cents, credited_cents,
        balance_cents
      FROM new_rows
      EXCEPT
      SELECT id, status, currency, issue_date, due_date, total_cents, paid_cents, credited_cents,
        balance_cents
      FROM old_rows
    ) THEN
      RETURN NULL;
    END IF;
  END IF;
  FOR upsert IN
    SELECT invoice_rollups_upserts(report_rollup_changes(TG_OP, ARRAY['status', 'currency',
      'issue_date', 'due_date', 'total_cents', 'paid_cents', 'credited_cents', 'balance_cents']))
  LOOP
    EXECUTE upsert;
  END LOOP;
  -- A key nothing is due or issued on any more; found through their partial indexes.
  DELETE FROM invoice_open_balances WHERE invoices = 0;
  DELETE FROM invoice_issued_days WHERE invoices = 0;
  DELETE FROM invoice_status_totals WHERE invoices = 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
INSERT INTO invoice_status_totals (currency, status, invoices, total_cents, balance_cents)
SELECT currency, status, count(*), sum(total_cents), sum(balance_cents)
FROM invoices
GROUP BY 1, 2;
