import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { campaigns, clients, deals, invoices, materials } from '@/db/schema';
import {
  clientStatusLabels,
  clientTierLabels,
  type ClientStatus,
  type ClientTier,
} from '@/lib/clients';
import { csvRow } from '@/lib/csv';
import { budgetTotals, campaignStatusLabels, type CampaignStatus } from '@/lib/campaigns';
import { contractStatusLabels, type ContractStatus } from '@/lib/contracts';
import { dealStageLabels, type DealStage } from '@/lib/deals';
import {
  agingBucketLabels,
  agingBuckets,
  invoiceStatusLabels,
  type InvoiceStatus,
} from '@/lib/invoices';
import {
  materialKindLabels,
  materialStatusLabels,
  type MaterialKind,
  type MaterialStatus,
} from '@/lib/materials';
import { campaignListSchema } from '@/lib/validation/campaigns';
import { clientListSchema } from '@/lib/validation/clients';
import { contractListSchema } from '@/lib/validation/contracts';
import { dealListSchema } from '@/lib/validation/deals';
import { invoiceListSchema } from '@/lib/validation/invoices';
import { materialListSchema } from '@/lib/validation/materials';
import { firstValues } from '@/lib/validation/list-params';
import type { CurrentUser } from '@/server/auth/session';
import { clientListQuery, clientListWhere } from '@/server/clients/list-query';
import { visibleClients } from '@/server/clients/visibility';
import { contractListQuery, contractListWhere } from '@/server/contracts/queries';
import { visibleContracts } from '@/server/contracts/visibility';
import { todayIn } from '@/server/proposals/merge-values';
import { dealListQuery, dealListWhere } from '@/server/deals/list-query';
import { visibleDeals } from '@/server/deals/visibility';
import { executeAction } from '@/server/action';
import { issueInvoiceCommand, todayUtc } from '@/server/invoices/commands';
import { getAgingReport, invoiceListQuery, invoiceListWhere } from '@/server/invoices/queries';
import { visibleInvoices } from '@/server/invoices/visibility';
import { campaignListQuery, campaignListWhere } from '@/server/campaigns/list-query';
import { visibleCampaigns } from '@/server/campaigns/visibility';
import { listMaterials } from '@/server/materials/queries';
import { createClientRecord, setVisibility } from '../support/client-factories';
import { createContractRecord } from '../support/contract-factories';
import { createDealRecord } from '../support/deal-factories';
import { draftInvoice, invoiceLine } from '../support/invoice-factories';
import { asCurrentUser, createUser, expectOk } from '../support/factories';
import { csvDateTime } from '../support/csv';
import { hostilePayloads, storedForm } from '../support/hostile-payloads';

// The route reads the signed-in user from the request; here it is whoever the test says.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock('@/server/auth/session', async (original) => ({
  ...(await original<typeof import('@/server/auth/session')>()),
  getUserForRoute: async () => session.user,
}));
const { GET: exportClients } = await import('@/app/(portal)/clients/export/route');
const { GET: exportDeals } = await import('@/app/(portal)/pipeline/export/route');
const { GET: exportContracts } = await import('@/app/(portal)/contracts/export/route');
const { GET: exportInvoices } = await import('@/app/(portal)/invoices/export/route');
const { GET: exportCampaigns } = await import('@/app/(portal)/campaigns/export/route');
const { GET: exportMaterials } = await import('@/app/(portal)/materials/export/route');
const { GET: exportAging } = await import('@/app/(portal)/invoices/aging/csv/route');

type Raw = string | number | null;

/**
 * The clients export as it was written before PostgreSQL wrote it: the rows read from a cursor
 * as the database sends them, each field formatted and quoted in JavaScript. The reference the
 * new export must match byte for byte.
 */
