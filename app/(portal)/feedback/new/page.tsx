import type { Metadata } from 'next';
import { z } from 'zod';
import { LogFeedbackForm } from '@/components/feedback/log-feedback-form';
import { BackLink } from '@/components/ui/back-link';
import { Card, PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/server/auth/session';
import { getLogFeedbackOptions } from '@/server/feedback/queries';

export const metadata: Metadata = { title: 'Log feedback' };

export default async function NewFeedbackPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requirePermission('feedback.write');
  const params = await searchParams;
  const clientId = z.uuid().safeParse(params.clientId);
  const meetingId = z.uuid().safeParse(params.meetingId);
  const options = await getLogFeedbackOptions(
    viewer,
    clientId.success ? clientId.data : undefined,
    meetingId.success ? meetingId.data : undefined,
  );
  return (
    <>
      <BackLink href="/feedback">Feedback</BackLink>
      <PageHeader title="Log feedback" description="What a client said, and who answers it." />
      <Card>
        <LogFeedbackForm
          client={options.client}
          contacts={options.contacts}
          meeting={options.meeting}
          people={options.people}
        />
      </Card>
    </>
  );
}
