import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import {
  FeedbackDue,
  FeedbackStatusBadge,
  SentimentBadge,
} from '@/components/feedback/feedback-badges';
import { FeedbackSteps } from '@/components/feedback/feedback-steps';
import { BackLink } from '@/components/ui/back-link';
import { Card, PageHeader } from '@/components/ui/card';
import { feedbackChannelLabels } from '@/lib/feedback';
import { formatDateTime, viewerFormat } from '@/lib/format';
import { requirePermission } from '@/server/auth/session';
import { getFeedbackPage, listRoutingChoices } from '@/server/feedback/queries';

export const metadata: Metadata = { title: 'Feedback' };

export default async function FeedbackItemPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePermission('clients.read');
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const [{ item, mayAnswer, mayRoute }, people] = await Promise.all([
    getFeedbackPage(viewer, id.data),
    listRoutingChoices(viewer),
  ]);
  const format = viewerFormat(viewer);
  const now = new Date();
  const facts = [
    {
      label: 'Client',
      value: (
        <Link href={`/clients/${item.clientId}`} className="text-brand-700 hover:underline">
          {item.clientName}
        </Link>
      ),
    },
    { label: 'Contact', value: item.contactName ?? '—' },
    {
      label: 'Heard in',
      value: item.meetingId ? (
        <Link href={`/meetings/${item.meetingId}`} className="text-brand-700 hover:underline">
          {item.meetingTitle}
        </Link>
      ) : (
        '—'
      ),
    },
    { label: 'Channel', value: feedbackChannelLabels[item.channel] },
    { label: 'Category', value: item.category ?? '—' },
    {
      label: 'Logged',
      value: `${formatDateTime(item.createdAt, format)}${item.loggedByName ? ` by ${item.loggedByName}` : ''}`,
    },
    { label: 'Routed to', value: item.routedToName ?? 'Not routed yet' },
    {
      label: 'Acknowledge by',
      value: item.acknowledgedAt ? (
        `${formatDateTime(item.acknowledgeDueAt, format)} · done ${formatDateTime(item.acknowledgedAt, format)}`
      ) : (
        <FeedbackDue dueAt={item.acknowledgeDueAt} viewer={format} now={now} />
      ),
    },
    {
      label: 'Resolve by',
      value: item.resolvedAt ? (
        `${formatDateTime(item.resolveDueAt, format)} · done ${formatDateTime(item.resolvedAt, format)}`
      ) : (
        <FeedbackDue dueAt={item.resolveDueAt} viewer={format} now={now} />
      ),
    },
    ...(item.escalatedAt
      ? [{ label: 'Escalated', value: formatDateTime(item.escalatedAt, format) }]
      : []),
  ];
  return (
    <>
      <BackLink href="/feedback">Feedback</BackLink>
      <PageHeader
        title={`Feedback from ${item.clientName}`}
        actions={
          <div className="flex items-center gap-2">
            <SentimentBadge sentiment={item.sentiment} />
            <FeedbackStatusBadge status={item.status} />
          </div>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="What the client said">
            <p className="text-sm break-words whitespace-pre-wrap text-slate-800">{item.body}</p>
          </Card>
          {item.resolution ? (
            <Card title="Resolution">
              <p className="text-sm break-words whitespace-pre-wrap text-slate-800">
                {item.resolution}
              </p>
              <p className="mt-2 text-xs text-slate-500">
                {item.resolvedByName ? `${item.resolvedByName}, ` : ''}
                {formatDateTime(item.resolvedAt, format)}
              </p>
            </Card>
          ) : null}
          <Card title="Details">
            <dl className="grid gap-3 text-sm sm:grid-cols-2">
              {facts.map((fact) => (
                <div key={fact.label}>
                  <dt className="text-slate-500">{fact.label}</dt>
                  <dd className="text-slate-900">{fact.value}</dd>
                </div>
              ))}
            </dl>
          </Card>
        </div>
        <Card title="Next step">
          <FeedbackSteps
            item={{
              id: item.id,
              version: item.version,
              status: item.status,
              routedToId: item.routedToId,
            }}
            people={people}
            mayRoute={mayRoute}
            mayAnswer={mayAnswer}
          />
        </Card>
      </div>
    </>
  );
}