async function referenceClientsCsv(viewer: CurrentUser, query: string) {
  const search = new URLSearchParams(query);
  const params = clientListSchema.parse(firstValues(Object.fromEntries(search)));
  const ids = search.get('ids')?.split(',');
  const where = and(
    clientListWhere(await visibleClients(viewer), params),
    ids ? inArray(clients.id, ids) : undefined,
  );
  const { sql: text, params: values } = clientListQuery(where, params).toSQL();
  const rows = (await db.$client.unsafe(text, values as never[]).values()) as unknown as Raw[][];
  const zone = viewer.timeZone;
  let csv = `\uFEFF${csvRow([
    'Name',
    'Status',
    'Industry',
    'Tier',
    'Website',
    'Owner',
    'Coordinator',
    'Currency',
    'Annual value',
    `Last activity (${zone})`,
    `Updated (${zone})`,
    'Fit score',
    'Source',
    'Next step',
    'Next-step date',
  ])}`;
  for (const row of rows) {
    const [, name, status, industry, tier, website, , ownerName, , coordinatorName] = row;
    const [currency, annualValueCents, lastActivityAt, updatedAt, , fitScore] = row.slice(10);
    const [source, nextStep, nextStepDate] = row.slice(16);
    csv += csvRow([
      name,
      clientStatusLabels[status as ClientStatus],
      industry,
      clientTierLabels[tier as ClientTier],
      website,
      ownerName,
      coordinatorName,
      currency,
      (Number(annualValueCents) / 100).toFixed(2),
      csvDateTime(lastActivityAt ?? null, zone),
      csvDateTime(updatedAt ?? null, zone),
      fitScore,
      source,
      nextStep,
      nextStepDate,
    ]);
  }
  return csv;
}

/** The deals export as the pipeline route wrote it in JavaScript: the reference for deals. */
async function referenceDealsCsv(viewer: CurrentUser, query: string) {
  const params = dealListSchema.parse(firstValues(Object.fromEntries(new URLSearchParams(query))));
  const where = dealListWhere(await visibleDeals(viewer), params);
  const { sql: text, params: values } = dealListQuery(where, params).toSQL();
  const rows = (await db.$client.unsafe(text, values as never[]).values()) as unknown as Raw[][];
  const zone = viewer.timeZone;
  const money = (cents: Raw | undefined) => (Number(cents) / 100).toFixed(2);
  let csv = `\uFEFF${csvRow([
    'Name',
    'Client',
    'Stage',
    'Currency',
    'Amount',
    'Probability',
    'Weighted',
    'Expected close',
    'Owner',
    'Coordinator',
    `Updated (${zone})`,
  ])}`;
  for (const row of rows) {
    const [, name, , clientName, stage, amountCents, currency, probability, weighted] = row;
    const [expectedClose, , ownerName, , coordinatorName, updatedAt] = row.slice(9);
    csv += csvRow([
      name,
      clientName,
      dealStageLabels[stage as DealStage],
      currency,
      money(amountCents),
      probability,
      money(weighted),
      expectedClose,
      ownerName,
      coordinatorName,
      csvDateTime(updatedAt ?? null, zone),
    ]);
  }
  return csv;
}

/** The contracts export as its route wrote it in JavaScript: the reference for contracts. */
async function referenceContractsCsv(viewer: CurrentUser, query: string) {
  const search = Object.fromEntries(new URLSearchParams(query));
  const params = contractListSchema.parse(firstValues(search));
  const where = contractListWhere(await visibleContracts(viewer), params, todayIn(viewer.timeZone));
  const { sql: text, params: values } = contractListQuery(where, params).toSQL();
  const rows = (await db.$client.unsafe(text, values as never[]).values()) as unknown as Raw[][];
  const zone = viewer.timeZone;
  let csv = `\uFEFF${csvRow([
    'Title',
    'Client',
    'Status',
    'Owner',
    'Currency',
    'Value',
    'Start date',
    'End date',
    'Notice deadline',
    `Updated (${zone})`,
  ])}`;
  for (const row of rows) {
    const [, title, status, , clientName, ownerName, valueCents, currency] = row;
    const [startDate, endDate, noticeDeadline, updatedAt] = row.slice(8);
    csv += csvRow([
      title,
      clientName,
      contractStatusLabels[status as ContractStatus],
      ownerName,
      currency,
      (Number(valueCents) / 100).toFixed(2),
      startDate,
      endDate,
      noticeDeadline,
      csvDateTime(updatedAt ?? null, zone),
    ]);
  }
  return csv;
}

