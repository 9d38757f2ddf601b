import type { Metadata } from 'next';
import { ReviewQueue } from '@/components/proposals/review-queue';
import { PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/server/auth/session';
import { getReviewQueue, reviewQueueLimit } from '@/server/proposals/queries';
import { viewerFormat } from '@/lib/format';

export const metadata: Metadata = { title: 'Review queue' };

export default async function ReviewQueuePage() {
  const viewer = await requirePermission('proposals.review');
  const rows = await getReviewQueue(viewer);
  return (
    <>
      <PageHeader
        title="Review queue"
        description={
          rows.length === reviewQueueLimit
            ? `Proposals waiting for your decision: the ${reviewQueueLimit} due soonest.`
            : 'Proposals waiting for your decision, oldest due first.'
        }
      />
      <ReviewQueue rows={rows} viewer={viewerFormat(viewer)} now={new Date()} />
    </>
  );
}
