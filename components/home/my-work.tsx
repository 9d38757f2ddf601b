import Link from 'next/link';
import { FeedbackDue, SentimentBadge } from '@/components/feedback/feedback-badges';
import { Card } from '@/components/ui/card';
import type { FeedbackSentiment } from '@/lib/feedback';
import { formatDate, formatDateTime, numberFormat, type ViewerFormat } from '@/lib/format';
import {
  isMaterialOverdue,
  materialKindLabels,
  type MaterialKind,
  type MaterialStatus,
} from '@/lib/materials';
import { taskLinkHref, type TaskLinkKind } from '@/lib/tasks';

/** "My work": open tasks due by the end of the viewer's day, overdue ones flagged. */
export function TasksDue({
  tasks,
  viewer,
  now,
}: {
  tasks: {
    id: string;
    title: string;
    dueAt: Date | null;
    linkKind: TaskLinkKind | null;
    linkId: string | null;
    clientName: string | null;
  }[];
  viewer: ViewerFormat;
  now: Date;
}) {
  return (
    <Card
      title="Tasks due"
      actions={
        <Link href="/tasks" className="text-sm font-medium text-brand-700 hover:underline">
          All tasks
        </Link>
      }
    >
      {tasks.length === 0 ? (
        <p className="text-sm text-slate-600">Nothing due today.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {tasks.map((task) => {
            const overdue = task.dueAt !== null && task.dueAt.getTime() < now.getTime();
            return (
              <li
                key={task.id}
                className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
              >
                <span className="min-w-0 break-words">
                  {task.linkKind && task.linkId ? (
                    <Link
                      href={taskLinkHref(task.linkKind, task.linkId)}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      {task.title}
                    </Link>
                  ) : (
                    <span className="font-medium text-slate-900">{task.title}</span>
                  )}
                  {task.clientName ? (
                    <span className="block text-slate-500">{task.clientName}</span>
                  ) : null}
                </span>
                <span className={overdue ? 'font-medium text-red-700' : 'text-slate-600'}>
                  {overdue ? 'Overdue · ' : ''}
                  {formatDateTime(task.dueAt, viewer)}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}

/** "My work": open feedback routed to the viewer, the soonest due first. */
export function FeedbackRoutedToMe({
  items,
  viewer,
  now,
}: {
  items: { id: string; clientName: string; sentiment: FeedbackSentiment; nextDueAt: Date | null }[];
  viewer: ViewerFormat;
  now: Date;
}) {
  return (
    <Card
      title="Feedback routed to you"
      actions={
        <Link href="/feedback" className="text-sm font-medium text-brand-700 hover:underline">
          All feedback
        </Link>
      }
    >
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">No feedback is waiting on you.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {items.map((item) => (
            <li
              key={item.id}
              className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
            >
              <span className="flex items-center gap-2">
                <SentimentBadge sentiment={item.sentiment} />
                <Link
                  href={`/feedback/${item.id}`}
                  className="font-medium text-brand-700 hover:underline"
                >
                  {item.clientName}
                </Link>
              </span>
              <span className="text-slate-600">
                Due <FeedbackDue dueAt={item.nextDueAt} viewer={viewer} now={now} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function share(done: number, due: number, locale: string) {
  if (due === 0) return '—';
  return numberFormat(locale, { style: 'percent' }).format(done / due);
}

/** The manager's feedback SLA over the last 30 days: the share acknowledged and resolved in time. */
export function FeedbackSlaCard({
  figure,
  locale,
}: {
  figure: {
    acknowledgeDue: number;
    acknowledgedInTime: number;
    resolveDue: number;
    resolvedInTime: number;
  };
  locale: string;
}) {
  const rows = [
    { label: 'Acknowledged in time', done: figure.acknowledgedInTime, due: figure.acknowledgeDue },
    { label: 'Resolved in time', done: figure.resolvedInTime, due: figure.resolveDue },
  ];
  return (
    <Card
      title="Feedback SLA, last 30 days"
      actions={
        <Link
          href="/feedback?overdue=1"
          className="text-sm font-medium text-brand-700 hover:underline"
        >
          Overdue feedback
        </Link>
      }
    >
      <dl className="grid gap-4 sm:grid-cols-2">
        {rows.map((row) => (
          <div key={row.label}>
            <dt className="text-sm text-slate-600">{row.label}</dt>
            <dd className="text-2xl font-semibold text-slate-900 tabular-nums">
              {share(row.done, row.due, locale)}
            </dd>
            <dd className="text-xs text-slate-500">
              {row.done} of {row.due} due
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

/** "My work": the viewer's materials to make that are due within a week, overdue ones flagged. */
export function MaterialsDue({
  materials,
  viewer,
  today,
}: {
  materials: {
    id: string;
    title: string;
    kind: MaterialKind;
    status: MaterialStatus;
    clientName: string;
    dueDate: string | null;
  }[];
  viewer: ViewerFormat;
  /** The viewer's calendar date. */
  today: string;
}) {
  return (
    <Card
      title="Materials due"
      actions={
        <Link href="/materials" className="text-sm font-medium text-brand-700 hover:underline">
          All materials
        </Link>
      }
    >
      {materials.length === 0 ? (
        <p className="text-sm text-slate-600">No material of yours is due this week.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {materials.map((material) => (
            <li
              key={material.id}
              className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
            >
              <span className="min-w-0 break-words">
                <Link
                  href={`/materials/${material.id}`}
                  className="font-medium text-brand-700 hover:underline"
                >
                  {material.title}
                </Link>
                <span className="text-slate-600">
                  {' '}
                  · {materialKindLabels[material.kind]} · {material.clientName}
                </span>
              </span>
              <span
                className={
                  isMaterialOverdue(material, today) ? 'font-medium text-red-700' : 'text-slate-600'
                }
              >
                {formatDate(material.dueDate, viewer)}
                {isMaterialOverdue(material, today) ? ' · overdue' : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
