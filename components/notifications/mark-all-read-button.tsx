'use client';

import { useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { markAllNotificationsRead } from '@/server/notifications/actions';

/** Marks every notification read; the action re-renders the page and the bell with it. */
export function MarkAllReadButton({ disabled }: { disabled: boolean }) {
  const [isPending, startTransition] = useTransition();
  return (
    <Button
      variant="secondary"
      disabled={disabled || isPending}
      onClick={() => startTransition(async () => void (await markAllNotificationsRead()))}
    >
      {isPending ? 'Marking…' : 'Mark all as read'}
    </Button>
  );
}
