'use client';

import { buttonClasses } from '@/components/ui/button';
import { Icon } from '@/components/ui/icon';
import {
  DropdownMenuContent,
  DropdownMenuItem,
  EarlyDropdownMenu,
} from '@/components/ui/dropdown-menu';
import { checkStageMove, dealStageLabels, dealStages, type DealStage } from '@/lib/deals';

/**
 * "Move to…": the keyboard and screen-reader way to move a card, beside drag and drop. Offers the
 * stages the life cycle allows from here (Lost asks for its reason next). The choices are rendered
 * once it opens, as a board carries a menu on every card; one opened before hydration opens then.
 */
export function MoveMenu({
  dealName,
  stage,
  onMove,
}: {
  dealName: string;
  stage: DealStage;
  onMove: (to: DealStage) => void;
}) {
  return (
    <EarlyDropdownMenu
      label={`Move ${dealName} to…`}
      triggerClassName={buttonClasses('ghost', 'px-2 py-1 text-xs')}
      trigger={
        <>
          Move to…
          <Icon name="expand" className="size-3" />
        </>
      }
    >
      <DropdownMenuContent className="min-w-40">
        {dealStages
          .filter((to) => checkStageMove(stage, to, 'reason').ok)
          .map((to) => (
            <DropdownMenuItem key={to} onSelect={() => onMove(to)}>
              {dealStageLabels[to]}
            </DropdownMenuItem>
          ))}
      </DropdownMenuContent>
    </EarlyDropdownMenu>
  );
}
