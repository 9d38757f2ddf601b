'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Select } from '@/components/ui/field';
import { checkStageMove, dealStageLabels, dealStages, type DealStage } from '@/lib/deals';
import { DealStageBadge } from './deal-stage-badge';
import { useDealMove } from './use-deal-move';

/** The deal page's stage control: where the deal is, and a move to any stage the life cycle allows. */
export function StageControl({
  deal,
}: {
  deal: { id: string; name: string; version: number; stage: DealStage; lostReason: string | null };
}) {
  const id = useId();
  const targets = dealStages.filter((to) => checkStageMove(deal.stage, to, 'reason').ok);
  const [to, setTo] = useState<DealStage | ''>(targets[0] ?? '');
  const { requestMove, lostDialog, isPending } = useDealMove();
  return (
    <Card title="Stage">
      <div className="mb-4 flex items-center gap-2 text-sm">
        Now in <DealStageBadge stage={deal.stage} />
      </div>
      {deal.stage === 'lost' && deal.lostReason ? (
        <p className="mb-4 text-sm break-words text-slate-800">
          <span className="font-medium">Lost because:</span> {deal.lostReason}
        </p>
      ) : null}
      <form
        className="flex items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          if (to) requestMove(deal, to);
        }}
      >
        <div className="flex-1">
          <Field id={id} label="Move to">
            <Select id={id} value={to} onChange={(event) => setTo(event.target.value as DealStage)}>
              {targets.map((stage) => (
                <option key={stage} value={stage}>
                  {dealStageLabels[stage]}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <Button type="submit" variant="secondary" disabled={isPending || !to}>
          {isPending ? 'Moving…' : 'Move'}
        </Button>
      </form>
      {lostDialog}
    </Card>
  );
}
