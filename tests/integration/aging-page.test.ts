import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { clients, invoices } from '@/db/schema';
import { addDays } from '@/lib/invoices';
import { executeAction } from '@/server/action';
import type { CurrentUser } from '@/server/auth/session';
import { issueInvoiceCommand, recordPaymentCommand, todayUtc } from '@/server/invoices/commands';
import { getAgingPage, getAgingReport } from '@/server/invoices/queries';
import { createClientRecord, setVisibility } from '../support/client-factories';
import { createActor, expectOk } from '../support/factories';
import { draftInvoice, invoiceLine, readInvoice } from '../support/invoice-factories';

let manager: CurrentUser;
let coordinator: CurrentUser;
const today = todayUtc();

/** Issues an invoice of 2.4 × `unitPrice`, due `dueDaysAgo` days ago (14 days from today if not). */
async function issue(clientId: string, unitPrice: string, dueDaysAgo?: number) {
  const draft = await draftInvoice(manager, clientId, [invoiceLine({ unitPrice })]);
  expectOk(
    await executeAction(issueInvoiceCommand, manager, { id: draft.id, version: draft.version }),
  );
  if (dueDaysAgo !== undefined) {
    // The draft's terms are 14 days: issued that long before it fell due.
    await db
      .update(invoices)
      .set({ issueDate: addDays(today, -dueDaysAgo - 14), dueDate: addDays(today, -dueDaysAgo) })
      .where(eq(invoices.id, draft.id));
  }
  return draft.id;
}

async function pay(id: string, amount: string, paidOn: string) {
  const { version } = await readInvoice(id);
  expectOk(
    await executeAction(recordPaymentCommand, manager, {
      id,
      version,
      paidOn,
      amount,
      method: 'bank_transfer',
    }),
  );
}

beforeAll(async () => {
  manager = await createActor('manager');
  coordinator = await createActor('coordinator');
  const other = await createActor('coordinator');
  const client = async (name: string, currency: string, coordinatorId: string) =>
    (await createClientRecord({ name, currency, coordinatorId })).id;
  // Ties past due (24,000 in euros and dollars, two clients of one name) and clients owing
  // nothing past due, some of them only the coordinator's.
  await issue(await client('Aging Alpha', 'EUR', coordinator.id), '100', 40);
  const bravo = await client('Aging Bravo', 'EUR', other.id);
  await issue(bravo, '100', 40);
  await issue(bravo, '50');
  await issue(await client('Aging Bravo', 'EUR', coordinator.id), '100', 40);
  await issue(await client('Aging Charlie', 'USD', coordinator.id), '100', 40);
  // One client owing in two currencies: its currency changed between invoices.
  const delta = await client('Aging Delta', 'EUR', coordinator.id);
  await issue(delta, '10', 10);
  await db.update(clients).set({ currency: 'USD' }).where(eq(clients.id, delta));
  await issue(delta, '200', 95);
  // Paid after the earlier date of the report: owed in full then.
  await pay(
    await issue(await client('Aging India', 'EUR', coordinator.id), '100', 40),
    '100',
    addDays(today, -5),
  );
  await pay(
    await issue(await client('Aging Juliet', 'USD', other.id), '50', 30),
    '120',
    addDays(today, -10),
  );
  // A currency paid off today: owed only on earlier dates.
  await pay(await issue(await client('Aging Echo', 'CHF', coordinator.id), '30', 15), '72', today);
  await issue(await client('Aging Foxtrot', 'EUR', coordinator.id), '100');
  await issue(await client('Aging Golf', 'USD', other.id), '100');
  await pay(await issue(await client('Aging Hotel', 'EUR', coordinator.id), '100'), '40', today);
  await issue(await client('Aging Kilo', 'GBP', other.id), '20');
  await setVisibility('assigned');
});

describe('the aging screen', () => {
  it('holds clients owing past due and clients owing only what is not yet due', async () => {
    const report = await getAgingReport(coordinator, today);
    const owingPastDue = report.clients.filter((row) => row.amounts.total > row.amounts.current);
    expect([owingPastDue.length, report.clients.length]).toEqual([6, 8]);
    const currencies = async (asOf: string) =>
      (await getAgingReport(manager, asOf)).totals.map((row) => row.currency);
    expect(await currencies(today)).toEqual(['EUR', 'GBP', 'USD']);
    expect(await currencies(addDays(today, -20))).toEqual(['CHF', 'EUR', 'USD']);
  });

  it('pages the full report most owed past due first, then by currency, name and id', async () => {
    // Today, a day before some payments, one when all is past due, one before most was issued.
    const dates = [today, addDays(today, -20), addDays(today, 40), addDays(today, -60)];
    for (const viewer of [manager, coordinator]) {
      for (const asOf of dates) {
        const report = await getAgingReport(viewer, asOf);
        // The report is in currency, name and id order, which a stable sort keeps among equals.
        const overdue = (row: (typeof report.clients)[number]) =>
          row.amounts.total - row.amounts.current;
        const ranked = [...report.clients].sort((a, b) => overdue(b) - overdue(a));
        // Pages of 2, 3 and 4 end exactly where those owing past due do, or cut across it.
        for (const size of [2, 3, 4]) {
          for (let page = 1; page <= Math.ceil(ranked.length / size) + 1; page += 1) {
            const label = `${viewer.role} ${asOf} page ${page} of ${size}`;
            expect(await getAgingPage(viewer, asOf, page, size), label).toEqual({
              asOf,
              page,
              clientCount: ranked.length,
              clients: ranked.slice((page - 1) * size, page * size),
              totals: report.totals,
            });
          }
        }
      }
    }
  });
});
