import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { truncate } from '@/lib/utils';
import type { ViewerFormat } from '@/lib/format';
import type { FeedbackSentiment, FeedbackStatus } from '@/lib/feedback';
import { FeedbackDue, FeedbackStatusBadge, SentimentBadge } from './feedback-badges';

/** The client page's feedback: newest first, each with its state and when its next step is due. */
export function FeedbackPanel({
  clientId,
  items,
  viewer,
}: {
  clientId: string;
  viewer: ViewerFormat;
  items: {
    id: string;
    sentiment: FeedbackSentiment;
    status: FeedbackStatus;
    body: string;
    routedToName: string | null;
    nextDueAt: Date | null;
  }[];
}) {
  const now = new Date();
  return (
    <Card
      title="Feedback"
      actions={
        <Link
          href={`/feedback/new?clientId=${clientId}`}
          className="text-sm font-medium text-brand-700 hover:underline"
        >
          Log feedback
        </Link>
      }
    >
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">No feedback logged yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {items.map((item) => (
            <li key={item.id} className="space-y-1 py-2 text-sm">
              <div className="flex flex-wrap items-center gap-2">
                <SentimentBadge sentiment={item.sentiment} />
                <FeedbackStatusBadge status={item.status} />
              </div>
              <Link
                href={`/feedback/${item.id}`}
                className="block break-words text-brand-700 hover:underline"
              >
                {truncate(item.body, 120)}
              </Link>
              <p className="text-xs text-slate-500">
                {item.routedToName ?? 'Not routed'}
                {item.nextDueAt ? (
                  <>
                    {' · due '}
                    <FeedbackDue dueAt={item.nextDueAt} viewer={viewer} now={now} />
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
