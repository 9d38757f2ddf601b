import { Badge } from '@/components/ui/card';
import { templateStatusLabels, type TemplateStatus } from '@/lib/templates';

const tones = { draft: 'slate', published: 'green', archived: 'amber' } as const;

export function TemplateStatusBadge({ status }: { status: TemplateStatus }) {
  return <Badge tone={tones[status]}>{templateStatusLabels[status]}</Badge>;
}
