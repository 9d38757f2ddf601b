import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportResult } from '@/lib/report-catalog';
import { reportParamsSchema } from '@/lib/validation/reports';
import type { CurrentUser } from '@/server/auth/session';
import { runReport } from '@/server/reports/registry';
import { createClientRecord } from '../support/client-factories';
import { createDealRecord } from '../support/deal-factories';
import { createActor } from '../support/factories';

let manager: CurrentUser;
const summer = reportParamsSchema.parse({ range: 'custom', from: '2026-07-01', to: '2026-08-31' });
const now = new Date('2026-11-15T12:00:00Z');

beforeAll(async () => {
  manager = await createActor('manager');
  const { id } = await createClientRecord({ currency: 'USD' });
  // 1 August 05:00 in Tokyo, still 31 July in UTC and in New York.
  await createDealRecord(id, { stage: 'won', closedAt: new Date('2026-07-31T20:00:00Z') });
  // 1 July 02:00 in UTC and Tokyo, still 30 June in New York.
  await createDealRecord(id, { stage: 'won', closedAt: new Date('2026-07-01T02:00:00Z') });
  await createDealRecord(id, { stage: 'lost', closedAt: new Date('2026-08-15T12:00:00Z') });
});

async function wonPerMonth(timeZone: string) {
  const { result } = await runReport({ ...manager, timeZone }, 'win-rate', summer, now);
  return Object.fromEntries(
    result.rows.map((row: ReportResult['rows'][number]) => [row.key, row.cells.won]),
  );
}

describe('report months', () => {
  it('count a record in the viewer’s month, not UTC’s', async () => {
    expect(await wonPerMonth('UTC')).toEqual({ '2026-07-01': 2, '2026-08-01': 0, total: 2 });
    expect(await wonPerMonth('Asia/Tokyo')).toEqual({
      '2026-07-01': 1,
      '2026-08-01': 1,
      total: 2,
    });
    expect(await wonPerMonth('America/New_York')).toEqual({
      '2026-07-01': 1,
      '2026-08-01': 0,
      total: 1,
    });
  });
});
