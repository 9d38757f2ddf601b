import type { MeetingKind, MeetingStatus } from '@/lib/meetings';

/** A meeting as the calendar views draw it: times as ISO instants, its calendar's colour. */
export type CalendarEntry = {
  id: string;
  title: string;
  kind: MeetingKind;
  status: MeetingStatus;
  clientName: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  version: number;
  colour: string;
};
