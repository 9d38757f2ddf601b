import Link from 'next/link';
import type { ReactNode } from 'react';
import { ListLayout } from '@/components/data-table/list-layout';
import { buttonClasses } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';

export default function InvoicesLayout({ children }: { children: ReactNode }) {
  return (
    <ListLayout
      savedViews="invoices"
      header={
        <PageHeader
          title="Invoices"
          description="Drafts, issued invoices, payments and what is still owed."
          actions={
            <div className="flex gap-2">
              <Link href="/invoices/aging" className={buttonClasses('secondary')}>
                Aging report
              </Link>
              <Link href="/invoices/new" className={buttonClasses('primary')}>
                New invoice
              </Link>
            </div>
          }
        />
      }
    >
      {children}
    </ListLayout>
  );
}
