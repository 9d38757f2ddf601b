import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { notifications, tasks } from '@/db/schema';
import { roles } from '@/lib/roles';
import { taskListSchema } from '@/lib/validation/tasks';
import { executeAction } from '@/server/action';
import {
  bulkCompleteTasksCommand,
  bulkReassignTasksCommand,
  completeTaskCommand,
  createTaskCommand,
  reopenTaskCommand,
} from '@/server/tasks/commands';
import { listMyTasksDue, listTasks } from '@/server/tasks/queries';
import { createClientRecord, setVisibility } from '../support/client-factories';
import { createDealRecord } from '../support/deal-factories';
import { createFeedbackRecord } from '../support/feedback-factories';
import {
  asCurrentUser,
  auditEntriesFor,
  createActor,
  createUser,
  expectOk,
} from '../support/factories';

async function readTask(id: string) {
  const [row] = await db.select().from(tasks).where(eq(tasks.id, id));
  if (!row) throw new Error('task missing');
  return row;
}

const taskForm = (overrides: Record<string, string> = {}) => ({
  title: 'Send the revised media plan',
  dueDate: '2026-03-09',
  dueTime: '09:30',
  assigneeId: '',
  linkKind: '',
  linkId: '',
  ...overrides,
});

beforeEach(async () => {
  await setVisibility('open');
});

describe('creating tasks', () => {
  it('lets every role create one, due at the time typed in the creator’s own zone', async () => {
    for (const role of roles) {
      const creator = asCurrentUser(await createUser({ role, timeZone: 'America/New_York' }));
      const { id } = expectOk(await executeAction(createTaskCommand, creator, taskForm()));
      // 9 March 2026 is the first weekday on daylight-saving time in New York (UTC−4).
      expect(await readTask(id)).toMatchObject({
        dueAt: new Date('2026-03-09T13:30:00Z'),
        assigneeId: creator.id,
        createdById: creator.id,
        status: 'open',
      });
      const [audit] = await auditEntriesFor(id);
      expect(audit).toMatchObject({ action: 'task.created', actorId: creator.id });
    }
  });

  it('links a task to a visible record, keeping its account, and tells the assignee', async () => {
    const client = await createClientRecord();
    const deal = await createDealRecord(client.id);
    const item = await createFeedbackRecord({ clientId: client.id });
    const assignee = await createUser({ role: 'executive' });
    const creator = await createActor('coordinator');
    for (const [kind, linkId] of [
      ['client', client.id],
      ['deal', deal.id],
      ['feedback', item.id],
    ] as const) {
      const { id } = expectOk(
        await executeAction(
          createTaskCommand,
          creator,
          taskForm({ linkKind: kind, linkId, assigneeId: assignee.id }),
        ),
      );
      expect(await readTask(id)).toMatchObject({ linkKind: kind, linkId, clientId: client.id });
    }
    const notices = await db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, assignee.id));
    expect(notices.map((notice) => notice.kind)).toEqual([
      'task_assigned',
      'task_assigned',
      'task_assigned',
    ]);
  });

  it('refuses bad input and records it cannot see, writing nothing', async () => {
    const coordinator = await createUser({ role: 'coordinator' });
    const hidden = await createClientRecord();
    const actor = asCurrentUser(coordinator);
    const before = (await db.select().from(tasks)).length;
    expect(await executeAction(createTaskCommand, actor, taskForm({ title: '' }))).toMatchObject({
      ok: false,
      fieldErrors: { title: ['Enter a title.'] },
    });
    expect(
      await executeAction(createTaskCommand, actor, taskForm({ linkKind: 'deal' })),
    ).toMatchObject({
      ok: false,
      fieldErrors: { linkId: [expect.any(String)] },
    });
    expect(
      await executeAction(createTaskCommand, actor, taskForm({ dueDate: '', dueTime: '10:00' })),
    ).toMatchObject({
      ok: false,
    });
    await setVisibility('assigned');
    expect(
      await executeAction(
        createTaskCommand,
        actor,
        taskForm({ linkKind: 'client', linkId: hidden.id }),
      ),
    ).toMatchObject({ ok: false, fieldErrors: { linkId: [expect.any(String)] } });
    expect((await db.select().from(tasks)).length).toBe(before);
  });
});

