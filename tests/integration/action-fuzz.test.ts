import { readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { withoutNulCharacters } from '@/lib/form-data';
import { executeAction, type ActionDefinition } from '@/server/action';
import type { CurrentUser } from '@/server/auth/session';
import type { z } from 'zod';
import { createClientRecord, createContactRecord } from '../support/client-factories';
import { createContractRecord } from '../support/contract-factories';
import { createDealRecord } from '../support/deal-factories';
import { createActor } from '../support/factories';
import { createFeedbackRecord } from '../support/feedback-factories';
import { createCampaignRecord } from '../support/campaign-factories';
import { draftInvoice } from '../support/invoice-factories';
import { scheduleMeeting } from '../support/meeting-factories';
import { createProposal } from '../support/proposal-factories';
import { junkArbitrary, schemaArbitrary } from '../support/zod-arbitrary';
import { checksumOfAllTables } from '../support/table-checksum';

// Every action definition in server/, found by its shape, so a new action is fuzzed untold.
type AnyAction = ActionDefinition<z.ZodType, unknown>;

function isActionDefinition(value: unknown): value is AnyAction {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.permission === 'string' &&
    typeof candidate.run === 'function' &&
    typeof (candidate.schema as { safeParse?: unknown } | undefined)?.safeParse === 'function'
  );
}

const serverRoot = path.join(import.meta.dirname, '../../server');
const serverFiles = readdirSync(serverRoot, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts'))
  .sort();
const actions = new Map<AnyAction, string>();
for (const file of serverFiles) {
  const exports = (await import(path.join(serverRoot, file))) as Record<string, unknown>;
  for (const [name, value] of Object.entries(exports)) {
    if (isActionDefinition(value) && !actions.has(value)) {
      actions.set(value, `${file.replace(/\.ts$/, '')}#${name}`);
    }
  }
}

// Per action: values shaped by its schema, which reach its own rules, and plain junk. Tuned so
// the file stays well under two minutes on a loaded two-core machine.
const shapedRuns = 12;
const junkRuns = 4;

let manager: CurrentUser;
const idsByTable = new Map<string, string[]>();
const seededTables = ['users', 'clients', 'contacts', 'deals', 'proposals', 'contracts'];
seededTables.push('invoices', 'meetings', 'feedback', 'campaigns');

// `clientId`, `clientIds` → clients; a person's field → users; a bare `id` → any record.
const personField = /^(owner|coordinator|assignee|reviewer|user|attendee|routedTo|author)/;
function idsFor(field: string | undefined) {
  const stem = field?.match(/^(\w+?)Ids?$/)?.[1];
  const table = !stem ? undefined : personField.test(stem) ? 'users' : stem.replace(/s?$/, 's');
  return (table && idsByTable.get(table)) || [...idsByTable.values()].flat();
}
const figures = { runs: 0, parsed: 0, succeeded: 0, started: Date.now() };

beforeAll(async () => {
  manager = await createActor('manager');
  const executive = await createActor('executive');
  const client = await createClientRecord({ ownerId: executive.id, status: 'active' });
  await createContactRecord(client.id);
  await createDealRecord(client.id, { ownerId: executive.id });
  await createProposal(db, { clientId: client.id, authorId: executive.id });
  await createProposal(db, {
    clientId: client.id,
    authorId: executive.id,
    reviewerId: manager.id,
    status: 'in_review',
  });
  await createContractRecord(client.id);
  await draftInvoice(manager, client.id);
  await scheduleMeeting(manager, [manager.id, executive.id], { clientId: client.id });
  await createFeedbackRecord({ clientId: client.id });
  await createCampaignRecord(manager, client.id);
  for (const table of seededTables) {
    const rows = await db.execute<{ id: string }>(
      sql`select id::text from ${sql.identifier(table)}`,
    );
    idsByTable.set(
      table === 'feedback' ? 'feedbacks' : table,
      rows.map((row) => row.id),
    );
  }
}, 120_000);

afterAll(() => {
  const seconds = ((Date.now() - figures.started) / 1000).toFixed(1);
  console.log(
    `action fuzz: ${actions.size} actions × ${shapedRuns + junkRuns} runs ` +
      `(${shapedRuns} shaped by the schema, ${junkRuns} junk) = ${figures.runs} runs ` +
      `(${figures.parsed} past the schema, ${figures.succeeded} succeeded) in ${seconds} s`,
  );
});

describe('every action under generated input', () => {
  it('finds the actions of server/ by their shape', () => {
    expect(actions.size).toBeGreaterThanOrEqual(100);
  });

  it.each([...actions].map(([definition, name]) => ({ name, definition })))(
    '$name answers a typed result, and a refusal changes no row',
    { timeout: 60_000 },
    async ({ definition }) => {
      // Taken again only after a success, the one kind of call that may change rows.
      let before = await checksumOfAllTables();
      const check = async (raw: unknown) => {
        // Input its schema refuses never reaches the database, so only the rest is checked there.
        const parses = definition.schema.safeParse(withoutNulCharacters(raw)).success;
        const result = await executeAction(definition, manager, raw);
        figures.runs += 1;
        if (parses) figures.parsed += 1;
        if (result.ok) {
          figures.succeeded += 1;
          before = await checksumOfAllTables();
          return;
        }
        expect(result.error).toEqual(expect.any(String));
        expect(result.error.trim()).not.toBe('');
        if (parses) expect(await checksumOfAllTables()).toBe(before);
      };
      const shaped = schemaArbitrary(definition.schema, { idsFor });
      await fc.assert(fc.asyncProperty(shaped, check), { numRuns: shapedRuns });
      await fc.assert(fc.asyncProperty(junkArbitrary(), check), { numRuns: junkRuns });
    },
  );
});
