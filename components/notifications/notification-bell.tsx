import { viewerFormat } from '@/lib/format';
import type { CurrentUser } from '@/server/auth/session';
import { countUnreadNotifications, unreadCountCap } from '@/server/notifications/queries';
import { NotificationMenu } from './notification-menu';

/** The header's bell, with the signed-in user's unread count read on the server. */
export async function NotificationBell({ user }: { user: CurrentUser }) {
  const unread = await countUnreadNotifications(user);
  return <NotificationMenu unread={unread} cap={unreadCountCap} viewer={viewerFormat(user)} />;
}
