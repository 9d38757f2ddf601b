import type { Metadata } from 'next';
import { MeetingForm } from '@/components/meetings/meeting-form';
import { BackLink } from '@/components/ui/back-link';
import { PageHeader } from '@/components/ui/card';
import { viewerFormat } from '@/lib/format';
import { timeZoneNames } from '@/lib/profile';
import { localDateOf } from '@/lib/zoned-time';
import { z } from 'zod';
import { requirePermission } from '@/server/auth/session';
import { listMeetingPeople } from '@/server/meetings/queries';

export const metadata: Metadata = { title: 'New meeting' };

export default async function NewMeetingPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const viewer = await requirePermission('meetings.write');
  const date = z.iso.date().safeParse((await searchParams).date);
  const people = await listMeetingPeople(viewer);
  return (
    <>
      <BackLink href="/calendar">Calendar</BackLink>
      <PageHeader
        title="New meeting"
        description="A meeting, call, demo or presentation with a client."
      />
      <MeetingForm
        people={people}
        timeZones={timeZoneNames()}
        viewer={viewerFormat(viewer)}
        values={{
          kind: 'meeting',
          title: '',
          date: date.success ? date.data : localDateOf(new Date(), viewer.timeZone),
          startTime: '10:00',
          endTime: '11:00',
          timeZone: viewer.timeZone,
          location: '',
          videoUrl: '',
          agenda: '',
          dealId: '',
          attendeeIds: [viewer.id],
          contactIds: [],
        }}
      />
    </>
  );
}
