import type { ReactNode } from 'react';
import { ClientsListLayout } from '@/components/clients/clients-list-page';

export default function ProspectsLayout({ children }: { children: ReactNode }) {
  return <ClientsListLayout prospects>{children}</ClientsListLayout>;
}
