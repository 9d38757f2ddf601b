import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditLog, clients, contacts } from '@/db/schema';
import { executeAction } from '@/server/action';
import { importClientsCommand } from '@/server/clients/import';
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
