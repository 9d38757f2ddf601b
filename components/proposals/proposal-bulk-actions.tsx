'use client';

import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import type { BulkActionContext } from '@/components/data-table/bulk-action-bar';
import { Button } from '@/components/ui/button';
import { bulkWithdrawProposals } from '@/server/proposals/actions';

/** The proposals list's bulk action: withdraw the open ones (their life cycle allows no delete). */
export function ProposalBulkActions({ context }: { context: BulkActionContext }) {
  const [error, setError] = useState('');
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex flex-wrap items-end gap-2">
      <Button
        variant="danger"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await bulkWithdrawProposals({ selection: context.selection });
            if (!result.ok) {
              setError(result.error);
              return;
            }
            setError('');
            toast.success(result.data.message);
            context.report(result.data.message);
          })
        }
      >
        {pending ? 'Withdrawing…' : 'Withdraw'}
      </Button>
      {error ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
