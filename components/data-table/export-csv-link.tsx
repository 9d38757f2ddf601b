'use client';

import { Download } from 'lucide-react';
import { useSearchParams } from 'next/navigation';
import { buttonClasses } from '@/components/ui/button';

/**
 * "Export CSV" of the list's current filters, search and sort: the address's state less where
 * the reader is (page, size) and what only the screen shows (hidden columns).
 */
export function ExportCsvLink({ href }: { href: string }) {
  const query = new URLSearchParams(useSearchParams().toString());
  for (const key of ['page', 'size', 'hide']) query.delete(key);
  return (
    <a href={`${href}?${query}`} className={buttonClasses('secondary')} download>
      <Download aria-hidden className="size-4" />
      Export CSV
    </a>
  );
}