/** The invoices export as its route wrote it in JavaScript: the reference for invoices. */
async function referenceInvoicesCsv(viewer: CurrentUser, query: string) {
  const search = Object.fromEntries(new URLSearchParams(query));
  const params = invoiceListSchema.parse(firstValues(search));
  const where = invoiceListWhere(await visibleInvoices(viewer), params);
  const { sql: text, params: values } = invoiceListQuery(where, params).toSQL();
  const rows = (await db.$client.unsafe(text, values as never[]).values()) as unknown as Raw[][];
  const money = (cents: Raw | undefined) => (Number(cents) / 100).toFixed(2);
  let csv = `\uFEFF${csvRow(['Number', 'Client', 'Status', 'Issue date', 'Due date', 'Currency', 'Total', 'Balance'])}`;
  for (const row of rows) {
    const [, number, status, , clientName, issueDate, dueDate, totalCents, balanceCents, currency] =
      row;
    csv += csvRow([
      number,
      clientName,
      invoiceStatusLabels[status as InvoiceStatus],
      issueDate,
      dueDate,
      currency,
      money(totalCents),
      money(balanceCents),
    ]);
  }
  return csv;
}

/** The campaigns export as its route wrote it in JavaScript, budget figures from budgetTotals. */
async function referenceCampaignsCsv(viewer: CurrentUser, query: string) {
  const search = Object.fromEntries(new URLSearchParams(query));
  const params = campaignListSchema.parse(firstValues(search));
  const where = campaignListWhere(await visibleCampaigns(viewer), params);
  const { sql: text, params: values } = campaignListQuery(where, params).toSQL();
  const rows = (await db.$client.unsafe(text, values as never[]).values()) as unknown as Raw[][];
  const zone = viewer.timeZone;
  const money = (cents: number) => (cents / 100).toFixed(2);
  let csv = `\uFEFF${csvRow([
    'Name',
    'Client',
    'Status',
    'Start',
    'End',
    'Owner',
    'Coordinator',
    'Currency',
    'Planned',
    'Committed',
    'Spent',
    'Remaining',
    'Used (%)',
    `Updated (${zone})`,
  ])}`;
  for (const row of rows) {
    const [, name, , clientName, status, startDate, endDate, ownerName, coordinatorName] = row;
    const [currency, planned, committed, spent, updatedAt] = row.slice(9);
    const totals = budgetTotals(Number(planned), Number(committed), Number(spent));
    csv += csvRow([
      name,
      clientName,
      campaignStatusLabels[status as CampaignStatus],
      startDate,
      endDate,
      ownerName,
      coordinatorName,
      currency,
      money(totals.plannedCents),
      money(totals.committedCents),
      money(totals.spentCents),
      money(totals.remainingCents),
      totals.percentUsed,
      csvDateTime(updatedAt ?? null, zone),
    ]);
  }
  return csv;
}

