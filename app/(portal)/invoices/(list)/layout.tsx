import Link from 'next/link';
import type { ReactNode } from 'react';
import { SavedViewsBar } from '@/components/saved-views/saved-views-bar';
import { buttonClasses } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/server/auth/session';
import { savedViewsBar } from '@/server/saved-views/queries';

/** What the invoices list shows at every address: paging, sorting and filtering skip it. */
export default async function InvoicesLayout({ children }: { children: ReactNode }) {
  const viewer = await requirePermission('clients.read');
  return (
    <>
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
      <SavedViewsBar bar={await savedViewsBar(viewer, 'invoices')} />
      {children}
    </>
  );
}
