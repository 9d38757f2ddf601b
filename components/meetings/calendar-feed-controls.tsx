'use client';

import { useState } from 'react';
import { ActionError } from '@/components/ui/action-error';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import { createCalendarFeed, revokeCalendarFeed } from '@/server/meetings/actions';

/** Creates (or replaces) the feed link, shown once, and revokes it. */
export function CalendarFeedControls({ active, since }: { active: boolean; since: string | null }) {
  const [created, create] = useFormAction(createCalendarFeed, {
    successMessage: () => 'Feed link created. Copy it now: it is shown only once.',
  });
  const [revoked, revoke] = useFormAction(revokeCalendarFeed, {
    successMessage: () => 'Feed link revoked.',
  });
  // The link is shown until it is revoked: the form last sent decides.
  const [lastSent, setLastSent] = useState<'create' | 'revoke' | null>(null);
  const url =
    lastSent === 'create' && created?.ok && typeof window !== 'undefined'
      ? new URL(created.data.path, window.location.origin).toString()
      : null;
  return (
    <div className="space-y-3">
      <ActionError state={created} />
      <ActionError state={revoked} />
      {url ? (
        <div className="space-y-1">
          <label htmlFor="calendar-feed-url" className="block text-sm font-medium text-slate-800">
            Your feed link
          </label>
          <input
            id="calendar-feed-url"
            readOnly
            value={url}
            onFocus={(event) => event.currentTarget.select()}
            className="block w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs text-slate-900"
          />
        </div>
      ) : active ? (
        <p className="text-sm text-slate-700">A feed link is active (made {since}).</p>
      ) : (
        <p className="text-sm text-slate-700">You have no feed link.</p>
      )}
      <div className="flex flex-wrap gap-2">
        <form action={create} onSubmit={() => setLastSent('create')}>
          <SubmitButton pendingLabel="Creating…">
            {active || url ? 'Replace feed link' : 'Create feed link'}
          </SubmitButton>
        </form>
        {active || url ? (
          <form action={revoke} onSubmit={() => setLastSent('revoke')}>
            <SubmitButton variant="secondary" pendingLabel="Revoking…">
              Revoke feed link
            </SubmitButton>
          </form>
        ) : null}
      </div>
    </div>
  );
}
