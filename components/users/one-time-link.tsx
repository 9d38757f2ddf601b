'use client';

import { Copy } from 'lucide-react';
import { useSyncExternalStore } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';

// The page's origin never changes while it is open.
const noSubscription = () => () => {};

/** A set-password link, shown once: Accord keeps only its hash. */
export function OneTimeLink({ token }: { token: string }) {
  const origin = useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => '',
  );
  const link = `${origin}/set-password/${token}`;
  return (
    <div className="space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3">
      <p className="text-sm text-amber-900">
        Send this link to the user. It works once, for 7 days, and is not shown again.
      </p>
      <div className="flex gap-2">
        <input
          aria-label="Set-password link"
          readOnly
          value={link}
          onFocus={(event) => event.target.select()}
          className="min-w-0 flex-1 rounded-md border border-amber-300 bg-white px-2 py-1.5 font-mono text-xs"
        />
        <Button
          variant="secondary"
          onClick={() =>
            navigator.clipboard.writeText(link).then(() => toast.success('Link copied'))
          }
        >
          <Copy aria-hidden className="size-4" />
          Copy
        </Button>
      </div>
    </div>
  );
}
