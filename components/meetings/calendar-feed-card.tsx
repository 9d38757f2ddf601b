import { Card } from '@/components/ui/card';
import { formatDateTime } from '@/lib/format';
import type { CurrentUser } from '@/server/auth/session';
import { getCalendarFeed } from '@/server/meetings/feed';
import { CalendarFeedControls } from './calendar-feed-controls';

/** Profile: the secret subscription link of the user's calendar, created, replaced or revoked. */
export async function CalendarFeedCard({ viewer }: { viewer: CurrentUser }) {
  const feed = await getCalendarFeed(viewer);
  return (
    <Card title="Calendar feed">
      <p className="mb-3 text-sm text-slate-600">
        Subscribe to your meetings from Google Calendar, Outlook or Apple Calendar. Anyone with the
        link can read your meetings, so keep it to yourself; replace or revoke it if it leaks.
      </p>
      <CalendarFeedControls
        active={Boolean(feed)}
        since={feed ? formatDateTime(feed.createdAt, viewer) : null}
      />
    </Card>
  );
}
