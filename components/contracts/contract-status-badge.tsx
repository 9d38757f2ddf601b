import { Badge } from '@/components/ui/card';
import { contractStatusLabels, type ContractStatus } from '@/lib/contracts';

const tones: Record<ContractStatus, 'slate' | 'green' | 'red' | 'blue' | 'amber'> = {
  draft: 'slate',
  sent: 'blue',
  signed: 'amber',
  active: 'green',
  expired: 'slate',
  terminated: 'red',
};

export function ContractStatusBadge({ status }: { status: ContractStatus }) {
  return <Badge tone={tones[status]}>{contractStatusLabels[status]}</Badge>;
}
