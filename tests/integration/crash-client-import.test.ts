import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { clientImportMappings, clients, contacts } from '@/db/schema';
import { executeAction } from '@/server/action';
import { importClientsCommand } from '@/server/clients/import';
import { setVisibility } from '../support/client-factories';
import {
  beforeInsertInto,
  expectKillLeavesNoTrace,
  type KillPoint,
  crashTestTimeout,
} from '../support/crash';
import { createActor } from '../support/factories';

// 600 rows go in two batches (500 and 100) of clients, their contacts and timeline lines, all in
// one transaction with the remembered mapping first and the audit entry last.
const killPoints: KillPoint[] = [
  beforeInsertInto('contacts', 'after the first 500 clients, before their contacts', [
    'client_import_mappings',
    'clients',
  ]),
  beforeInsertInto(
    'activities',
    'after the first 500 clients and contacts, before their timeline lines',
    ['client_import_mappings', 'clients', 'contacts'],
  ),
  beforeInsertInto('audit_log', 'after every row, before the audit entry', [
    'activities',
    'client_import_mappings',
    'clients',
    'contacts',
  ]),
];

const rowCount = 600;
const headers = ['Company', 'Website', 'Contact', 'E-mail'];
const columns = {
  Company: 'name',
  Website: 'website',
  Contact: 'contactName',
  'E-mail': 'contactEmail',
} as const;

function importInput(tag: string) {
  const rows = Array.from({ length: rowCount }, (_, index) => ({
    name: `Crash ${tag} ${index}`,
    website: `crash-${tag}-${index}.example`,
    contactName: `Person ${index}`,
    contactEmail: `person${index}@crash-${tag}.example`,
  }));
  return { rows, skipDuplicates: false, remember: { headers, columns, appendUnmapped: false } };
}

beforeAll(async () => {
  await setVisibility('open');
});

describe(
  'an instance killed with SIGKILL while importing clients',
  { timeout: crashTestTimeout },
  () => {
    for (const point of killPoints) {
      it(`imports none of the file when killed ${point.name}; the file imports again`, async () => {
        const coordinator = await createActor('coordinator');
        const tag = randomUUID().slice(0, 8);
        const input = importInput(tag);

        await expectKillLeavesNoTrace(
          {
            module: '@/server/clients/import',
            name: 'importClientsCommand',
            actorId: coordinator.id,
            inputs: [input],
          },
          point,
        );

        const again = await executeAction(importClientsCommand, coordinator, input);
        expect(again).toEqual({
          ok: true,
          data: { status: 'imported', imported: rowCount, skipped: 0 },
        });
        expect(await db.$count(clients, sql`${clients.name} like ${`Crash ${tag} %`}`)).toBe(
          rowCount,
        );
        expect(
          await db.$count(contacts, sql`${contacts.email} like ${`%@crash-${tag}.example`}`),
        ).toBe(rowCount);
        expect(
          await db.$count(clientImportMappings, eq(clientImportMappings.userId, coordinator.id)),
        ).toBe(1);
      });
    }
  },
);
