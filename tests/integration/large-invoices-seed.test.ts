import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, expect, it } from 'vitest';
import { seedDemo } from '@/db/seed/demo';
import { seedLargeInvoices } from '@/db/seed/large-invoices';
import { invoiceStatuses } from '@/lib/invoices';

const client = postgres(process.env.DATABASE_URL ?? '', { max: 1, onnotice: () => {} });
const seedDb = drizzle(client);

afterAll(async () => {
  await client.end();
});

it('adds invoices in every state after the demo ones, gapless per year, adding up', async () => {
  await seedDemo(seedDb);
  await seedDb.transaction((tx) => seedLargeInvoices(tx, () => {}, 2_000));
  const [counts] = await client`
    select (select count(*)::int from invoices) as invoices,
           (select count(*)::int from invoice_lines) as lines,
           (select count(*)::int from payments) as payments`;
  expect(counts).toMatchObject({ invoices: 2_008 });
  expect(counts!.lines).toBeGreaterThanOrEqual(6_000);
  expect(counts!.payments).toBeGreaterThan(2_000);
  const statuses = await client`select distinct status::text as status from invoices`;
  expect(new Set(statuses.map((row) => row.status))).toEqual(new Set(invoiceStatuses));
  // Each year's numbers are 1..n with the counter at n, in both series.
  for (const table of ['invoices', 'credit_notes'] as const) {
    const series = table === 'invoices' ? 'invoice' : 'credit_note';
    const years = await client`
      select number_year, count(*)::int as n, max(number_sequence) as last,
             count(distinct number_sequence)::int as distinct_numbers,
             (select last_number from invoice_counters c
              where c.series = ${series} and c.year = t.number_year) as counter
      from ${client(table)} t where number_year is not null group by number_year`;
    expect(years.length).toBeGreaterThan(0);
    for (const year of years) {
      expect(year).toMatchObject({ last: year.n, distinct_numbers: year.n, counter: year.n });
    }
  }
  const [mismatch] = await client`
    select count(*)::int as n from invoices i
    where (total_cents <> (select coalesce(sum(amount_cents + round(amount_cents * 0.2)), 0)
                          from invoice_lines where invoice_id = i.id)
           -- the demo's own invoices also use the reduced rate
           and not exists (select 1 from invoice_lines
                           where invoice_id = i.id and tax_rate_basis_points <> 2000))
       or (status <> 'void' and balance_cents <> total_cents - paid_cents - credited_cents)
       or paid_cents <> (select coalesce(sum(amount_cents), 0) from payments where invoice_id = i.id)`;
  expect(mismatch).toMatchObject({ n: 0 });
});
