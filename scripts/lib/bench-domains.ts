import type { CurrentUser } from '@/server/auth/session';
import type { BenchRequest } from './bench-measure';
import { meetingBenchScenarios } from './bench-meetings';

/**
 * A domain's case: the page as the browser asks for it, the same work run directly, and whether
 * it is a list (held to the list targets against the floor's list) or a page or report.
 */
export type DomainScenario = {
  name: string;
  request: BenchRequest;
  run: () => Promise<unknown>;
  list?: boolean;
};

/** Every domain's cases on the large seed, seen by `viewer` (the manager). */
export async function domainScenarios(viewer: CurrentUser): Promise<DomainScenario[]> {
  return [...(await meetingBenchScenarios(viewer))];
}
