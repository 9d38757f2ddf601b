'use client';

import { useRouter } from 'next/navigation';
import { Button } from './button';

/** Shown when a save was refused because someone else saved first: reload, then edit again. */
export function StaleNotice({ message, onReload }: { message: string; onReload?: () => void }) {
  const router = useRouter();
  return (
    <div
      role="alert"
      className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
    >
      <span>{message}</span>
      <Button
        variant="secondary"
        onClick={() => {
          onReload?.();
          router.refresh();
        }}
      >
        Reload
      </Button>
    </div>
  );
}
