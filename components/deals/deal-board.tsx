'use client';

import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type KeyboardCoordinateGetter,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import Link from 'next/link';
import { useOptimistic, useState, type ReactNode } from 'react';
import { Icon } from '@/components/ui/icon';
import { dealStageLabels, dealStages, isClosedStage, type DealStage } from '@/lib/deals';
import { formatCount, formatDate, formatMoney } from '@/lib/format';
import { cn } from '@/lib/utils';
import type { BoardCard, BoardColumn } from '@/server/deals/queries';
import { MoveMenu } from './move-menu';
import { dealCount, StageFigures } from './stage-totals';
import { useDealMove } from './use-deal-move';

const isStage = (id: UniqueIdentifier | undefined): id is DealStage =>
  dealStages.includes(id as DealStage);

/** The pointer decides where a mouse drop lands; a keyboard drag has no pointer, so its card's box does. */
const collisionDetection: CollisionDetection = (args) => {
  const underPointer = pointerWithin(args);
  return underPointer.length > 0 ? underPointer : rectIntersection(args);
};

/** Left and right arrows carry a picked-up card to the middle of the previous or next column. */
const columnCoordinates: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  if (event.code !== 'ArrowRight' && event.code !== 'ArrowLeft') return undefined;
  event.preventDefault();
  const from = context.over?.id ?? context.active?.data.current?.stage;
  const index = dealStages.indexOf(from as DealStage);
  const to = dealStages[index + (event.code === 'ArrowRight' ? 1 : -1)];
  const rect = to ? context.droppableRects.get(to) : undefined;
  if (!rect) return currentCoordinates;
  const width = context.collisionRect?.width ?? 0;
  // Columns wrap onto rows, so the next one may sit lower or higher: aim under its header.
  return { x: rect.left + (rect.width - width) / 2, y: rect.top + 80 };
};

function CardBody({
  card,
  locale,
  handle,
  menu,
}: {
  card: BoardCard;
  locale: string;
  handle?: ReactNode;
  menu?: ReactNode;
}) {
  return (
    <div className="board-card">
      <div className="board-card-head">
        {handle}
        <div className="board-card-name">
          <Link href={`/deals/${card.id}`}>{card.name}</Link>
          <p>{card.clientName}</p>
        </div>
      </div>
      <p className="board-card-amount">
        {formatMoney(card.amountCents, card.currency, locale)}
        <span>{`· ${card.probability}%`}</span>
      </p>
      {/* One string each: text beside an expression is split by a marker in the HTML, four a card. */}
      <p className="board-card-close">
        {`Close ${formatDate(card.expectedClose, { locale })}${card.ownerName ? ` · ${card.ownerName}` : ''}`}
      </p>
      {menu ? <div className="board-card-menu">{menu}</div> : null}
    </div>
  );
}

function DraggableCard({
  card,
  locale,
  onMove,
}: {
  card: BoardCard;
  locale: string;
  onMove: (card: BoardCard, to: DealStage) => void;
}) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({
    id: card.id,
    data: { stage: card.stage },
  });
  return (
    <li ref={setNodeRef} className={isDragging ? 'opacity-40' : undefined}>
      <CardBody
        card={card}
        locale={locale}
        handle={
          <button
            type="button"
            ref={setActivatorNodeRef}
            aria-label={`Drag ${card.name}`}
            className="board-card-grip"
            {...attributes}
            {...listeners}
          >
            <Icon name="grip" />
          </button>
        }
        menu={
          <MoveMenu dealName={card.name} stage={card.stage} onMove={(to) => onMove(card, to)} />
        }
      />
    </li>
  );
}

