import type { CalendarView, MeetingKind } from './meetings';
import { addDays, startOfWeek, zonedTimeToInstant, type LocalDate } from './zoned-time';

/** How many days the agenda lists from its date. */
export const agendaDays = 14;

/** The days a view shows around `date`, in the viewer's calendar, and the instants they span. */
export function calendarRange(view: CalendarView, date: LocalDate, timeZone: string) {
  let first: LocalDate;
  let count: number;
  if (view === 'week') {
    first = startOfWeek(date);
    count = 7;
  } else if (view === 'month') {
    first = startOfWeek(`${date.slice(0, 8)}01`);
    count = 42;
  } else {
    first = date;
    count = agendaDays;
  }
  const days = Array.from({ length: count }, (_, index) => addDays(first, index));
  return {
    days,
    from: zonedTimeToInstant(first, '00:00', timeZone),
    to: zonedTimeToInstant(addDays(first, count), '00:00', timeZone),
  };
}

/** The date the previous or next page of a view opens on. */
export function shiftCalendarDate(view: CalendarView, date: LocalDate, direction: 1 | -1) {
  if (view === 'week') return addDays(date, 7 * direction);
  if (view === 'agenda') return addDays(date, 14 * direction);
  const [year, month] = date.split('-').map(Number);
  const moved = new Date(Date.UTC(year!, month! - 1 + direction, 1));
  return moved.toISOString().slice(0, 10);
}

export type CalendarState = {
  view: CalendarView;
  date?: LocalDate;
  people: string[];
  clients: string[];
  kinds: MeetingKind[];
};

/** The /calendar URL of a state: the calendars switched on stay in it. */
export function calendarHref(state: CalendarState) {
  const params = new URLSearchParams();
  if (state.view !== 'week') params.set('view', state.view);
  if (state.date) params.set('date', state.date);
  if (state.people.length) params.set('people', state.people.join(','));
  if (state.clients.length) params.set('clients', state.clients.join(','));
  if (state.kinds.length) params.set('kinds', state.kinds.join(','));
  // Every calendar switched off is a choice too, not the default of one's own calendar.
  if (!state.people.length && !state.clients.length && !state.kinds.length)
    params.set('people', '');
  const query = params.toString();
  return query ? `/calendar?${query}` : '/calendar';
}
