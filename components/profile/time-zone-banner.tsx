'use client';

import { useRouter } from 'next/navigation';
import { useState, useSyncExternalStore, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { chooseTimeZone } from '@/server/profile/actions';

// The browser's zone does not change while a page is open, so there is nothing to subscribe to.
const subscribe = () => () => {};
const readBrowserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const noZoneOnServer = () => null;

/**
 * Offered until the user chooses a zone themselves: "Your browser says Europe/Warsaw — use it?".
 * The browser's zone is only known in the browser, so the server renders nothing.
 */
export function TimeZoneBanner({ timeZone }: { timeZone: string }) {
  const router = useRouter();
  const browserZone = useSyncExternalStore(subscribe, readBrowserZone, noZoneOnServer);
  const [answered, setAnswered] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  if (answered || !browserZone || browserZone === timeZone) return null;

  const choose = (zone: string) =>
    startTransition(async () => {
      const formData = new FormData();
      formData.set('timeZone', zone);
      const result = await chooseTimeZone(null, formData);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setAnswered(true);
      router.refresh();
    });

  return (
    <section
      aria-label="Time zone"
      className="flex flex-wrap items-center gap-3 border-b border-amber-200 bg-amber-50 px-6 py-2 text-sm text-amber-900"
    >
      <p>
        Your browser says <strong>{browserZone}</strong> — use it? Accord shows times in{' '}
        <strong>{timeZone}</strong> now.
      </p>
      <div className="flex gap-2">
        <Button disabled={pending} onClick={() => choose(browserZone)}>
          Use {browserZone}
        </Button>
        <Button variant="secondary" disabled={pending} onClick={() => choose(timeZone)}>
          Keep {timeZone}
        </Button>
      </div>
      {error ? <p className="text-red-700">{error}</p> : null}
    </section>
  );
}
