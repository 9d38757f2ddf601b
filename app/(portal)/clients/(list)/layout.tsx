import type { ReactNode } from 'react';
import { ClientsListLayout } from '@/components/clients/clients-list-page';

export default function ClientsLayout({ children }: { children: ReactNode }) {
  return <ClientsListLayout prospects={false}>{children}</ClientsListLayout>;
}
