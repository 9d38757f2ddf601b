import { overlaps, type Interval } from './meetings';
import { isoWeekday, localDateOf, minutesOfDay, zonedTimeToInstant } from './zoned-time';

/** What "find a time" knows of one attendee: their working week and when they are busy. */
export type SlotAttendee = {
  timeZone: string;
  workingHoursStart: string;
  workingHoursEnd: string;
  /** ISO weekdays, 1 (Monday) to 7 (Sunday). */
  workingDays: readonly number[];
  /** Their scheduled meetings, travel buffers included. */
  busy: readonly Interval[];
};

export type SlotSearch = {
  attendees: readonly SlotAttendee[];
  durationMinutes: number;
  from: Date;
  /** How far ahead to look. */
  days?: number;
  /** Slots start on multiples of this many minutes. */
  stepMinutes?: number;
  limit?: number;
};

/** Whether `slot` lies inside one working day of `attendee`, read in their own zone. */
function withinWorkingHours(slot: Interval, attendee: SlotAttendee) {
  const date = localDateOf(slot.start, attendee.timeZone);
  if (!attendee.workingDays.includes(isoWeekday(date))) return false;
  if (minutesOfDay(attendee.workingHoursEnd) <= minutesOfDay(attendee.workingHoursStart)) {
    return false;
  }
  const dayStart = zonedTimeToInstant(date, attendee.workingHoursStart, attendee.timeZone);
  const dayEnd = zonedTimeToInstant(date, attendee.workingHoursEnd, attendee.timeZone);
  return slot.start >= dayStart && slot.end <= dayEnd;
}

/**
 * The next slots of `durationMinutes` (over the next two weeks by default) that fall within
 * every attendee's working hours in their own time zone and clash with none of their meetings.
 */
export function findFreeSlots({
  attendees,
  durationMinutes,
  from,
  days = 14,
  stepMinutes = 30,
  limit = 8,
}: SlotSearch): Interval[] {
  const step = stepMinutes * 60_000;
  const duration = durationMinutes * 60_000;
  const horizon = from.getTime() + days * 86_400_000;
  const slots: Interval[] = [];
  for (let start = Math.ceil(from.getTime() / step) * step; start < horizon; start += step) {
    const slot = { start: new Date(start), end: new Date(start + duration) };
    const free = attendees.every(
      (attendee) =>
        withinWorkingHours(slot, attendee) &&
        !attendee.busy.some((interval) => overlaps(interval, slot)),
    );
    if (!free) continue;
    slots.push(slot);
    if (slots.length >= limit) break;
  }
  return slots;
}
