import { contractListSchema } from '@/lib/validation/contracts';
import type { CurrentUser } from '@/server/auth/session';
import { listContracts } from '@/server/contracts/queries';

/** The contracts list by default and with its notice-due filter. */
export function contractBenchScenarios(manager: CurrentUser) {
  const lists: [string, Record<string, string>][] = [
    ['contracts list (default)', {}],
    ['contracts list (notice due in 90 days)', { notice: '90' }],
  ];
  return lists.map(([name, params]) => ({
    name,
    request: { path: `/contracts?${new URLSearchParams(params)}` },
    run: () => listContracts(manager, contractListSchema.parse(params)),
    list: true,
  }));
}
