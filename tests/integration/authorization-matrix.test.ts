import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionResult } from '@/lib/action-result';
import { roles, type Role } from '@/lib/roles';
import { can, permissionMatrix } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';
import { checksumOfAllTables } from '../support/table-checksum';
import { actionRegistry } from '../authorization/registry';
import { createWorld, type World } from '../authorization/world';
import { createActor } from '../support/factories';

// Each action × role × record, called directly, must get exactly what `can()` over the matrix
// says; a refused call must leave every row of every table as it was. The route handlers are
// checked beside it, in authorization-routes.test.ts, so the two files run in parallel.

let world: World;
const actors = {} as Record<Role, CurrentUser>;
const figures = { actions: 0, calls: 0, allowed: 0, refused: 0 };

beforeAll(async () => {
  world = await createWorld();
  for (const role of roles) actors[role] = await createActor(role);
});

afterAll(() => {
  console.info(
    `authorization matrix: ${figures.actions} actions × ${roles.length} roles, ${figures.calls} calls (${figures.allowed} allowed, ${figures.refused} refused with no row changed)`,
  );
});

type Summary = { changed: number; reasons: { forbidden: number; not_found: number } };

/** A bulk action's answer: it reports a refused record as skipped, not as a failure. */
function bulkSummaryOf(data: unknown): Summary | null {
  return typeof data === 'object' && data !== null && 'changed' in data && 'reasons' in data
    ? (data as Summary)
    : null;
}

/** What happened to the call: allowed, refused for permission, or failed for another reason. */
function outcomeOf(result: ActionResult<unknown>) {
  if (!result.ok) {
    return result.code === 'forbidden' || result.code === 'not_found'
      ? 'refused'
      : `failed: ${result.error} ${JSON.stringify(result.fieldErrors ?? {})}`;
  }
  const summary = bulkSummaryOf(result.data);
  if (!summary || summary.changed > 0) return 'allowed';
  return summary.reasons.forbidden + summary.reasons.not_found > 0
    ? 'refused'
    : `failed: nothing changed (${JSON.stringify(summary)})`;
}

describe.each(Object.entries(actionRegistry))('%s', (_name, entry) => {
  const expectations = new Map<Role, boolean[]>();
  beforeAll(() => {
    figures.actions += 1;
  });

  const cases = roles.flatMap((role) =>
    Object.entries(entry.fixtures).map(([label, build]) => ({ role, label, build })),
  );
  it.each(cases)('as $role on $label', async ({ role, build }) => {
    const actor = actors[role];
    const fixture = await build(actor, world);
    const judgedBy = fixture.judgedBy ?? entry.condition?.permission ?? entry.permission;
    const allowed =
      can(actor, entry.permission) && (!fixture.record || can(actor, judgedBy, fixture.record));
    expectations.set(role, [...(expectations.get(role) ?? []), allowed]);
    const before = allowed ? null : await checksumOfAllTables();
    const result = await entry.execute(actor, fixture.input);
    figures.calls += 1;
    expect(outcomeOf(result)).toBe(allowed ? 'allowed' : 'refused');
    if (before !== null) {
      expect(await checksumOfAllTables()).toBe(before);
      figures.refused += 1;
    } else {
      figures.allowed += 1;
    }
  });

  if (entry.condition) {
    const { permission } = entry.condition;
    it(`has records on both sides of ${permission}, for every role it is conditional for`, () => {
      const conditional = roles.filter((role) => Array.isArray(permissionMatrix[permission][role]));
      const twoSided = roles.filter((role) => new Set(expectations.get(role)).size === 2);
      expect(twoSided.length).toBeGreaterThan(0);
      expect(twoSided).toEqual(expect.arrayContaining(conditional));
    });
  }
});
