import { contractListSchema } from '@/lib/validation/contracts';
import type { CurrentUser } from '@/server/auth/session';
import { contractListWhere, contractPageQuery, listContracts } from '@/server/contracts/queries';
import { todayIn } from '@/server/proposals/merge-values';

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
    plan: async () => {
      const parsed = contractListSchema.parse(params);
      const where = contractListWhere(undefined, parsed, todayIn(manager.timeZone));
      return [contractPageQuery(where, parsed).toSQL()];
    },
  }));
}
