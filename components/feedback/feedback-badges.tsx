import { Badge } from '@/components/ui/card';
import {
  feedbackSentimentLabels,
  feedbackStatusLabels,
  type FeedbackSentiment,
  type FeedbackStatus,
} from '@/lib/feedback';
import { formatDateTime, type ViewerFormat } from '@/lib/format';

const statusTones: Record<FeedbackStatus, 'slate' | 'green' | 'blue' | 'amber'> = {
  new: 'slate',
  routed: 'blue',
  acknowledged: 'amber',
  resolved: 'green',
};

const sentimentTones: Record<FeedbackSentiment, 'green' | 'slate' | 'red'> = {
  positive: 'green',
  neutral: 'slate',
  negative: 'red',
};

export function FeedbackStatusBadge({ status }: { status: FeedbackStatus }) {
  return <Badge tone={statusTones[status]}>{feedbackStatusLabels[status]}</Badge>;
}

export function SentimentBadge({ sentiment }: { sentiment: FeedbackSentiment }) {
  return <Badge tone={sentimentTones[sentiment]}>{feedbackSentimentLabels[sentiment]}</Badge>;
}

/** When the current step is due, in the viewer's zone, flagged once it has passed. */
export function FeedbackDue({
  dueAt,
  viewer,
  now,
}: {
  dueAt: Date | null;
  viewer: ViewerFormat;
  now: Date;
}) {
  if (!dueAt) return <>—</>;
  const overdue = dueAt.getTime() < now.getTime();
  return (
    <span className={overdue ? 'font-medium text-red-700' : undefined}>
      {formatDateTime(dueAt, viewer)}
      {overdue ? ' · overdue' : ''}
    </span>
  );
}
