import 'server-only';
import { sql } from 'drizzle-orm';
import type { Database } from './large';

type Executor = Pick<Database, 'execute'>;

/**
 * The invoices part of the large seed, generated in SQL: `count` invoices over the clients (by
 * bucket b = i mod 100: 5% draft, 13% issued, 12% partly paid, 50% paid, 15% overdue, 3% credited,
 * 2% void), three lines each at the standard 20 % rate rounded per line, two payments for each paid
 * invoice and one for each partly paid one and for about half the overdue ones (≈120,000 of 100,000
 * invoices), none dated after today, a credit note for each credited one; numbers gapless per year
 * with counters to match.
 */
export async function seedLargeInvoices(
  db: Executor,
  log: (message: string) => void,
  count: number,
) {
  log('invoices…');
  await db.execute(sql`
    create temp table seed_invoice_clients on commit drop as
    select id, currency, row_number() over (order by id) as n from clients
  `);
  await db.execute(sql`
    create temp table seed_invoices on commit drop as
    select gen_random_uuid() as id, i, b, c.id as client_id, c.currency,
      case when b < 5 then 'draft' when b < 18 then 'issued' when b < 30 then 'partially_paid'
           when b < 80 then 'paid' when b < 95 then 'overdue' when b < 98 then 'credited'
           else 'void' end::invoice_status as status,
      case when b < 5 then null
           when b < 30 then current_date - (i % 25)
           when b between 80 and 94 then current_date - (40 + i % 700)
           else current_date - (35 + i % 700) end as issue_date
    from (select i, i % 100 as b from generate_series(1, ${count}) as i) s
    join seed_invoice_clients c on c.n = 1 + (s.i * 7919) % (select count(*) from seed_invoice_clients)
  `);
  // The lines first, in a table of their own: the invoices' totals are summed from them.
  await db.execute(sql`
    create temp table seed_invoice_lines on commit drop as
    select s.id as invoice_id, k as position,
      (array['Strategy', 'Design hours', 'Production', 'Media buying', 'Reporting'])[1 + (s.i + k) % 5]
        as description, q as quantity_milli, p as unit_price_cents, q * p / 1000 as amount_cents
    from seed_invoices s, generate_series(1, 3) as k,
      lateral (select ((s.i * 7 + k) % 20 + 1) * 1000 as q, ((s.i * 13 + k * 101) % 500 + 50) * 100 as p) v
  `);
  await db.execute(sql`
    insert into invoices (id, client_id, status, number, number_year, number_sequence, currency,
      issue_date, due_date, payment_terms_days, tax_rounding, prices_include_tax, subtotal_cents,
      tax_cents, total_cents, paid_cents, credited_cents, balance_cents, issued_at, voided_at,
      void_reason, created_at, updated_at)
    select s.id, s.client_id, s.status,
      case when s.issue_date is null then null
           else 'INV-' || extract(year from s.issue_date) || '-' || lpad(seq::text, 5, '0') end,
      extract(year from s.issue_date)::int, seq, s.currency, s.issue_date, s.issue_date + 30, 30,
      'line', false, t.subtotal, t.tax, t.total,
      paid, credited, case when s.status = 'void' then 0 else t.total - paid - credited end,
      s.issue_date + time '10:00', case when s.status = 'void' then s.issue_date + 2 end,
      case when s.status = 'void' then 'Issued in error' end,
      coalesce(s.issue_date, current_date) - interval '1 day', now()
    from (
      -- After any number already given (the demo seed's), so the series stays gapless.
      select s.*, case when s.issue_date is not null then
        coalesce((select last_number from invoice_counters
                  where series = 'invoice' and year = extract(year from s.issue_date)), 0)
        + row_number() over (partition by extract(year from s.issue_date), s.issue_date is null
                             order by s.issue_date, s.i) end as seq
      from seed_invoices s
    ) s
    join (
      select invoice_id, sum(amount_cents) as subtotal, sum(round(amount_cents * 0.2)) as tax,
             sum(amount_cents + round(amount_cents * 0.2)) as total
      from seed_invoice_lines group by invoice_id
    ) t on t.invoice_id = s.id,
    lateral (select
      case when s.status = 'paid' then t.total
           when s.status = 'partially_paid' then t.total / 2
           when s.status = 'overdue' and (s.i / 100) % 15 < 8 then t.total / 4
           else 0 end as paid,
      case when s.status = 'credited' then t.total else 0 end as credited) m
  `);
  log('invoice lines…');
  await db.execute(sql`
    insert into invoice_lines (invoice_id, position, description, quantity_milli, unit_price_cents,
      discount_basis_points, tax_rate_name, tax_rate_basis_points, amount_cents)
    select invoice_id, position, description, quantity_milli, unit_price_cents, 0, 'Standard',
      2000, amount_cents
    from seed_invoice_lines
  `);
  log('payments and credit notes…');
  await db.execute(sql`
    insert into payments (invoice_id, paid_on, amount_cents, method, reference)
    select id, least(issue_date + 10, current_date),
      case when status = 'paid' then paid_cents / 2 else paid_cents end,
      'bank_transfer'::payment_method, 'TX-' || number_sequence
    from invoices where paid_cents > 0 and id in (select id from seed_invoices)
    union all
    select id, least(issue_date + 25, current_date), paid_cents - paid_cents / 2,
      'card'::payment_method, null
    from invoices where status = 'paid' and id in (select id from seed_invoices)
  `);
  await db.execute(sql`
    insert into credit_notes (invoice_id, number, number_year, number_sequence, issue_date,
      amount_cents, reason)
    select id, 'CN-' || number_year || '-' || lpad(seq::text, 5, '0'), number_year, seq,
      issue_date + 3, credited_cents, 'Campaign cancelled'
    from (select i.*, coalesce((select last_number from invoice_counters
                                where series = 'credit_note' and year = i.number_year), 0)
                      + row_number() over (partition by i.number_year order by i.issue_date, i.id) as seq
          from invoices i where i.status = 'credited' and i.id in (select id from seed_invoices)) c
  `);
  await db.execute(sql`
    insert into invoice_counters (series, year, last_number)
    select 'invoice'::invoice_series, number_year, max(number_sequence) from invoices
    where number_year is not null group by number_year
    union all
    select 'credit_note', number_year, max(number_sequence) from credit_notes group by number_year
    on conflict (series, year) do update set last_number = excluded.last_number
  `);
}
