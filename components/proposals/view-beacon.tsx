'use client';

import { useEffect, useRef } from 'react';
import { confirmProposalView } from '@/server/proposals/actions';

/**
 * Tells the server the share page is really shown in a browser: link previews and mail scanners
 * fetch the page but never run this, so only the client's own opening counts as a view.
 */
export function ViewBeacon({ token, viewId }: { token: string; viewId: number | null }) {
  const reported = useRef(false);
  useEffect(() => {
    const report = () => {
      if (reported.current || document.visibilityState !== 'visible') return;
      reported.current = true;
      void confirmProposalView({ token, viewId });
    };
    report();
    document.addEventListener('visibilitychange', report);
    return () => document.removeEventListener('visibilitychange', report);
  }, [token, viewId]);
  return null;
}