/** The materials export as its route wrote it in JavaScript, in the list's order and filter. */
async function referenceMaterialsCsv(viewer: CurrentUser, query: string, now: Date) {
  const search = Object.fromEntries(new URLSearchParams(query));
  const params = materialListSchema.parse({ ...firstValues(search), size: '100' });
  const { rows } = await listMaterials(viewer, params, now);
  // The list's rows carry no deal, campaign or tags: those are read for the same materials.
  const extra = await db
    .select({
      id: materials.id,
      dealName: deals.name,
      campaignName: campaigns.name,
      tags: sql<string>`array_to_string(${materials.tags}, ', ')`,
    })
    .from(materials)
    .leftJoin(deals, eq(deals.id, materials.dealId))
    .leftJoin(campaigns, eq(campaigns.id, materials.campaignId))
    .where(inArray(materials.id, rows.length ? rows.map((row) => row.id) : [randomUUID()]));
  const extraOf = new Map(extra.map((row) => [row.id, row]));
  const zone = viewer.timeZone;
  let csv = `\uFEFF${csvRow([
    'Title',
    'Kind',
    'Status',
    'Client',
    'Deal',
    'Campaign',
    'Assignee',
    'Due',
    'Tags',
    `Updated (${zone})`,
  ])}`;
  for (const row of rows) {
    csv += csvRow([
      row.title,
      materialKindLabels[row.kind as MaterialKind],
      materialStatusLabels[row.status as MaterialStatus],
      row.clientName,
      extraOf.get(row.id)?.dealName,
      extraOf.get(row.id)?.campaignName,
      row.assigneeName,
      row.dueDate,
      extraOf.get(row.id)?.tags,
      csvDateTime(row.updatedAt, zone),
    ]);
  }
  return csv;
}

/** The export's body as bytes decoded, its BOM kept. */
async function exported(viewer: CurrentUser, query: string, route = exportClients) {
  session.user = viewer;
  const response = await route(new Request(`http://accord.test/export?${query}`));
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer()).toString('utf8');
}

const zones = ['UTC', 'America/St_Johns', 'Asia/Kathmandu', 'Pacific/Auckland'];
const hostileTexts = [
  ...Object.values(hostilePayloads).map(storedForm),
  '\\.',
  '""',
  'a,b',
  ' ',
  'line\nbreak "quoted", and\r\nmore',
  '"',
  "'already quoted",
  'Zoë — 東京 🚀',
];
const marker = `Export ${Math.random().toString(36).slice(2, 8)}`;
let manager: CurrentUser;
let coordinator: CurrentUser;

beforeAll(async () => {
  await setVisibility('open');
  manager = asCurrentUser(await createUser({ role: 'manager' }));
  coordinator = asCurrentUser(await createUser({ role: 'coordinator', name: '=Coordinator, "C"' }));
  const owner = await createUser({ role: 'executive', name: '@Owner\nNewline' });
  const instants = [
    null,
    '2026-03-08 06:59:59.999999+00',
    '2026-11-01 09:30:00+00',
    '2026-03-28 12:15:00+00',
    '1970-01-01 00:00:00+00',
    '1969-12-31 23:59:30.5+00',
    '2038-01-19 03:14:08+00',
  ];
  for (const [index, text] of hostileTexts.entries()) {
    await createClientRecord({
      name: `${marker} ${index} ${text}`.slice(0, 200),
      status: (['prospect', 'active', 'paused', 'churned'] as const)[index % 4],
      tier: (['standard', 'key', 'strategic'] as const)[index % 3],
      industry: index % 5 === 0 ? null : text.slice(0, 100),
      website: index % 4 === 0 ? '' : text.slice(0, 255),
      source: index % 3 === 0 ? null : text.slice(0, 100),
      nextStep: text.slice(0, 200),
      nextStepDate: index % 2 ? '2026-12-0' + ((index % 9) + 1) : null,
      fitScore: index % 3 === 0 ? null : index * 7 - 20,
      annualValueCents: [0, -5, -1005, 1, 99, 123456789, 1999, -100][index % 8],
      currency: index % 2 ? 'EUR' : 'USD',
      lastActivityAt: sql`${instants[index % instants.length]}::timestamptz` as unknown as Date,
      ownerId: index % 2 ? owner.id : null,
      coordinatorId: index % 3 ? coordinator.id : null,
    });
  }
});

