'use client';

import { ChevronDown } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { buttonClasses } from '@/components/ui/button';
import { checkStageMove, dealStageLabels, dealStages, type DealStage } from '@/lib/deals';

/**
 * "Move to…": the keyboard and screen-reader way to move a card, beside drag and drop. Offers the
 * stages the life cycle allows from here (Lost asks for its reason next). The choices are rendered
 * once it opens: a board carries a menu on every card.
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
  const details = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  // A menu opened before the page hydrated fired its toggle before React listened for it.
  useEffect(() => {
    if (details.current?.open) setOpen(true);
  }, []);
  const targets = dealStages.filter((to) => checkStageMove(stage, to, 'reason').ok);
  return (
    <details
      ref={details}
      className="relative"
      onToggle={(event) => setOpen(event.currentTarget.open)}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && details.current?.open) {
          event.stopPropagation();
          details.current.open = false;
          details.current.querySelector('summary')?.focus();
        }
      }}
    >
      <summary
        aria-label={`Move ${dealName} to…`}
        className={buttonClasses('ghost', 'cursor-pointer list-none px-2 py-1 text-xs')}
      >
        Move to…
        <ChevronDown aria-hidden className="size-3" />
      </summary>
      {open ? (
        <ul className="absolute right-0 z-20 mt-1 w-40 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
          {targets.map((to) => (
            <li key={to}>
              <button
                type="button"
                className="block w-full rounded px-2 py-1 text-left text-sm hover:bg-slate-100 focus:bg-slate-100"
                onClick={() => {
                  if (details.current) details.current.open = false;
                  // The chosen button goes away with the menu; focus stays on the card.
                  details.current?.querySelector('summary')?.focus();
                  onMove(to);
                }}
              >
                {dealStageLabels[to]}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </details>
  );
}
