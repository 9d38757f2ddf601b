import { Badge } from '@/components/ui/card';
import { dealStageLabels, type DealStage } from '@/lib/deals';

const tones = {
  lead: 'slate',
  qualified: 'blue',
  proposal: 'blue',
  negotiation: 'amber',
  won: 'green',
  lost: 'red',
} as const;

export function DealStageBadge({ stage }: { stage: DealStage }) {
  return <Badge tone={tones[stage]}>{dealStageLabels[stage]}</Badge>;
}