describe('the clients CSV export written by PostgreSQL', () => {
  it.each(zones)('matches the JavaScript export byte for byte for a viewer in %s', async (zone) => {
    const viewer = { ...manager, timeZone: zone };
    const query = `q=${encodeURIComponent(marker)}&sort=name&dir=asc`;
    const csv = await exported(viewer, query);
    expect(csv).toBe(await referenceClientsCsv(viewer, query));
    expect(csv.split('\r\n').length).toBeGreaterThan(hostileTexts.length);
    expect(csv).toContain(`'=HYPERLINK`);
  });

  it('matches it under each sort and filter, with a NUL in the search and for ticked ids', async () => {
    const viewer = { ...manager, timeZone: 'America/St_Johns' };
    const some = await db
      .select({ id: clients.id })
      .from(clients)
      .where(sql`${clients.name} like ${`${marker}%`}`)
      .limit(3);
    const queries = [
      `q=${encodeURIComponent(marker)}%00&sort=annualValue&dir=desc`,
      `q=${encodeURIComponent(marker)}&sort=lastActivityAt&dir=asc`,
      `q=${encodeURIComponent(marker)}&sort=owner&dir=desc&status=paused`,
      `coordinator=${coordinator.id}&sort=updatedAt`,
      `ids=${some.map(({ id }) => id).join(',')}`,
      `q=${encodeURIComponent("O'Brien \\ 100% _x_ $1")}`,
    ];
    for (const query of queries) {
      expect(await exported(viewer, query)).toBe(await referenceClientsCsv(viewer, query));
    }
  });

  it('holds only the accounts a coordinator sees under `assigned`', async () => {
    await setVisibility('assigned');
    try {
      const query = `q=${encodeURIComponent(marker)}`;
      const csv = await exported(coordinator, query);
      expect(csv).toBe(await referenceClientsCsv(coordinator, query));
      const rows = csv.split('\r\n').filter((line) => line.startsWith(marker));
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.length).toBeLessThan(hostileTexts.length);
    } finally {
      await setVisibility('open');
    }
  });

  it('keeps quoted line breaks across its chunks on thousands of rows', async () => {
    const bulk = `${marker} bulk`;
    await db.execute(sql`
      insert into clients (name, next_step, website, annual_value_cents)
      select ${bulk} || ' ' || n, repeat('"x",' || chr(10) || 'y ', n % 7), case when n % 5 = 0 then '-' || n end, n * 37 - 5000
      from generate_series(1, 6000) n`);
    const viewer = { ...manager, timeZone: 'Asia/Kathmandu' };
    const query = `q=${encodeURIComponent(bulk)}&sort=annualValue`;
    const csv = await exported(viewer, query);
    expect(csv.length).toBeGreaterThan(3 * 64 * 1024);
    expect(csv).toBe(await referenceClientsCsv(viewer, query));
  });
});

describe('the deals CSV export written by PostgreSQL', () => {
  it.each(zones)('matches the JavaScript export byte for byte for a viewer in %s', async (zone) => {
    const client = await createClientRecord({ name: `=HYPERLINK("${marker}"), "x"` });
    for (const [index, text] of hostileTexts.entries()) {
      await createDealRecord(client.id, {
        name: `${marker} ${zone} ${index} ${text}`.slice(0, 200),
        stage: (['lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost'] as const)[
          index % 6
        ],
        amountCents: [0, 1, 99, 1005, 123456789, 1999][index % 6],
        probability: (index * 13) % 101,
        expectedClose: index % 2 ? '2026-12-31' : null,
        ownerId: index % 2 ? coordinator.id : null,
      });
    }
    const viewer = { ...manager, timeZone: zone };
    for (const query of [
      `q=${encodeURIComponent(`${marker} ${zone}`)}`,
      `q=${encodeURIComponent(`${marker} ${zone}`)}%00&sort=weighted&dir=desc`,
    ]) {
      const csv = await exported(viewer, query, exportDeals);
      expect(csv).toBe(await referenceDealsCsv(viewer, query));
      expect(csv).toContain(`'=HYPERLINK`);
    }
  });
});

