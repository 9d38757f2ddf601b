import type { Metadata } from 'next';
import { ClientsListPage } from '@/components/clients/clients-list-page';

export const metadata: Metadata = { title: 'Clients' };

export default function ClientsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return <ClientsListPage searchParams={searchParams} prospects={false} />;
}
