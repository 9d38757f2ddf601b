import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditLog, clientImportMappings, clients, contacts } from '@/db/schema';
import { executeAction } from '@/server/action';
import { importClientsCommand } from '@/server/clients/import';
import { findImportMappingCommand } from '@/server/clients/import-mappings';
import { createActor } from '../support/factories';
import { createClientRecord, setVisibility } from '../support/client-factories';

const stamp = () => Math.random().toString(36).slice(2, 8);

beforeEach(async () => {
  await setVisibility('open');
});

describe('importing clients', () => {
  it('imports every row with its contact, in one go, assigned to the importer', async () => {
    const coordinator = await createActor('coordinator');
    const tag = stamp();
    const rows = Array.from({ length: 1200 }, (_, index) => ({
      name: `Imported ${tag} ${index}`,
      website: `imported-${tag}-${index}.example`,
      contactName: `Person ${index}`,
      contactEmail: `person${index}@imported-${tag}.example`,
    }));
    const result = await executeAction(importClientsCommand, coordinator, {
      rows,
      skipDuplicates: false,
    });
    expect(result).toEqual({ ok: true, data: { status: 'imported', imported: 1200, skipped: 0 } });
    const created = await db
      .select()
      .from(clients)
      .where(sql`${clients.name} like ${`Imported ${tag} %`}`);
    expect(created).toHaveLength(1200);
    expect(created.every((client) => client.coordinatorId === coordinator.id)).toBe(true);
    expect(
      await db.$count(contacts, sql`${contacts.email} like ${`%@imported-${tag}.example`}`),
    ).toBe(1200);
    expect(
      await db.$count(auditLog, eq(auditLog.action, 'clients.imported')),
    ).toBeGreaterThanOrEqual(1);
  });

  it('imports nothing when one row is bad, and says which row and why', async () => {
    const coordinator = await createActor('coordinator');
    const tag = stamp();
    const before = await db.$count(clients);
    const result = await executeAction(importClientsCommand, coordinator, {
      rows: [
        { name: `Good ${tag}` },
        { name: '', website: 'x.example' },
        { name: `Other ${tag}`, contactEmail: 'not-an-email' },
      ],
      skipDuplicates: false,
    });
    expect(result).toEqual({
      ok: true,
      data: {
        status: 'invalid',
        duplicates: [],
        problems: [
          { row: 3, message: 'Client name is missing.' },
          { row: 4, message: 'Contact e-mail is not an e-mail address.' },
        ],
      },
    });
    expect(await db.$count(clients)).toBe(before);
  });

  it('finds duplicates by name or website, in the file and in Accord, and can skip them', async () => {
    const manager = await createActor('manager');
    const tag = stamp();
    await createClientRecord({ name: `Existing ${tag}`, website: `existing-${tag}.example` });
    const rows = [
      { name: `existing ${tag}` },
      { name: `Renamed ${tag}`, website: `https://www.existing-${tag}.example/home` },
      { name: `Fresh ${tag}` },
      { name: `FRESH ${tag}` },
    ];
    const refused = await executeAction(importClientsCommand, manager, {
      rows,
      skipDuplicates: false,
    });
    expect(
      refused.ok &&
        refused.data.status === 'invalid' &&
        refused.data.duplicates.map((entry) => entry.row),
    ).toEqual([2, 3, 5]);
    expect(await db.$count(clients, sql`lower(${clients.name}) = ${`fresh ${tag}`}`)).toBe(0);

    const skipped = await executeAction(importClientsCommand, manager, {
      rows,
      skipDuplicates: true,
    });
    expect(skipped).toEqual({ ok: true, data: { status: 'imported', imported: 1, skipped: 3 } });
  });

  it('does not reveal clients the importer may not see', async () => {
    const coordinator = await createActor('coordinator');
    const tag = stamp();
    await createClientRecord({ name: `Hidden ${tag}` });
    await setVisibility('assigned');
    const result = await executeAction(importClientsCommand, coordinator, {
      rows: [{ name: `Hidden ${tag}` }],
      skipDuplicates: false,
    });
    expect(result).toEqual({ ok: true, data: { status: 'imported', imported: 1, skipped: 0 } });
  });

  it('refuses an empty file and one over the row limit', async () => {
    const coordinator = await createActor('coordinator');
    expect(
      await executeAction(importClientsCommand, coordinator, { rows: [], skipDuplicates: false }),
    ).toMatchObject({ ok: false });
    const tooMany = Array.from({ length: 10_001 }, (_, index) => ({ name: `Row ${index}` }));
    expect(
      await executeAction(importClientsCommand, coordinator, {
        rows: tooMany,
        skipDuplicates: false,
      }),
    ).toMatchObject({ ok: false });
  });
});

