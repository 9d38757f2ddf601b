import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { feedback, meetings, tasks } from '@/db/schema';
import { roles } from '@/lib/roles';
import { executeAction } from '@/server/action';
import { logFeedbackCommand } from '@/server/feedback/commands';
import { completeMeetingCommand } from '@/server/meetings/commands';
import { createTaskCommand } from '@/server/tasks/commands';
import { listMeetingTasks } from '@/server/tasks/queries';
import { createClientRecord, setVisibility } from '../support/client-factories';
import { createFeedbackRecord } from '../support/feedback-factories';
import { asCurrentUser, createActor, createUser, expectOk } from '../support/factories';
import { daysFromToday, scheduleMeeting } from '../support/meeting-factories';

const taskForm = (linkId: string) => ({
  title: 'Send the minutes',
  dueDate: '',
  dueTime: '',
  assigneeId: '',
  linkKind: 'meeting',
  linkId,
});

async function tasksOf(meetingId: string) {
  return db.select().from(tasks).where(eq(tasks.linkId, meetingId));
}

beforeEach(async () => {
  await setVisibility('open');
});

describe('tasks linked to a meeting', () => {
  it('lets every role link a task to a meeting they see, keeping its account', async () => {
    const organiser = await createActor('coordinator');
    const meeting = await scheduleMeeting(organiser, [organiser.id]);
    for (const role of roles) {
      const actor = await createActor(role);
      const { id } = expectOk(await executeAction(createTaskCommand, actor, taskForm(meeting.id)));
      const [task] = await db.select().from(tasks).where(eq(tasks.id, id));
      expect(task).toMatchObject({
        linkKind: 'meeting',
        linkId: meeting.id,
        clientId: meeting.clientId,
      });
    }
  });

  it('refuses a meeting whose client a coordinator does not coordinate under `assigned`', async () => {
    const coordinatorRow = await createUser({ role: 'coordinator' });
    const coordinator = asCurrentUser(coordinatorRow);
    const own = await createClientRecord({ coordinatorId: coordinatorRow.id });
    const manager = await createActor('manager');
    const hidden = await scheduleMeeting(manager, [manager.id]);
    const visible = await scheduleMeeting(manager, [manager.id], {
      clientId: own.id,
      startTime: '14:00',
      endTime: '15:00',
    });
    await setVisibility('assigned');
    expect(await executeAction(createTaskCommand, coordinator, taskForm(hidden.id))).toMatchObject({
      ok: false,
      fieldErrors: { linkId: [expect.any(String)] },
    });
    expect(await tasksOf(hidden.id)).toHaveLength(0);
    expectOk(await executeAction(createTaskCommand, coordinator, taskForm(visible.id)));
    expect(await tasksOf(visible.id)).toHaveLength(1);
  });
});

describe('follow-up tasks when completing a meeting', () => {
  it('creates them with the completion for every role, linked to the meeting and listed on it', async () => {
    for (const role of roles) {
      const organiser = asCurrentUser(await createUser({ role, timeZone: 'Europe/Berlin' }));
      const assignee = await createUser({ role: 'executive' });
      const meeting = await scheduleMeeting(organiser, [organiser.id], {
        date: daysFromToday(-1),
      });
      const result = expectOk(
        await executeAction(completeMeetingCommand, organiser, {
          meetingId: meeting.id,
          version: meeting.version,
          outcomeNotes: 'Pilot agreed.',
          followUps: [
            { title: 'Draft the pilot proposal', assigneeId: assignee.id, dueDate: '2027-03-10' },
            { title: 'Book the kick-off', assigneeId: '', dueDate: '' },
          ],
        }),
      );
      expect(result.followUps).toBe(2);
      const listed = await listMeetingTasks(organiser, meeting.id);
      expect(listed.map((task) => [task.title, task.assigneeId])).toEqual([
        ['Draft the pilot proposal', assignee.id],
        ['Book the kick-off', organiser.id],
      ]);
      // Due at 17:00 on the organiser's calendar in Berlin (UTC+1 in March before the change).
      expect(listed[0]?.dueAt).toEqual(new Date('2027-03-10T16:00:00Z'));
      const stored = await tasksOf(meeting.id);
      expect(stored.every((task) => task.clientId === meeting.clientId)).toBe(true);
    }
  });

  it('rolls the completion back when a follow-up is refused, and validates each one', async () => {
    const organiser = await createActor('coordinator');
    const inactive = await createUser({ role: 'coordinator', active: false });
    const meeting = await scheduleMeeting(organiser, [organiser.id], { date: daysFromToday(-1) });
    const complete = (followUps: object[]) =>
      executeAction(completeMeetingCommand, organiser, {
        meetingId: meeting.id,
        version: meeting.version,
        outcomeNotes: 'Pilot agreed.',
        followUps,
      });
    expect(await complete([{ title: '', assigneeId: '', dueDate: '' }])).toMatchObject({
      ok: false,
      fieldErrors: { followUps: [expect.any(String)] },
    });
    expect(
      await complete([
        { title: 'Call back', assigneeId: '', dueDate: '' },
        { title: 'Send deck', assigneeId: inactive.id, dueDate: '' },
      ]),
    ).toMatchObject({ ok: false, fieldErrors: { followUps: ['Choose an active user.'] } });
    const [row] = await db.select().from(meetings).where(eq(meetings.id, meeting.id));
    expect(row?.status).toBe('scheduled');
    expect(await tasksOf(meeting.id)).toHaveLength(0);
  });

  it('hides a meeting’s tasks from a coordinator who does not see its client', async () => {
    const manager = await createActor('manager');
    const coordinator = await createActor('coordinator');
    const meeting = await scheduleMeeting(manager, [manager.id]);
    expectOk(await executeAction(createTaskCommand, manager, taskForm(meeting.id)));
    expect(await listMeetingTasks(coordinator, meeting.id)).toHaveLength(1);
    await setVisibility('assigned');
    expect(await listMeetingTasks(coordinator, meeting.id)).toHaveLength(0);
  });
});

describe('feedback heard in a meeting', () => {
  it('keeps feedback.meeting_id pointing at a real meeting', async () => {
    const client = await createClientRecord();
    await expect(
      createFeedbackRecord({ clientId: client.id, meetingId: crypto.randomUUID() }),
    ).rejects.toThrow();
    const organiser = await createActor('coordinator');
    const meeting = await scheduleMeeting(organiser, [organiser.id], { clientId: client.id });
    const item = await createFeedbackRecord({ clientId: client.id, meetingId: meeting.id });
    await db.delete(meetings).where(eq(meetings.id, meeting.id));
    const [row] = await db.select().from(feedback).where(eq(feedback.id, item.id));
    expect(row?.meetingId).toBeNull();
  });

  it('logs feedback from a meeting of its client only', async () => {
    const organiser = await createActor('coordinator');
    const meeting = await scheduleMeeting(organiser, [organiser.id]);
    const other = await createClientRecord();
    const form = (clientId: string) => ({
      clientId,
      contactId: '',
      meetingId: meeting.id,
      channel: 'meeting',
      sentiment: 'positive',
      category: '',
      body: 'Loved the concept.',
      routedToId: '',
    });
    expect(await executeAction(logFeedbackCommand, organiser, form(other.id))).toMatchObject({
      ok: false,
      fieldErrors: { meetingId: ['Choose a meeting with this client.'] },
    });
    const { id } = expectOk(
      await executeAction(logFeedbackCommand, organiser, form(meeting.clientId)),
    );
    const [row] = await db.select().from(feedback).where(eq(feedback.id, id));
    expect(row?.meetingId).toBe(meeting.id);
  });
});
