import type { Metadata } from 'next';
import { FeedbackTable } from '@/components/feedback/feedback-table';
import { viewerFormat } from '@/lib/format';
import { feedbackListSchema } from '@/lib/validation/feedback';
import { firstValues } from '@/lib/validation/list-params';
import { packRows } from '@/lib/packed-rows';
import { requirePermission } from '@/server/auth/session';
import { findVisibleClient } from '@/server/clients/queries';
import { listFeedback } from '@/server/feedback/queries';

export const metadata: Metadata = { title: 'Feedback' };

export default async function FeedbackPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requirePermission('clients.read');
  const params = feedbackListSchema.parse(firstValues(await searchParams));
  const now = new Date();
  const [{ rows, total, totalIsCapped }, client] = await Promise.all([
    listFeedback(viewer, params, now),
    params.client ? findVisibleClient(viewer, params.client) : null,
  ]);
  return (
    <FeedbackTable
      rows={packRows(rows)}
      total={total}
      totalIsCapped={totalIsCapped}
      params={params}
      viewer={viewerFormat(viewer)}
      listedAt={now.toISOString()}
      client={client}
    />
  );
}
