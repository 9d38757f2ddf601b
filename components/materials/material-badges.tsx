import { Badge } from '@/components/ui/card';
import { materialStatusLabels, type MaterialStatus } from '@/lib/materials';

const tones: Record<MaterialStatus, 'slate' | 'blue' | 'amber' | 'green'> = {
  requested: 'slate',
  in_progress: 'blue',
  in_review: 'amber',
  ready: 'green',
};

export function MaterialStatusBadge({ status }: { status: MaterialStatus }) {
  return <Badge tone={tones[status]}>{materialStatusLabels[status]}</Badge>;
}
