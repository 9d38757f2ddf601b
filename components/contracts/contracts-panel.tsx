import Link from 'next/link';
import { Card } from '@/components/ui/card';
import type { ContractStatus } from '@/lib/contracts';
import { formatDate, formatMoney, type ViewerFormat } from '@/lib/format';
import { ContractStatusBadge } from './contract-status-badge';
import { CreateContractButton } from './create-contract-button';

/** The contracts of a client, newest first, with a blank draft to start another. */
export function ContractsPanel({
  clientId,
  contracts,
  viewer,
}: {
  clientId: string;
  viewer: ViewerFormat;
  contracts: {
    id: string;
    title: string;
    status: ContractStatus;
    valueCents: number;
    currency: string;
    endDate: string | null;
  }[];
}) {
  return (
    <Card
      title="Contracts"
      actions={
        <CreateContractButton from={{ clientId }} label="New contract" variant="secondary" />
      }
    >
      {contracts.length === 0 ? (
        <p className="text-sm text-slate-600">No contracts yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {contracts.map((contract) => (
            <li
              key={contract.id}
              className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
            >
              <Link
                href={`/contracts/${contract.id}`}
                className="font-medium text-brand-700 hover:underline"
              >
                {contract.title}
              </Link>
              <span className="flex shrink-0 items-center gap-2">
                <span className="tabular-nums">
                  {formatMoney(contract.valueCents, contract.currency, viewer.locale)}
                </span>
                {contract.endDate ? (
                  <span className="text-slate-600">to {formatDate(contract.endDate, viewer)}</span>
                ) : null}
                <ContractStatusBadge status={contract.status} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
