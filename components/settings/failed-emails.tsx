'use client';

import { useTransition } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { formatDateTime, type ViewerFormat } from '@/lib/format';
import type { FailedEmail } from '@/server/notifications/queries';
import { retryNotificationEmail } from '@/server/notifications/actions';

/** Notification e-mails whose retries are used up, each with the server's answer and a retry. */
export function FailedEmails({ emails, viewer }: { emails: FailedEmail[]; viewer: ViewerFormat }) {
  if (emails.length === 0) {
    return (
      <p className="text-sm text-slate-600">No failed e-mails. Every message was delivered.</p>
    );
  }
  return (
    <table className="w-full text-left text-sm" aria-label="Failed e-mails">
      <thead className="text-slate-600">
        <tr>
          <th scope="col" className="py-2 pr-4 font-medium">
            Recipient
          </th>
          <th scope="col" className="py-2 pr-4 font-medium">
            Subject
          </th>
          <th scope="col" className="py-2 pr-4 font-medium">
            Last error
          </th>
          <th scope="col" className="py-2 pr-4 font-medium">
            Failed
          </th>
          <th scope="col" className="py-2 font-medium">
            <span className="sr-only">Retry</span>
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-200">
        {emails.map((email) => (
          <tr key={email.id}>
            <td className="py-2 pr-4">
              {email.recipientName}
              <span className="block text-slate-600">{email.recipientEmail}</span>
            </td>
            <td className="py-2 pr-4">{email.subject}</td>
            <td className="py-2 pr-4 text-slate-700">
              {email.error}
              <span className="block text-slate-600">
                {email.attempts} {email.attempts === 1 ? 'attempt' : 'attempts'}
              </span>
            </td>
            <td className="py-2 pr-4 whitespace-nowrap">
              {formatDateTime(email.failedAt, viewer)}
            </td>
            <td className="py-2 text-right">
              <RetryButton id={email.id} subject={email.subject} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RetryButton({ id, subject }: { id: number; subject: string }) {
  const [isPending, startTransition] = useTransition();
  return (
    <Button
      variant="secondary"
      aria-label={`Retry “${subject}”`}
      disabled={isPending}
      onClick={() =>
        startTransition(async () => {
          const result = await retryNotificationEmail(id);
          if (result.ok) toast.success('Queued again. It goes out within a minute.');
          else toast.error(result.error);
        })
      }
    >
      {isPending ? 'Queuing…' : 'Retry'}
    </Button>
  );
}