describe('importing another CRM’s export', () => {
  const headers = ['Company name', 'Industry', 'Lifecycle Stage', 'Tier', 'City', 'Country'];
  const columns = {
    'Company name': 'name',
    Industry: 'industry',
    'Lifecycle Stage': 'status',
    Tier: 'tier',
    City: 'billingCity',
    Country: 'billingCountry',
  } as const;

  it('lands every row once its codes are matched, obvious ones without being asked', async () => {
    const coordinator = await createActor('coordinator');
    const tag = stamp();
    const rows = [
      { name: `Hub ${tag} 1`, industry: 'COMPUTER_SOFTWARE', status: 'marketingqualifiedlead' },
      { name: `Hub ${tag} 2`, industry: 'FINANCIAL_SERVICES', status: 'customer', tier: 'TIER_1' },
      { name: `Hub ${tag} 3`, industry: 'AGRICULTURE', status: 'Former Customer' },
      { name: `Hub ${tag} 4`, industry: 'AGRICULTURE', status: 'Channel Partner', tier: 'Gold' },
      { name: `Hub ${tag} 5`, status: 'other', billingCity: 'Lyon', billingCountry: 'France' },
    ];
    const result = await executeAction(importClientsCommand, coordinator, {
      rows,
      values: {
        industry: { AGRICULTURE: 'Food and beverage' },
        status: { 'Channel Partner': 'paused', other: '' },
      },
      skipDuplicates: false,
    });
    expect(result).toEqual({ ok: true, data: { status: 'imported', imported: 5, skipped: 0 } });
    const created = await db
      .select({
        name: clients.name,
        industry: clients.industry,
        status: clients.status,
        tier: clients.tier,
        billingAddress: clients.billingAddress,
      })
      .from(clients)
      .where(sql`${clients.name} like ${`Hub ${tag} %`}`)
      .orderBy(clients.name);
    expect(created).toEqual([
      {
        name: `Hub ${tag} 1`,
        industry: 'Software',
        status: 'prospect',
        tier: 'standard',
        billingAddress: null,
      },
      {
        name: `Hub ${tag} 2`,
        industry: 'Financial services',
        status: 'active',
        tier: 'strategic',
        billingAddress: null,
      },
      {
        name: `Hub ${tag} 3`,
        industry: 'Food and beverage',
        status: 'churned',
        tier: 'standard',
        billingAddress: null,
      },
      {
        name: `Hub ${tag} 4`,
        industry: 'Food and beverage',
        status: 'paused',
        tier: 'key',
        billingAddress: null,
      },
      {
        name: `Hub ${tag} 5`,
        industry: null,
        status: 'active',
        tier: 'standard',
        billingAddress: 'Lyon\nFrance',
      },
    ]);
  });

  it('still refuses the whole file for a value nobody matched, naming its row', async () => {
    const coordinator = await createActor('coordinator');
    const tag = stamp();
    const before = await db.$count(clients);
    const result = await executeAction(importClientsCommand, coordinator, {
      rows: [
        { name: `Refused ${tag} 1`, status: 'customer' },
        { name: `Refused ${tag} 2`, status: 'Channel Partner' },
        { name: `Refused ${tag} 3`, industry: 'AGRICULTURE' },
      ],
      values: { industry: { AGRICULTURE: 'Food and beverage' } },
      skipDuplicates: false,
    });
    expect(result).toEqual({
      ok: true,
      data: {
        status: 'invalid',
        duplicates: [],
        problems: [
          {
            row: 3,
            message:
              'Status “Channel Partner” is not one of Accord’s: match it to one, or leave it empty.',
          },
        ],
      },
    });
    expect(await db.$count(clients)).toBe(before);
  });

  it('refuses a value matched to something Accord does not have, and changes nothing', async () => {
    const coordinator = await createActor('coordinator');
    const tag = stamp();
    const result = await executeAction(importClientsCommand, coordinator, {
      rows: [{ name: `Odd ${tag}`, status: 'customer' }],
      values: { status: { customer: 'vip' } },
      skipDuplicates: false,
      remember: { headers, columns, appendUnmapped: false },
    });
    expect(result).toMatchObject({ ok: false });
    expect(await db.$count(clients, sql`${clients.name} = ${`Odd ${tag}`}`)).toBe(0);
    expect(
      await db.$count(clientImportMappings, eq(clientImportMappings.userId, coordinator.id)),
    ).toBe(0);
  });

  it('remembers the last mapping for the header row, for that user only', async () => {
    const coordinator = await createActor('coordinator');
    const executive = await createActor('executive');
    const tag = stamp();
    const values = {
      industry: { AGRICULTURE: 'Food and beverage' },
      status: { customer: 'active', other: '' },
      tier: {},
    };
    const first = await executeAction(importClientsCommand, coordinator, {
      rows: [{ name: `Remembered ${tag}`, industry: 'AGRICULTURE', status: 'other' }],
      values,
      skipDuplicates: false,
      remember: { headers, columns, appendUnmapped: true },
    });
    expect(first).toMatchObject({ ok: true, data: { status: 'imported', imported: 1 } });

    expect(await executeAction(findImportMappingCommand, coordinator, { headers })).toEqual({
      ok: true,
      data: { columns, values, appendUnmapped: true },
    });
    expect(await executeAction(findImportMappingCommand, executive, { headers })).toEqual({
      ok: true,
      data: null,
    });
    expect(
      await executeAction(findImportMappingCommand, coordinator, {
        headers: [...headers.slice(1), headers[0]],
      }),
    ).toEqual({ ok: true, data: null });

    const changed = { ...values, status: { customer: 'paused' } };
    await executeAction(importClientsCommand, coordinator, {
      rows: [{ name: '' }],
      values: changed,
      skipDuplicates: false,
      remember: { headers, columns, appendUnmapped: false },
    });
    expect(await executeAction(findImportMappingCommand, coordinator, { headers })).toEqual({
      ok: true,
      data: { columns, values: changed, appendUnmapped: false },
    });
    expect(
      await db.$count(clientImportMappings, eq(clientImportMappings.userId, coordinator.id)),
    ).toBe(1);
  });

  it('lets every role recall its own mapping, and nobody signed out', async () => {
    for (const role of ['coordinator', 'executive', 'manager'] as const) {
      const actor = await createActor(role);
      expect(await executeAction(findImportMappingCommand, actor, { headers })).toEqual({
        ok: true,
        data: null,
      });
    }
    expect(await executeAction(findImportMappingCommand, null, { headers })).toMatchObject({
      ok: false,
    });
    expect(
      await executeAction(findImportMappingCommand, await createActor('manager'), { headers: [] }),
    ).toMatchObject({ ok: false });
  });

  it('refuses a mapping that names a column the file does not have', async () => {
    const coordinator = await createActor('coordinator');
    const result = await executeAction(importClientsCommand, coordinator, {
      rows: [{ name: `Stray ${stamp()}` }],
      skipDuplicates: false,
      remember: { headers: ['Company'], columns: { Elsewhere: 'name' }, appendUnmapped: false },
    });
    expect(result).toMatchObject({ ok: false });
  });
});