describe('completing and reassigning', () => {
  it('lets the assignee or creator of a task complete it, and any task a manager', async () => {
    for (const role of ['coordinator', 'executive'] as const) {
      const assignee = asCurrentUser(await createUser({ role }));
      const creator = await createActor(role);
      const stranger = await createActor(role);
      const { id } = expectOk(
        await executeAction(createTaskCommand, creator, taskForm({ assigneeId: assignee.id })),
      );
      expect(
        await executeAction(completeTaskCommand, stranger, { id, version: '1' }),
      ).toMatchObject({ ok: false, code: 'forbidden' });
      expectOk(await executeAction(completeTaskCommand, assignee, { id, version: '1' }));
      expect(
        await executeAction(completeTaskCommand, assignee, { id, version: '2' }),
      ).toMatchObject({ ok: false, code: 'conflict' });
      expectOk(await executeAction(reopenTaskCommand, creator, { id, version: '2' }));
      expect(await executeAction(reopenTaskCommand, creator, { id, version: '2' })).toMatchObject({
        ok: false,
        code: 'stale',
      });
    }
    const { id } = expectOk(
      await executeAction(createTaskCommand, await createActor('coordinator'), taskForm()),
    );
    expectOk(
      await executeAction(completeTaskCommand, await createActor('manager'), { id, version: '1' }),
    );
    expect((await readTask(id)).completedAt).toBeInstanceOf(Date);
  });

  it('completes and reassigns in bulk, skipping what the user may not change and what moved on', async () => {
    const me = asCurrentUser(await createUser({ role: 'coordinator' }));
    const other = await createActor('coordinator');
    const next = await createUser({ role: 'executive' });
    const mine = expectOk(await executeAction(createTaskCommand, me, taskForm({ title: 'Mine' })));
    const changed = expectOk(
      await executeAction(createTaskCommand, me, taskForm({ title: 'Changed' })),
    );
    const theirs = expectOk(
      await executeAction(createTaskCommand, other, taskForm({ title: 'Theirs' })),
    );
    const rows = [
      { id: mine.id, version: 1 },
      { id: changed.id, version: 1 },
      { id: theirs.id, version: 1 },
    ];
    expectOk(await executeAction(completeTaskCommand, me, { id: changed.id, version: '1' }));
    const completed = expectOk(
      await executeAction(bulkCompleteTasksCommand, me, { selection: { mode: 'rows', rows } }),
    );
    expect(completed).toMatchObject({
      changed: 1,
      skipped: 2,
      reasons: { forbidden: 1, stale: 1 },
    });
    expect((await readTask(theirs.id)).status).toBe('open');

    const reassigned = expectOk(
      await executeAction(bulkReassignTasksCommand, await createActor('manager'), {
        selection: {
          mode: 'rows',
          rows: [
            { id: theirs.id, version: 1 },
            { id: mine.id, version: 2 },
          ],
        },
        assigneeId: next.id,
      }),
    );
    expect(reassigned.changed).toBe(2);
    expect(await readTask(theirs.id)).toMatchObject({ assigneeId: next.id, version: 2 });
    expect(
      await executeAction(bulkReassignTasksCommand, me, {
        selection: { mode: 'rows', rows },
        assigneeId: '',
      }),
    ).toMatchObject({ ok: false });
  });
});

describe('task lists', () => {
  it('shows My work the open tasks due by the end of the viewer’s today, and hides tasks on unseen accounts', async () => {
    const me = await createUser({ role: 'coordinator', timeZone: 'Pacific/Auckland' });
    const seen = await createClientRecord({ coordinatorId: me.id });
    const unseen = await createClientRecord();
    const now = new Date('2026-06-10T00:00:00Z'); // noon in Auckland
    const insert = (values: Partial<typeof tasks.$inferInsert>) =>
      db
        .insert(tasks)
        .values({ title: 'T', assigneeId: me.id, createdById: me.id, ...values })
        .returning();
    const [overdue] = await insert({
      dueAt: new Date('2026-06-08T00:00:00Z'),
      clientId: seen.id,
      linkKind: 'client',
      linkId: seen.id,
    });
    const [tonight] = await insert({ dueAt: new Date('2026-06-10T11:00:00Z') }); // 23:00 in Auckland
    await insert({ dueAt: new Date('2026-06-10T12:30:00Z') }); // tomorrow there
    await insert({ dueAt: new Date('2026-06-09T00:00:00Z'), status: 'done' });
    const [hidden] = await insert({ dueAt: new Date('2026-06-09T00:00:00Z'), clientId: unseen.id });
    const viewer = asCurrentUser(me);
    expect((await listMyTasksDue(viewer, now)).map((task) => task.id)).toEqual([
      overdue!.id,
      hidden!.id,
      tonight!.id,
    ]);

    await setVisibility('assigned');
    expect((await listMyTasksDue(viewer, now)).map((task) => task.id)).toEqual([
      overdue!.id,
      tonight!.id,
    ]);
    const list = await listTasks(
      viewer,
      taskListSchema.parse({ assignee: me.id, overdue: '1' }),
      now,
    );
    expect(list.rows.map((row) => row.id)).toEqual([overdue!.id]);
    expect(list.rows[0]).toMatchObject({ clientName: seen.name, mayManage: true });
  });
});
