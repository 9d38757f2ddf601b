import type { CurrentUser } from '@/server/auth/session';
import type { BenchRequest } from './bench-measure';
import { campaignBenchScenarios } from './bench-campaigns';
import { contractBenchScenarios } from './bench-contracts';
import { feedbackBenchScenarios } from './bench-feedback';
import { invoiceScenarios } from './bench-invoices';
import { materialBenchScenarios } from './bench-materials';
import { meetingBenchScenarios } from './bench-meetings';
import { reportBenchScenarios } from './bench-reports';

/**
 * A domain's case: the page as the browser asks for it, the same work run directly, and whether
 * it is a list (held to the list targets against the floor's list) or a page or report.
 */
export type DomainScenario = {
  name: string;
  request: BenchRequest;
  run: () => Promise<unknown>;
  list?: boolean;
  /** The statements whose plans are checked for sequential scans of large tables. */
  plan?: () => Promise<{ sql: string; params: unknown[] }[]>;
  /** Whose session requests it; the manager's when absent. */
  role?: 'manager' | 'executive' | 'coordinator';
};

export type BenchViewers = Record<'manager' | 'executive' | 'coordinator', CurrentUser>;

/** Every domain's cases on the large seed; the direct queries run as the manager unless a case says. */
export async function domainScenarios(viewers: BenchViewers): Promise<DomainScenario[]> {
  const { manager, executive } = viewers;
  return [
    ...(await meetingBenchScenarios(manager)),
    ...feedbackBenchScenarios(manager, executive),
    ...contractBenchScenarios(manager),
    ...(await invoiceScenarios(manager)),
    ...campaignBenchScenarios(manager),
    ...(await materialBenchScenarios(manager)),
    ...reportBenchScenarios(viewers),
  ];
}
