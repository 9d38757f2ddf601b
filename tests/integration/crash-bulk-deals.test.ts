import { inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { deals } from '@/db/schema';
import { executeAction } from '@/server/action';
import { bulkMoveDealsCommand } from '@/server/deals/bulk';
import { createClientRecord, setVisibility } from '../support/client-factories';
import { atLastActivityOf, expectKillLeavesNoTrace, crashTestTimeout } from '../support/crash';
import { createDealRecord } from '../support/deal-factories';
import { createActor } from '../support/factories';

const dealCount = 30;

/** `dealCount` open deals, each on a client of its own, in the order the bulk action takes them. */
async function dealsOnTheirOwnClients() {
  return Promise.all(
    Array.from({ length: dealCount }, async () => {
      const client = await createClientRecord();
      return createDealRecord(client.id, { stage: 'qualified' });
    }),
  );
}

beforeAll(async () => {
  await setVisibility('open');
});

describe(
  'an instance killed with SIGKILL in the middle of a bulk stage change',
  { timeout: crashTestTimeout },
  () => {
    // Each deal's move updates the deal, logs the stage change and the timeline line, then moves its
    // client's last activity: holding the nth deal's client stops the action after n - 1 whole moves.
    for (const nth of [1, 15, dealCount]) {
      it(`moves none of ${dealCount} deals when killed at deal ${nth}; the move runs again`, async () => {
        const manager = await createActor('manager');
        const selected = await dealsOnTheirOwnClients();
        const input = {
          selection: { mode: 'rows', rows: selected.map(({ id, version }) => ({ id, version })) },
          stage: 'proposal',
        };

        await expectKillLeavesNoTrace(
          {
            module: '@/server/deals/bulk',
            name: 'bulkMoveDealsCommand',
            actorId: manager.id,
            inputs: [input],
          },
          atLastActivityOf(selected[nth - 1]!.clientId, `at deal ${nth} of ${dealCount}`, [
            'activities',
            'deal_stage_changes',
            'deals',
            ...(nth > 1 ? ['audit_log'] : []),
          ]),
        );

        const again = await executeAction(bulkMoveDealsCommand, manager, input);
        expect(again).toMatchObject({ ok: true, data: { changed: dealCount, skipped: 0 } });
        const stored = await db
          .select({ stage: deals.stage })
          .from(deals)
          .where(
            inArray(
              deals.id,
              selected.map(({ id }) => id),
            ),
          );
        expect(stored.map(({ stage }) => stage)).toEqual(Array(dealCount).fill('proposal'));
      });
    }
  },
);
