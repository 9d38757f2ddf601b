import { Badge } from '@/components/ui/card';
import { proposalStatusLabels, type ProposalStatus } from '@/lib/proposals';

const tones: Record<ProposalStatus, 'slate' | 'green' | 'red' | 'blue' | 'amber'> = {
  draft: 'slate',
  in_review: 'blue',
  changes_requested: 'amber',
  approved: 'green',
  rejected: 'red',
  sent: 'blue',
  accepted: 'green',
  declined: 'red',
  expired: 'slate',
  withdrawn: 'slate',
};

export function ProposalStatusBadge({ status }: { status: ProposalStatus }) {
  return <Badge tone={tones[status]}>{proposalStatusLabels[status]}</Badge>;
}
