import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { RecordCampaignsPanel } from '@/components/campaigns/record-campaigns-panel';
import { MeetingActions } from '@/components/meetings/meeting-actions';
import { MeetingForm } from '@/components/meetings/meeting-form';
import { MeetingStatusBadge } from '@/components/meetings/meeting-status-badge';
import { BackLink } from '@/components/ui/back-link';
import { buttonClasses } from '@/components/ui/button';
import { Badge, Card, PageHeader } from '@/components/ui/card';
import { Markdown } from '@/components/ui/markdown';
import { formatDateTime, viewerFormat } from '@/lib/format';
import { formatMeetingTime, meetingKindLabels } from '@/lib/meetings';
import { timeZoneNames } from '@/lib/profile';
import { taskStatusLabels } from '@/lib/tasks';
import { localDateOf, localTimeOf } from '@/lib/zoned-time';
import { can } from '@/server/auth/permissions';
import { requirePermission } from '@/server/auth/session';
import { getMeeting, listClientMeetingOptions, listMeetingPeople } from '@/server/meetings/queries';
import { listMeetingTasks } from '@/server/tasks/queries';
import { AttachedMaterialsPanel } from '@/components/materials/attached-materials-panel';

export const metadata: Metadata = { title: 'Meeting' };

export default async function MeetingPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePermission('clients.read');
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const [meeting, meetingTasks] = await Promise.all([
    getMeeting(viewer, id.data),
    listMeetingTasks(viewer, id.data),
  ]);
  const viewerZone = viewerFormat(viewer);
  const editable = meeting.status === 'scheduled' && can(viewer, 'meetings.write');
  const [people, options] = editable
    ? await Promise.all([
        listMeetingPeople(viewer),
        listClientMeetingOptions(viewer, meeting.clientId),
      ])
    : [[], null];
  const local = (value: Date) => ({
    date: localDateOf(value, meeting.timeZone),
    time: localTimeOf(value, meeting.timeZone),
  });
  const start = local(meeting.startsAt);
  const end = local(meeting.endsAt);
  return (
    <>
      <BackLink href="/calendar">Calendar</BackLink>
      <PageHeader
        title={meeting.title}
        description={`${meetingKindLabels[meeting.kind]} with ${meeting.clientName}`}
        actions={
          <>
            {can(viewer, 'feedback.write') ? (
              <Link
                href={`/feedback/new?clientId=${meeting.clientId}&meetingId=${meeting.id}`}
                className={buttonClasses('secondary')}
              >
                Log feedback
              </Link>
            ) : null}
            <a href={`/meetings/${meeting.id}/ics`} className={buttonClasses('secondary')}>
              Download .ics
            </a>
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Details" className="lg:col-span-2">
          <dl className="grid gap-3 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-slate-500">When (your time)</dt>
              <dd className="font-medium text-slate-900">
                {formatMeetingTime(meeting.startsAt, meeting.endsAt, viewerZone)}
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">Organiser&apos;s time ({meeting.timeZone})</dt>
              <dd className="text-slate-900">
                {formatMeetingTime(meeting.startsAt, meeting.endsAt, {
                  ...viewerZone,
                  timeZone: meeting.timeZone,
                })}
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">Status</dt>
              <dd>
                <MeetingStatusBadge status={meeting.status} />
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">Client</dt>
              <dd>
                <Link
                  className="text-brand-700 hover:underline"
                  href={`/clients/${meeting.clientId}`}
                >
                  {meeting.clientName}
                </Link>
                {meeting.dealName ? ` · ${meeting.dealName}` : null}
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">Where</dt>
              <dd className="break-words text-slate-900">
                {meeting.location ?? meeting.videoUrl ?? '—'}
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">Organiser</dt>
              <dd className="text-slate-900">{meeting.organizerName ?? '—'}</dd>
            </div>
            <div>
              <dt className="text-slate-500">People</dt>
              <dd className="text-slate-900">
                {meeting.attendees.map((person) => person.name).join(', ') || '—'}
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">Client attendees</dt>
              <dd className="text-slate-900">
                {meeting.contacts.map((contact) => contact.name).join(', ') || '—'}
              </dd>
            </div>
            {meeting.series ? (
              <div>
                <dt className="text-slate-500">Repeats</dt>
                <dd className="text-slate-900">
                  {meeting.series.frequency}
                  {meeting.series.untilDate ? ` until ${meeting.series.untilDate}` : ''}
                  {meeting.series.count ? `, ${meeting.series.count} times` : ''}
                </dd>
              </div>
            ) : null}
            {meeting.overlapAcknowledgedAt ? (
              <div>
                <dt className="text-slate-500">Overlap</dt>
                <dd className="text-amber-900">
                  Saved over another meeting on purpose,{' '}
                  {formatDateTime(meeting.overlapAcknowledgedAt, viewerZone)}
                </dd>
              </div>
            ) : null}
          </dl>
          {meeting.agenda ? (
            <div className="mt-5 border-t border-slate-200 pt-4">
              <h2 className="mb-2 text-sm font-semibold text-slate-800">Agenda</h2>
              <Markdown>{meeting.agenda}</Markdown>
            </div>
          ) : null}
          {meeting.outcomeNotes ? (
            <div className="mt-5 border-t border-slate-200 pt-4">
              <h2 className="mb-2 text-sm font-semibold text-slate-800">Outcome</h2>
              <Markdown>{meeting.outcomeNotes}</Markdown>
            </div>
          ) : null}
        </Card>
        {editable ? (
          <MeetingActions
            people={people}
            meeting={{
              id: meeting.id,
              version: meeting.version,
              timeZone: meeting.timeZone,
              inSeries: Boolean(meeting.seriesId),
              started: meeting.startsAt <= new Date(),
              date: start.date,
              startTime: start.time,
              endTime: end.time,
            }}
          />
        ) : null}
      </div>
      <Card title="Tasks" className="mt-6">
        {meetingTasks.length === 0 ? (
          <p className="text-sm text-slate-600">No tasks follow up this meeting.</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {meetingTasks.map((task) => (
              <li key={task.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span className="min-w-0 break-words font-medium text-slate-900">{task.title}</span>
                <span className="text-slate-600">
                  {task.assigneeName ?? '—'}
                  {task.dueAt ? ` · due ${formatDateTime(task.dueAt, viewerZone)}` : ''} ·{' '}
                  <Badge tone={task.status === 'done' ? 'green' : 'blue'}>
                    {taskStatusLabels[task.status]}
                  </Badge>
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <div className="mt-6">
        <RecordCampaignsPanel viewer={viewer} record={{ meetingId: meeting.id }} />
        <AttachedMaterialsPanel
          viewer={viewer}
          target={{ kind: 'meeting', id: meeting.id, clientId: meeting.clientId }}
          description="Ready materials shown or handed out at this meeting."
        />
      </div>
      {editable && options ? (
        <Card title="Edit meeting" className="mt-6">
          <MeetingForm
            people={people}
            timeZones={timeZoneNames()}
            viewer={viewerZone}
            meeting={{
              id: meeting.id,
              version: meeting.version,
              inSeries: Boolean(meeting.seriesId),
              options,
            }}
            values={{
              kind: meeting.kind,
              title: meeting.title,
              date: start.date,
              startTime: start.time,
              endTime: end.time,
              timeZone: meeting.timeZone,
              location: meeting.location ?? '',
              videoUrl: meeting.videoUrl ?? '',
              agenda: meeting.agenda ?? '',
              dealId: meeting.dealId ?? '',
              attendeeIds: meeting.attendees.map((person) => person.id),
              contactIds: meeting.contacts.map((contact) => contact.id),
            }}
          />
        </Card>
      ) : null}
    </>
  );
}
