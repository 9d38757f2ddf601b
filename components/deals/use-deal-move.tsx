'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import { checkStageMove, dealStageLabels, type DealStage } from '@/lib/deals';
import { moveDeal } from '@/server/deals/actions';
import { LostReasonDialog } from './lost-reason-dialog';

export type MovableDeal = { id: string; name: string; version: number; stage: DealStage };

/**
 * Moving a deal from anywhere (board drop, "Move to…", the deal page): Lost first asks for its
 * reason in a dialog; `onOptimistic` runs inside the transition, so a board can show the move
 * before the server answers. A refusal is announced in a toast and the page reloads its data.
 */
export function useDealMove(onOptimistic?: (deal: MovableDeal, to: DealStage) => void) {
  const router = useRouter();
  const [losing, setLosing] = useState<MovableDeal | null>(null);
  const [isPending, startTransition] = useTransition();

  async function run(deal: MovableDeal, to: DealStage, lostReason?: string) {
    onOptimistic?.(deal, to);
    const result = await moveDeal({
      dealId: deal.id,
      version: deal.version,
      stage: to,
      lostReason,
    });
    if (result.ok) {
      toast.success(`Moved ${deal.name} to ${dealStageLabels[to]}.`);
    } else if (!result.fieldErrors?.lostReason) {
      toast.error(result.error);
      router.refresh();
    }
    return result;
  }

  function requestMove(deal: MovableDeal, to: DealStage) {
    // The reason is asked for next, so only the rest of the life cycle is checked here.
    const check = checkStageMove(deal.stage, to, to === 'lost' ? 'asked next' : undefined);
    if (!check.ok) toast.error(check.reason);
    else if (to === 'lost') setLosing(deal);
    else startTransition(() => run(deal, to).then(() => undefined));
  }

  const lostDialog = (
    <LostReasonDialog
      dealName={losing?.name ?? null}
      onCancel={() => setLosing(null)}
      onConfirm={async (reason) => {
        if (!losing) return { ok: false, error: 'Choose a deal first.' };
        const result = await run(losing, 'lost', reason);
        if (result.ok) setLosing(null);
        return result;
      }}
    />
  );

  return { requestMove, lostDialog, isPending };
}
