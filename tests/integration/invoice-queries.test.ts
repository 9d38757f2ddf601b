import { beforeAll, describe, expect, it } from 'vitest';
import { invoiceListSchema } from '@/lib/validation/invoices';
import { executeAction } from '@/server/action';
import type { CurrentUser } from '@/server/auth/session';
import { issueInvoiceCommand, recordPaymentCommand, todayUtc } from '@/server/invoices/commands';
import {
  getAgingPage,
  getAgingReport,
  listClientInvoices,
  listInvoices,
} from '@/server/invoices/queries';
import { invoiceSearchProvider } from '@/server/invoices/search';
import { createClientRecord, setVisibility } from '../support/client-factories';
import { createActor, expectOk } from '../support/factories';
import { draftInvoice, invoiceLine, readInvoice } from '../support/invoice-factories';

let coordinator: CurrentUser;
let outsider: CurrentUser;
let manager: CurrentUser;
let clientId: string;
let number: string;

beforeAll(async () => {
  coordinator = await createActor('coordinator');
  outsider = await createActor('coordinator');
  manager = await createActor('manager');
  clientId = (await createClientRecord({ coordinatorId: coordinator.id, currency: 'EUR' })).id;
  const usd = (await createClientRecord({ coordinatorId: coordinator.id, currency: 'USD' })).id;
  for (const id of [clientId, usd]) {
    const draft = await draftInvoice(coordinator, id, [invoiceLine({ unitPrice: '50' })]);
    expectOk(
      await executeAction(issueInvoiceCommand, manager, { id: draft.id, version: draft.version }),
    );
  }
  const [issued] = await listClientInvoices(manager, clientId);
  number = issued!.number!;
  const invoice = await readInvoice(issued!.id);
  expectOk(
    await executeAction(recordPaymentCommand, manager, {
      id: invoice.id,
      version: invoice.version,
      paidOn: todayUtc(),
      amount: '20',
      method: 'card',
    }),
  );
});

describe('invoice lists, search and aging', () => {
  it('sums the filter per currency, never across currencies', async () => {
    const { rows, totals } = await listInvoices(coordinator, invoiceListSchema.parse({}));
    expect(rows).toHaveLength(2);
    expect(totals).toEqual([
      { currency: 'EUR', count: 1, totalCents: 12_000, balanceCents: 10_000 },
      { currency: 'USD', count: 1, totalCents: 12_000, balanceCents: 12_000 },
    ]);
    const filtered = await listInvoices(coordinator, invoiceListSchema.parse({ client: clientId }));
    expect(filtered.rows.map((row) => row.number)).toEqual([number]);
    // One status, from the rollup kept per status, and the same filter summed from the rows (a
    // search every invoice matches).
    const partlyPaid = { currency: 'EUR', count: 1, totalCents: 12_000, balanceCents: 10_000 };
    for (const params of [{ status: 'partially_paid' }, { status: 'partially_paid', q: 'INV' }]) {
      const { totals: sums } = await listInvoices(manager, invoiceListSchema.parse(params));
      expect(sums, JSON.stringify(params)).toEqual([partlyPaid]);
    }
    expect(
      (await listInvoices(manager, invoiceListSchema.parse({ status: 'void' }))).totals,
    ).toEqual([]);
  });

  it('finds an invoice by the start of its number', async () => {
    const hits = await invoiceSearchProvider.search(coordinator, number.slice(0, -2), 5);
    expect(hits.map((hit) => hit.title)).toContain(number);
  });

  it('ages what is owed as of a date, per client and currency', async () => {
    const today = await getAgingReport(coordinator, todayUtc());
    const eur = today.totals.find((row) => row.currency === 'EUR');
    expect(eur?.amounts).toMatchObject({ current: 10_000, total: 10_000 });
    const later = await getAgingReport(coordinator, '2999-01-01');
    expect(later.totals.find((row) => row.currency === 'EUR')?.amounts.over90).toBe(10_000);
    // Before it was issued nothing was owed.
    expect((await getAgingReport(coordinator, '2000-01-01')).totals).toEqual([]);
  });

  it('pages the clients of the aging screen, most overdue first, with totals over them all', async () => {
    const full = await getAgingReport(coordinator, '2999-01-01');
    const first = await getAgingPage(coordinator, '2999-01-01', 1);
    expect(first.totals).toEqual(full.totals);
    expect(first.clientCount).toBe(2);
    expect(first.clients.map((row) => [row.currency, row.amounts.over90])).toEqual([
      ['USD', 12_000],
      ['EUR', 10_000],
    ]);
    const beyond = await getAgingPage(coordinator, '2999-01-01', 2);
    expect(beyond.clients).toEqual([]);
    expect(beyond.totals).toEqual(full.totals);
  });

  it('shows none of it to a coordinator off the accounts under assigned visibility', async () => {
    await setVisibility('assigned');
    try {
      expect((await listInvoices(outsider, invoiceListSchema.parse({}))).rows).toEqual([]);
      expect(await invoiceSearchProvider.search(outsider, number, 5)).toEqual([]);
      expect((await getAgingReport(outsider, '2999-01-01')).totals).toEqual([]);
      expect(await getAgingPage(outsider, '2999-01-01', 1)).toMatchObject({
        clientCount: 0,
        clients: [],
        totals: [],
      });
      expect(await listClientInvoices(outsider, clientId)).toEqual([]);
      expect((await listInvoices(coordinator, invoiceListSchema.parse({}))).rows).toHaveLength(2);
    } finally {
      await setVisibility('open');
    }
  });
});
