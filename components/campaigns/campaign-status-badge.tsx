import { Badge } from '@/components/ui/card';
import { campaignStatusLabels, type CampaignStatus } from '@/lib/campaigns';

const tones: Record<CampaignStatus, 'slate' | 'green' | 'red' | 'blue' | 'amber'> = {
  planned: 'blue',
  running: 'green',
  done: 'slate',
  cancelled: 'red',
};

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  return <Badge tone={tones[status]}>{campaignStatusLabels[status]}</Badge>;
}
