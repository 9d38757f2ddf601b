'use client';

import { useSearchParams } from 'next/navigation';
import { Icon } from '@/components/ui/icon';
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
      <Icon name="download" />
      Export CSV
    </a>
  );
}
