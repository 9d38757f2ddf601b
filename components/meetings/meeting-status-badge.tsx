import { Badge } from '@/components/ui/card';
import { meetingStatusLabels, type MeetingStatus } from '@/lib/meetings';

const tones = { scheduled: 'blue', completed: 'green', cancelled: 'red' } as const;

export function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  return <Badge tone={tones[status]}>{meetingStatusLabels[status]}</Badge>;
}
