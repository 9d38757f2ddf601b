import type { Metadata } from 'next';
import { ClientsListPage } from '@/components/clients/clients-list-page';

export const metadata: Metadata = { title: 'Prospects' };

export default function ProspectsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return <ClientsListPage searchParams={searchParams} prospects />;
}
