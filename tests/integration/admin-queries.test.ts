import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditLog } from '@/db/schema';
import { auditListSchema, userListSchema } from '@/lib/validation/admin';
import type { Role } from '@/lib/roles';
import { listAuditEntries, listRecentAuditEntries } from '@/server/audit/queries';
import { getUserById, getUserCounts, listUserOptions, listUsers } from '@/server/users/queries';
import { createActor, createUser } from '../support/factories';

const defaults = userListSchema.parse({});

/** Next's forbidden() throws an error whose digest names the 403 fallback. */
const forbiddenError = expect.objectContaining({ digest: expect.stringContaining('403') });

describe('admin queries refuse roles without access', () => {
  for (const role of ['coordinator', 'executive'] as Role[]) {
    it(`refuses a ${role} every admin query`, async () => {
      const viewer = await createActor(role);
      const target = await createUser();
      await expect(listUsers(viewer, defaults)).rejects.toEqual(forbiddenError);
      await expect(getUserById(viewer, target.id)).rejects.toEqual(forbiddenError);
      await expect(getUserCounts(viewer)).rejects.toEqual(forbiddenError);
      await expect(listUserOptions(viewer)).rejects.toEqual(forbiddenError);
      await expect(listAuditEntries(viewer, auditListSchema.parse({}))).rejects.toEqual(
        forbiddenError,
      );
      await expect(listRecentAuditEntries(viewer)).rejects.toEqual(forbiddenError);
    });
  }
});

describe('the users list', () => {
  it('searches, filters, sorts and pages on the server', async () => {
    const manager = await createActor('manager');
    await createUser({ name: 'Zed Query', email: 'zed.query@example.test', role: 'executive' });
    await createUser({ name: 'Amy Query', email: 'amy.query@example.test', role: 'coordinator' });
    await createUser({ name: 'Bob Query', email: 'bob.query@example.test', role: 'executive' });

    const search = await listUsers(manager, { ...defaults, q: 'query' });
    expect(search.total).toBe(3);
    expect(search.rows.map((row) => row.name)).toEqual(['Amy Query', 'Bob Query', 'Zed Query']);

    const executives = await listUsers(manager, {
      ...defaults,
      q: 'query',
      role: 'executive',
      sort: 'name',
      dir: 'desc',
    });
    expect(executives.rows.map((row) => row.name)).toEqual(['Zed Query', 'Bob Query']);

    const secondPage = await listUsers(manager, { ...defaults, q: 'query', size: 10, page: 2 });
    expect(secondPage).toMatchObject({ total: 3, rows: [] });
  });

  it('treats LIKE wildcards in the search as plain text', async () => {
    const manager = await createActor('manager');
    await createUser({ name: 'Percent Person', email: 'percent@example.test' });
    expect((await listUsers(manager, { ...defaults, q: '%' })).total).toBe(0);
  });

  it('counts active users by role', async () => {
    const manager = await createActor('manager');
    await createUser({ role: 'executive', active: false });
    const counts = await getUserCounts(manager);
    expect(counts.byRole.manager).toBeGreaterThanOrEqual(1);
    expect(counts.inactive).toBeGreaterThanOrEqual(1);
    expect(counts.active).toBe(
      counts.byRole.coordinator + counts.byRole.executive + counts.byRole.manager,
    );
  });
});

describe('the audit log', () => {
  it('filters by actor, action and dates in the viewer time zone', async () => {
    const manager = { ...(await createActor('manager')), timeZone: 'America/New_York' };
    const actor = await createUser();
    await db.insert(auditLog).values([
      // 03:00 UTC on Nov 10 is still Nov 9 in New York.
      {
        actorId: actor.id,
        action: 'user.created',
        entityType: 'user',
        createdAt: new Date('2026-11-10T03:00:00Z'),
      },
      {
        actorId: actor.id,
        action: 'user.deactivated',
        entityType: 'user',
        createdAt: new Date('2026-11-10T15:00:00Z'),
      },
      {
        actorId: manager.id,
        action: 'user.created',
        entityType: 'user',
        createdAt: new Date('2026-11-10T16:00:00Z'),
      },
    ]);
    const byActor = await listAuditEntries(manager, auditListSchema.parse({ actor: actor.id }));
    expect(byActor.rows.map((row) => row.action)).toEqual(['user.deactivated', 'user.created']);

    const byAction = await listAuditEntries(
      manager,
      auditListSchema.parse({ actor: actor.id, action: 'user.created' }),
    );
    expect(byAction.total).toBe(1);

    const onTenth = await listAuditEntries(
      manager,
      auditListSchema.parse({ actor: actor.id, from: '2026-11-10', to: '2026-11-10' }),
    );
    expect(onTenth.rows.map((row) => row.action)).toEqual(['user.deactivated']);
    const onNinth = await listAuditEntries(
      manager,
      auditListSchema.parse({ actor: actor.id, to: '2026-11-09' }),
    );
    expect(onNinth.rows.map((row) => row.action)).toEqual(['user.created']);
  });
});
