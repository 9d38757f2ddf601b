import type { Metadata } from 'next';
import Link from 'next/link';
import { FeedbackTable } from '@/components/feedback/feedback-table';
import { buttonClasses } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { viewerFormat } from '@/lib/format';
import { feedbackListSchema } from '@/lib/validation/feedback';
import { firstValues } from '@/lib/validation/list-params';
import { packRows } from '@/lib/packed-rows';
import { requirePermission } from '@/server/auth/session';
import { findVisibleClient } from '@/server/clients/queries';
import { listFeedback, listRoutingChoices } from '@/server/feedback/queries';

export const metadata: Metadata = { title: 'Feedback' };

export default async function FeedbackPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requirePermission('clients.read');
  const params = feedbackListSchema.parse(firstValues(await searchParams));
  const now = new Date();
  const [{ rows, total, totalIsCapped }, users, client] = await Promise.all([
    listFeedback(viewer, params, now),
    listRoutingChoices(viewer),
    params.client ? findVisibleClient(viewer, params.client) : null,
  ]);
  return (
    <>
      <PageHeader
        title="Feedback"
        description="What clients told the team, who answers it, and when it is due."
        actions={
          <Link href="/feedback/new" className={buttonClasses('primary')}>
            Log feedback
          </Link>
        }
      />
      <FeedbackTable
        rows={packRows(rows)}
        total={total}
        totalIsCapped={totalIsCapped}
        params={params}
        viewer={viewerFormat(viewer)}
        users={users}
        listedAt={now.toISOString()}
        client={client}
      />
    </>
  );
}
