import 'server-only';
import { sql } from 'drizzle-orm';
import type { Database, LargeSeedSize } from './large';

type Executor = Pick<Database, 'execute'>;

/**
 * The contracts part of the large seed: `size.contracts` contracts over the clients already there,
 * in every status (≈ 10% draft, 10% sent, 10% signed, 45% active, 15% expired, 10% terminated),
 * terms of 6 to 36 months ending from two years ago to three years ahead, so the "notice due
 * within 90 days" filter has a few hundred matches.
 */
export async function seedLargeContracts(
  db: Executor,
  log: (message: string) => void,
  size: LargeSeedSize,
) {
  log(`${size.contracts.toLocaleString('en-US')} contracts…`);
  await db.execute(sql`
    with numbered_clients as (
      select id, name, currency, row_number() over (order by id) as n from clients
    ), total as (select count(*) as n from clients)
    insert into contracts (client_id, title, value_cents, currency, start_date, end_date,
                           auto_renew, renewal_term_months, notice_period_days, terms, status,
                           sent_at, signer_name, signed_on, terminated_at, termination_reason,
                           created_at, updated_at)
    select c.id, c.name || ' services agreement ' || m,
           (6000 + (m * 7919) % 240000)::bigint * 100, c.currency,
           t.start_date, t.end_date, m % 3 = 0, 12, (array[30, 60, 90])[1 + m % 3],
           '## Services' || chr(10) || 'The agency delivers the agreed work for ' || c.name || '.',
           t.status,
           case when t.status <> 'draft' then t.start_date - 14 end,
           case when t.status not in ('draft', 'sent') then 'Signer ' || m end,
           case when t.status not in ('draft', 'sent') then t.start_date - 7 end,
           case when t.status = 'terminated' then now() - make_interval(days => m % 300) end,
           case when t.status = 'terminated' then 'The client ended the engagement.' end,
           now() - make_interval(days => m % 900), now() - make_interval(days => m % 400)
    from generate_series(1, ${size.contracts}) as m
    cross join total
    join numbered_clients c on c.n = 1 + ((m * 7) % total.n)
    cross join lateral (
      select s.status, d.start_date, (d.start_date + make_interval(months => d.months))::date - 1 as end_date
      from (select (case when m % 20 < 2 then 'draft' when m % 20 < 4 then 'sent'
                         when m % 20 < 6 then 'signed' when m % 20 < 15 then 'active'
                         when m % 20 < 18 then 'expired' else 'terminated' end)::contract_status as status) s
      cross join lateral (
        select 6 * (1 + m % 6) as months,
               case when s.status = 'expired' then current_date - 400 - (m % 700)
                    when s.status in ('draft', 'sent', 'signed') then current_date + (m % 60)
                    else current_date - (m % 500) end as start_date
      ) d
    ) t
  `);
}