describe('the contracts CSV export written by PostgreSQL', () => {
  it.each(zones)('matches the JavaScript export byte for byte for a viewer in %s', async (zone) => {
    const client = await createClientRecord({ name: `@${marker} contracts, "x"` });
    for (const [index, text] of hostileTexts.entries()) {
      await createContractRecord(client.id, {
        title: `${marker} ${zone} ${index} ${text}`.slice(0, 200),
        valueCents: [0, 1, 99, 1005, 123456789, 1999][index % 6],
        endDate: index % 2 ? '2027-03-31' : '2026-12-31',
      });
    }
    const viewer = { ...manager, timeZone: zone };
    for (const query of [
      `q=${encodeURIComponent(`${marker} ${zone}`)}`,
      `q=${encodeURIComponent(`${marker} ${zone}`)}%00&sort=value&dir=desc`,
    ]) {
      const csv = await exported(viewer, query, exportContracts);
      expect(csv).toBe(await referenceContractsCsv(viewer, query));
      expect(csv).toContain(`'@${marker}`);
    }
  });
});

describe('the invoices CSV export written by PostgreSQL', () => {
  it('matches the JavaScript export byte for byte', async () => {
    const client = await createClientRecord({ name: `-${marker} invoices, "x"\nnext` });
    for (const unitPrice of ['0.00', '0.01', '500.00', '1234567.89'])
      await draftInvoice(manager, client.id, [invoiceLine({ unitPrice })]);
    for (const query of [`client=${client.id}`, `client=${client.id}&q=%00`]) {
      const csv = await exported(manager, query, exportInvoices);
      expect(csv).toBe(await referenceInvoicesCsv(manager, query));
      expect(csv).toContain(`"'-${marker}`);
    }
  });
});

describe('the campaigns CSV export written by PostgreSQL', () => {
  it.each(zones)('matches the JavaScript export byte for byte for a viewer in %s', async (zone) => {
    const client = await createClientRecord({ name: `+${marker} campaigns, "x"` });
    for (const [index, text] of hostileTexts.entries()) {
      const [planned, committed, spent] = [
        [0, 0, 0],
        [100_000, 25_050, 0],
        [90_000, 60_000, 35_001],
        [1, 0, 1],
        [123_456_789, 99, 1],
        [300, 299, 0],
      ][index % 6]!;
      await db.insert(campaigns).values({
        clientId: client.id,
        name: `${marker} ${zone} ${index} ${text}`.slice(0, 200),
        status: (['planned', 'running', 'done', 'cancelled'] as const)[index % 4]!,
        startDate: index % 3 ? '2026-09-01' : null,
        endDate: index % 2 ? '2026-12-31' : null,
        ownerId: index % 2 ? coordinator.id : null,
        coordinatorId: index % 3 ? coordinator.id : null,
        currency: index % 2 ? 'EUR' : 'USD',
        budgetPlannedCents: planned,
        committedCents: committed,
        spentCents: spent,
      });
    }
    const viewer = { ...manager, timeZone: zone };
    for (const query of [
      `q=${encodeURIComponent(`${marker} ${zone}`)}`,
      `q=${encodeURIComponent(`${marker} ${zone}`)}%00&sort=remaining&dir=asc`,
    ]) {
      const csv = await exported(viewer, query, exportCampaigns);
      expect(csv).toBe(await referenceCampaignsCsv(viewer, query));
      expect(csv).toContain(`"'+${marker}`);
      expect(csv).toContain(`'-`);
    }
  });
});

