'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useTransition } from 'react';

/**
 * The list's state lives in the URL, so a view can be shared and the back button works. `update`
 * changes some parameters (null or '' removes one) and goes back to page 1 unless it sets `page`.
 */
export function useUrlState() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [isPending, startTransition] = useTransition();

  const update = useCallback(
    (changes: Record<string, string | number | null | undefined>) => {
      const next = new URLSearchParams(searchParams.toString());
      for (const [key, value] of Object.entries(changes)) {
        if (value === null || value === undefined || value === '') next.delete(key);
        else next.set(key, String(value));
      }
      if (!('page' in changes)) next.delete('page');
      const query = next.toString();
      startTransition(() =>
        router.push(query ? `${pathname}?${query}` : pathname, { scroll: false }),
      );
    },
    [pathname, router, searchParams],
  );

  return { searchParams, update, isPending };
}
