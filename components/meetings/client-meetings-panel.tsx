import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { viewerFormat } from '@/lib/format';
import { formatMeetingTime, meetingKindLabels } from '@/lib/meetings';
import { can } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';
import { listClientMeetings, type ClientMeeting } from '@/server/meetings/queries';
import { MeetingStatusBadge } from './meeting-status-badge';

function MeetingList({
  label,
  meetings,
  empty,
  viewer,
}: {
  label: string;
  meetings: ClientMeeting[];
  empty: string;
  viewer: CurrentUser;
}) {
  return (
    <div>
      <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{label}</h3>
      {meetings.length === 0 ? (
        <p className="py-2 text-sm text-slate-600">{empty}</p>
      ) : (
        <ul aria-label={label} className="divide-y divide-slate-100">
          {meetings.map((meeting) => (
            <li key={meeting.id} className="space-y-1 py-2 text-sm">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <Link
                  href={`/meetings/${meeting.id}`}
                  className="min-w-0 font-medium break-words text-brand-700 hover:underline"
                >
                  {meeting.title}
                </Link>
                <MeetingStatusBadge status={meeting.status} />
              </div>
              <p className="text-xs text-slate-500">
                {meetingKindLabels[meeting.kind]} ·{' '}
                {formatMeetingTime(meeting.startsAt, meeting.endsAt, viewerFormat(viewer))}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The client page's meetings, upcoming and recent, reading its own rows within the viewer's visibility. */
export async function ClientMeetingsPanel({
  viewer,
  clientId,
}: {
  viewer: CurrentUser;
  clientId: string;
}) {
  const { upcoming, recent } = await listClientMeetings(viewer, clientId);
  return (
    <Card
      title="Meetings"
      actions={
        can(viewer, 'meetings.write') ? (
          <Link
            href={`/calendar/new?client=${clientId}`}
            className="text-sm font-medium text-brand-700 hover:underline"
          >
            Schedule meeting
          </Link>
        ) : null
      }
    >
      <div className="space-y-4">
        <MeetingList
          label="Upcoming"
          meetings={upcoming}
          empty="Nothing scheduled."
          viewer={viewer}
        />
        <MeetingList label="Recent" meetings={recent} empty="No meetings yet." viewer={viewer} />
      </div>
    </Card>
  );
}