describe('the materials CSV export written by PostgreSQL', () => {
  it.each(zones)('matches the JavaScript export byte for byte for a viewer in %s', async (zone) => {
    const client = await createClientRecord({ name: `=${marker} materials, "x"` });
    for (const [index, text] of hostileTexts.entries()) {
      await db.insert(materials).values({
        clientId: client.id,
        kind: (['presentation', 'video', 'demo', 'one_pager'] as const)[index % 4]!,
        title: `${zone} ${index} ${text}`.slice(0, 200),
        status: (['requested', 'in_progress', 'in_review', 'ready'] as const)[index % 4]!,
        assigneeId: index % 2 ? coordinator.id : null,
        dueDate: index % 3 ? '2026-12-15' : null,
        tags: index % 2 ? [text.slice(0, 30), 'launch'] : [],
      });
    }
    const viewer = { ...manager, timeZone: zone };
    const now = new Date();
    for (const query of [`client=${client.id}`, `client=${client.id}&sort=title&dir=desc`]) {
      const csv = await exported(viewer, query, exportMaterials);
      expect(csv).toBe(await referenceMaterialsCsv(viewer, query, now));
      expect(csv).toContain(`"'=${marker}`);
    }
  });
});

describe('the aging CSV written by PostgreSQL', () => {
  it('matches the JavaScript export byte for byte', async () => {
    const asOf = todayUtc();
    const daysPastDue = [-5, 10, 45, 75, 200, 0, 31, 91];
    for (const [index, text] of hostileTexts.slice(0, 8).entries()) {
      const client = await createClientRecord({
        name: `@${marker} aging ${index} ${text}`.slice(0, 200),
        currency: index % 2 ? 'EUR' : 'USD',
      });
      for (const [line, unitPrice] of ['0.01', '1234.56'].entries()) {
        const draft = await draftInvoice(manager, client.id, [invoiceLine({ unitPrice })]);
        expectOk(
          await executeAction(issueInvoiceCommand, manager, {
            id: draft.id,
            version: draft.version,
          }),
        );
        const late = daysPastDue[(index + line * 3) % daysPastDue.length]!;
        await db
          .update(invoices)
          .set({ dueDate: sql`${asOf}::date - ${late}::int` })
          .where(eq(invoices.id, draft.id));
      }
    }
    session.user = manager;
    const response = await exportAging(
      new Request(`http://accord.test/invoices/aging/csv?asOf=${asOf}`),
    );
    const csv = Buffer.from(await response.arrayBuffer()).toString('utf8');
    const report = await getAgingReport(manager, asOf);
    const major = (cents: number) => (cents / 100).toFixed(2);
    let reference = `\uFEFF${csvRow(['As of', 'Client', 'Currency', ...agingBuckets.map((bucket) => agingBucketLabels[bucket]), 'Total'])}`;
    for (const row of report.clients) {
      reference += csvRow([
        asOf,
        row.clientName,
        row.currency,
        ...agingBuckets.map((bucket) => major(row.amounts[bucket])),
        major(row.amounts.total),
      ]);
    }
    expect(report.clients.length).toBeGreaterThanOrEqual(8);
    expect(csv).toBe(reference);
    expect(csv).toContain(`'@${marker} aging`);
  });
});

describe('a slow or vanished reader', () => {
  const copiesRunning = async () => {
    const [row] = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and query like 'copy (%' and state = 'active' and pid <> pg_backend_pid()`,
    );
    return row!.n;
  };

  it('holds PostgreSQL back instead of buffering, and frees the connection on cancel', async () => {
    const large = `${marker} large`;
    await db.execute(sql`
      insert into clients (name, notes, next_step)
      select ${large} || ' ' || n, null, repeat('step ', 35) from generate_series(1, 60000) n`);
    session.user = manager;
    const response = await exportClients(
      new Request(`http://accord.test/clients/export?q=${encodeURIComponent(large)}`),
    );
    const reader = response.body!.getReader();
    await reader.read();
    await reader.read();
    await new Promise((resolve) => setTimeout(resolve, 500));
    // 60,000 rows of some 220 bytes: far more than the socket buffers hold, so the COPY waits.
    expect(await copiesRunning()).toBe(1);
    await reader.cancel();
    await expect.poll(copiesRunning, { timeout: 20_000 }).toBe(0);
    const [row] = await db.execute<{ one: number }>(sql`select 1 as one`);
    expect(row!.one).toBe(1);
  });
});
