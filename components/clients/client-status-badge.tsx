import { Badge } from '@/components/ui/card';
import { clientStatusLabels, type ClientStatus } from '@/lib/clients';

const tones = { prospect: 'blue', active: 'green', paused: 'amber', churned: 'red' } as const;

export function ClientStatusBadge({ status }: { status: ClientStatus }) {
  return <Badge tone={tones[status]}>{clientStatusLabels[status]}</Badge>;
}
