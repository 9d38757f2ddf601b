import type { Metadata } from 'next';
import Link from 'next/link';
import { CompetitorForm } from '@/components/competitors/competitor-form';
import { Card, PageHeader } from '@/components/ui/card';
import { formatCount } from '@/lib/format';
import { requirePermission } from '@/server/auth/session';
import { listCompetitors } from '@/server/competitors/queries';

export const metadata: Metadata = { title: 'Competitors' };

export default async function CompetitorsPage() {
  const viewer = await requirePermission('clients.read');
  const competitors = await listCompetitors(viewer);
  return (
    <>
      <PageHeader
        title="Competitors"
        description="Who else our clients and prospects are talking to, and how we compare."
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title={`Registry (${competitors.length})`} className="lg:col-span-2">
          {competitors.length === 0 ? (
            <p className="text-sm text-slate-600">No competitors yet. Add the first one.</p>
          ) : (
            <table
              className="min-w-full divide-y divide-slate-200 text-sm"
              aria-label="Competitors"
            >
              <thead>
                <tr>
                  <th scope="col" className="py-2 text-left font-semibold">
                    Name
                  </th>
                  <th scope="col" className="py-2 text-left font-semibold">
                    Website
                  </th>
                  <th scope="col" className="py-2 text-right font-semibold">
                    Clients
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {competitors.map((competitor) => (
                  <tr key={competitor.id}>
                    <td className="py-2">
                      <Link
                        href={`/competitors/${competitor.id}`}
                        className="font-medium text-brand-700 hover:underline"
                      >
                        {competitor.name}
                      </Link>
                    </td>
                    <td className="py-2 text-slate-700">{competitor.website ?? '—'}</td>
                    <td className="py-2 text-right">
                      {formatCount(competitor.clientCount, viewer.locale)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
        <Card title="Add a competitor">
          <CompetitorForm />
        </Card>
      </div>
    </>
  );
}