function Column({
  column,
  locale,
  onMove,
}: {
  column: BoardColumn;
  locale: string;
  onMove: (card: BoardCard, to: DealStage) => void;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: column.stage });
  const count = dealCount(column.totals);
  const headingId = `board-${column.stage}`;
  return (
    <section
      ref={setNodeRef}
      aria-labelledby={headingId}
      className={cn(
        'flex min-w-0 flex-col rounded-lg border border-slate-200 bg-slate-50 p-3',
        isOver && 'border-brand-600 bg-brand-50',
      )}
    >
      <h2 id={headingId} className="mb-1 text-sm font-semibold text-slate-900">
        {dealStageLabels[column.stage]}
      </h2>
      <div className="mb-3 border-b border-slate-200 pb-2">
        <StageFigures totals={column.totals} locale={locale} />
      </div>
      {column.cards.length === 0 ? (
        <p className="py-6 text-center text-xs text-slate-600">
          {isClosedStage(column.stage) ? 'Nothing closed here lately.' : 'No deals here.'}
        </p>
      ) : (
        <ul className="space-y-2">
          {column.cards.map((card) => (
            <DraggableCard key={card.id} card={card} locale={locale} onMove={onMove} />
          ))}
        </ul>
      )}
      {count > column.cards.length ? (
        <Link
          href={`/pipeline?stage=${column.stage}`}
          className="mt-3 text-xs text-brand-700 hover:underline"
        >
          {`${formatCount(column.cards.length, locale)} of ${formatCount(count, locale)} shown · all in the table`}
        </Link>
      ) : null}
    </section>
  );
}

/**
 * The pipeline board: a column per stage. Cards move by drag and drop with the pointer, by
 * keyboard (Space to pick up, arrows, Space to drop), or with each card's "Move to…" menu.
 */
export function DealBoard({ columns, locale }: { columns: BoardColumn[]; locale: string }) {
  const [board, applyMove] = useOptimistic(
    columns,
    (state, move: { id: string; to: DealStage }) => {
      const card = state.flatMap((column) => column.cards).find((item) => item.id === move.id);
      if (!card) return state;
      return state.map((column) => ({
        ...column,
        cards:
          column.stage === move.to
            ? [{ ...card, stage: move.to }, ...column.cards]
            : column.cards.filter((item) => item.id !== move.id),
      }));
    },
  );
  const { requestMove, lostDialog } = useDealMove((deal, to) => applyMove({ id: deal.id, to }));
  const [activeId, setActiveId] = useState<UniqueIdentifier | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnCoordinates }),
  );
  const cards = board.flatMap((column) => column.cards);
  const nameOf = (id: UniqueIdentifier) => cards.find((card) => card.id === id)?.name ?? 'The deal';
  const stageName = (id: UniqueIdentifier | undefined) =>
    isStage(id) ? dealStageLabels[id] : 'no stage';
  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      `Picked up ${nameOf(active.id)}. Use the left and right arrow keys to move it to another stage, Space or Enter to drop it, Escape to cancel.`,
    onDragOver: ({ active, over }) => `${nameOf(active.id)} is over ${stageName(over?.id)}.`,
    onDragEnd: ({ active, over }) => `${nameOf(active.id)} was dropped on ${stageName(over?.id)}.`,
    onDragCancel: ({ active }) => `Moving ${nameOf(active.id)} was cancelled.`,
  };
  const activeCard = cards.find((card) => card.id === activeId);

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisionDetection}
      accessibility={{
        announcements,
        screenReaderInstructions: {
          draggable:
            'To move a deal, press Space or Enter on its handle, use the left and right arrow keys to choose a stage, then press Space or Enter to drop it. Each card also has a Move to menu.',
        },
      }}
      onDragStart={({ active }) => setActiveId(active.id)}
      onDragCancel={() => setActiveId(null)}
      onDragEnd={({ active, over }) => {
        setActiveId(null);
        const card = cards.find((item) => item.id === active.id);
        if (card && isStage(over?.id) && over.id !== card.stage) requestMove(card, over.id);
      }}
    >
      {/* Columns wrap rather than scroll sideways, so a keyboard drag never has to scroll to a column. */}
      <div className="@container mb-4">
        <div className="grid gap-3 @xl:grid-cols-2 @3xl:grid-cols-3 @7xl:grid-cols-6">
          {board.map((column) => (
            <Column key={column.stage} column={column} locale={locale} onMove={requestMove} />
          ))}
        </div>
      </div>
      <DragOverlay>
        {activeCard ? <CardBody card={activeCard} locale={locale} /> : null}
      </DragOverlay>
      {lostDialog}
    </DndContext>
  );
}
