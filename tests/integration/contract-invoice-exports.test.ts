import { beforeEach, describe, expect, it, vi } from 'vitest';
import { roles } from '@/lib/roles';
import type { CurrentUser } from '@/server/auth/session';
import { createClientRecord, setVisibility } from '../support/client-factories';
import { createContractRecord } from '../support/contract-factories';
import { asCurrentUser, createActor, createUser } from '../support/factories';
import { draftInvoice } from '../support/invoice-factories';

// The route handlers read the signed-in user from the request; here it is whoever the test says.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock('@/server/auth/session', async (original) => ({
  ...(await original<typeof import('@/server/auth/session')>()),
  getUserForRoute: async () => session.user,
}));
const { GET: exportInvoices } = await import('@/app/(portal)/invoices/export/route');
const { GET: exportContracts } = await import('@/app/(portal)/contracts/export/route');

/** The CSV of an export as `user`, split into rows of cells (no field here holds a comma). */
async function download(
  route: (request: Request) => Promise<Response>,
  query: string,
  user: CurrentUser | null,
) {
  session.user = user;
  const response = await route(new Request(`http://accord.test/export?${query}`));
  const text = await response.text();
  return {
    response,
    rows: text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
      .map((row) => row.split(',')),
  };
}

beforeEach(async () => {
  await setVisibility('open');
});

describe('the invoices export', () => {
  it('streams the current filter as CSV for every role, with the list columns', async () => {
    const drafter = await createActor('coordinator');
    const client = await createClientRecord({ name: 'Export Invoices Client' });
    await draftInvoice(drafter, client.id);
    await draftInvoice(drafter, client.id);
    for (const role of roles) {
      const { response, rows } = await download(
        exportInvoices,
        `client=${client.id}`,
        await createActor(role),
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toMatch(
        /^attachment; filename="invoices-/,
      );
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      expect(rows[0]).toEqual([
        'Number',
        'Client',
        'Status',
        'Issue date',
        'Due date',
        'Currency',
        'Total',
        'Balance',
      ]);
      expect(rows.slice(1).map((row) => [row[1], row[2]])).toEqual([
        ['Export Invoices Client', 'Draft'],
        ['Export Invoices Client', 'Draft'],
      ]);
    }
  });

  it('holds only the accounts a coordinator sees under `assigned`', async () => {
    const coordinatorRow = await createUser({ role: 'coordinator' });
    const coordinator = asCurrentUser(coordinatorRow);
    const own = await createClientRecord({
      name: 'Assigned Export Mine',
      coordinatorId: coordinatorRow.id,
    });
    const theirs = await createClientRecord({ name: 'Assigned Export Theirs' });
    const manager = await createActor('manager');
    await draftInvoice(manager, own.id);
    await draftInvoice(manager, theirs.id);
    await setVisibility('assigned');
    const { rows } = await download(exportInvoices, 'q=Assigned Export', coordinator);
    expect(rows.slice(1).map((row) => row[1])).toEqual(['Assigned Export Mine']);
    const all = await download(exportInvoices, 'q=Assigned Export&sort=client&dir=asc', manager);
    expect(all.rows.slice(1).map((row) => row[1])).toEqual([
      'Assigned Export Mine',
      'Assigned Export Theirs',
    ]);
  });

  it('defuses cells a spreadsheet would run as a formula', async () => {
    const manager = await createActor('manager');
    const client = await createClientRecord({ name: '=HYPERLINK("http://evil.test")' });
    await draftInvoice(manager, client.id);
    session.user = manager;
    const response = await exportInvoices(
      new Request(`http://accord.test/export?client=${client.id}`),
    );
    const text = await response.text();
    expect(text).toContain(`"'=HYPERLINK(""http://evil.test"")"`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('refuses a signed-out request', async () => {
    const { response } = await download(exportInvoices, '', null);
    expect(response.status).toBe(401);
  });
});

describe('the contracts export', () => {
  it('streams the current filter as CSV for every role, in the list order', async () => {
    const client = await createClientRecord({ name: 'Export Contracts Client' });
    await createContractRecord(client.id, { title: 'Alpha retainer', status: 'active' });
    await createContractRecord(client.id, { title: 'Beta retainer', status: 'draft' });
    for (const role of roles) {
      const { response, rows } = await download(
        exportContracts,
        `client=${client.id}&sort=title&dir=asc`,
        await createActor(role),
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toMatch(
        /^attachment; filename="contracts-/,
      );
      expect(rows[0]?.slice(0, 9)).toEqual([
        'Title',
        'Client',
        'Status',
        'Owner',
        'Currency',
        'Value',
        'Start date',
        'End date',
        'Notice deadline',
      ]);
      expect(rows.slice(1).map((row) => row.slice(0, 3))).toEqual([
        ['Alpha retainer', 'Export Contracts Client', 'Active'],
        ['Beta retainer', 'Export Contracts Client', 'Draft'],
      ]);
      expect(rows[1]?.[5]).toBe('12000.00');
    }
  });

  it('holds only the accounts an executive owns under `assigned`, and defuses formulas', async () => {
    const executiveRow = await createUser({ role: 'executive' });
    const executive = asCurrentUser(executiveRow);
    const own = await createClientRecord({
      name: 'Contract Export Mine',
      ownerId: executiveRow.id,
    });
    const theirs = await createClientRecord({ name: 'Contract Export Theirs' });
    await createContractRecord(own.id, { title: '+cmd|calc' });
    await createContractRecord(theirs.id, { title: 'Hidden retainer' });
    await setVisibility('assigned');
    const { rows } = await download(exportContracts, 'q=Contract Export', executive);
    expect(rows.slice(1).map((row) => row.slice(0, 2))).toEqual([
      ["'+cmd|calc", 'Contract Export Mine'],
    ]);
  });
});
