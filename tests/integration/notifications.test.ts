import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { notifications } from '@/db/schema';
import { executeAction } from '@/server/action';
import {
  markAllNotificationsReadCommand,
  markNotificationReadCommand,
} from '@/server/notifications/commands';
import {
  countUnreadNotifications,
  listNotifications,
  unreadCountCap,
} from '@/server/notifications/queries';
import { createActor } from '../support/factories';
import { createNotification } from '../support/notification-factories';

async function readAtOf(id: number) {
  const [row] = await db
    .select({ readAt: notifications.readAt })
    .from(notifications)
    .where(eq(notifications.id, id));
  return row?.readAt;
}

describe('notifications', () => {
  it('counts and lists only the signed-in user’s own notifications, newest first', async () => {
    const me = await createActor('coordinator');
    const someoneElse = await createActor('executive');
    const older = await createNotification(db, me.id, {
      createdAt: new Date('2026-01-01T10:00:00Z'),
    });
    const newer = await createNotification(db, me.id, {
      createdAt: new Date('2026-01-02T10:00:00Z'),
    });
    await createNotification(db, me.id, { readAt: new Date() });
    await createNotification(db, someoneElse.id);

    expect(await countUnreadNotifications(me)).toBe(2);
    const { items } = await listNotifications(me, { limit: 10 });
    expect(items).toHaveLength(3);
    expect(items.map((item) => item.id)).toEqual(expect.arrayContaining([older.id, newer.id]));
    expect(items.findIndex((item) => item.id === newer.id)).toBeLessThan(
      items.findIndex((item) => item.id === older.id),
    );
    expect(items.filter((item) => !item.read)).toHaveLength(2);
  });

  it('pages with a cursor, without repeating or skipping', async () => {
    const me = await createActor('executive');
    const created = [];
    for (let day = 1; day <= 5; day += 1) {
      created.push(
        await createNotification(db, me.id, { createdAt: new Date(`2026-02-0${day}T09:00:00Z`) }),
      );
    }
    const first = await listNotifications(me, { limit: 2 });
    const second = await listNotifications(me, { limit: 2, before: first.nextBefore ?? 0 });
    const third = await listNotifications(me, { limit: 2, before: second.nextBefore ?? 0 });
    const seen = [...first.items, ...second.items, ...third.items].map((item) => item.id);
    expect(seen).toEqual(created.map((n) => n.id).reverse());
    expect(third.nextBefore).toBeNull();

    const stranger = await createActor('coordinator');
    expect((await listNotifications(stranger, { limit: 2, before: created[4]?.id })).items).toEqual(
      [],
    );
  });

  it('caps the unread count the bell reads', async () => {
    const me = await createActor('manager');
    await db.insert(notifications).values(
      Array.from({ length: unreadCountCap + 5 }, (_, index) => ({
        userId: me.id,
        kind: 'review_requested' as const,
        title: `Bulk ${index}`,
        href: '/proposals',
      })),
    );
    expect(await countUnreadNotifications(me)).toBe(unreadCountCap + 1);
  });

  it('marks one read for its owner and refuses anyone else’s', async () => {
    const me = await createActor('coordinator');
    const other = await createActor('coordinator');
    const mine = await createNotification(db, me.id);
    await createNotification(db, me.id);
    const theirs = await createNotification(db, other.id);

    const result = await executeAction(markNotificationReadCommand, me, { id: String(mine.id) });
    expect(result).toEqual({ ok: true, data: { unread: 1 } });
    expect(await readAtOf(mine.id)).toBeInstanceOf(Date);

    const refused = await executeAction(markNotificationReadCommand, me, { id: theirs.id });
    expect(refused).toMatchObject({ ok: false, code: 'not_found' });
    expect(await readAtOf(theirs.id)).toBeNull();

    const invalid = await executeAction(markNotificationReadCommand, me, { id: 'abc' });
    expect(invalid).toMatchObject({ ok: false, fieldErrors: { id: expect.any(Array) } });
    expect(await executeAction(markNotificationReadCommand, null, { id: mine.id })).toMatchObject({
      ok: false,
    });
  });

  it('marks all of the user’s notifications read and nobody else’s', async () => {
    const me = await createActor('executive');
    const other = await createActor('executive');
    await createNotification(db, me.id);
    await createNotification(db, me.id);
    const theirs = await createNotification(db, other.id);

    expect(await executeAction(markAllNotificationsReadCommand, me, {})).toEqual({
      ok: true,
      data: { unread: 0 },
    });
    expect(await countUnreadNotifications(me)).toBe(0);
    expect(await readAtOf(theirs.id)).toBeNull();
    expect(await countUnreadNotifications(other)).toBe(1);
  });
});
