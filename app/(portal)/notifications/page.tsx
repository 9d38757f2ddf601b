import type { Metadata } from 'next';
import Link from 'next/link';
import { MarkAllReadButton } from '@/components/notifications/mark-all-read-button';
import { NotificationEntry } from '@/components/notifications/notification-entry';
import { buttonClasses } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { firstValues } from '@/lib/validation/list-params';
import { notificationPageSchema } from '@/lib/validation/notifications';
import { requirePermission } from '@/server/auth/session';
import { countUnreadNotifications, listNotifications } from '@/server/notifications/queries';
import { viewerFormat } from '@/lib/format';

export const metadata: Metadata = { title: 'Notifications' };

const pageSize = 25;

export default async function NotificationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission('notifications.own');
  const { before } = notificationPageSchema.parse(firstValues(await searchParams));
  const [{ items, nextBefore }, unread] = await Promise.all([
    listNotifications(user, { before, limit: pageSize }),
    countUnreadNotifications(user),
  ]);
  const now = new Date().toISOString();
  return (
    <>
      <PageHeader
        title="Notifications"
        description="Reviews, decisions and client responses that concern you."
        actions={<MarkAllReadButton disabled={unread === 0} />}
      />
      <section
        aria-label="All notifications"
        className="rounded-lg border border-slate-200 bg-white p-2 shadow-sm"
      >
        {items.length === 0 ? (
          <p className="px-3 py-12 text-center text-sm text-slate-600">
            {before ? 'No older notifications.' : 'You have no notifications yet.'}
          </p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {items.map((item) => (
              <li key={item.id}>
                <NotificationEntry item={item} viewer={viewerFormat(user)} now={now} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <nav aria-label="Notification pages" className="mt-4 flex justify-between gap-3">
        {before ? (
          <Link href="/notifications" className={buttonClasses('secondary')}>
            Newest
          </Link>
        ) : (
          <span />
        )}
        {nextBefore ? (
          <Link href={`/notifications?before=${nextBefore}`} className={buttonClasses('secondary')}>
            Older notifications
          </Link>
        ) : null}
      </nav>
    </>
  );
}
