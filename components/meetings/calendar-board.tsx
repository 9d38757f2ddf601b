'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { buttonClasses } from '@/components/ui/button';
import { calendarHref, shiftCalendarDate, type CalendarState } from '@/lib/calendar';
import type { ViewerFormat } from '@/lib/format';
import { calendarViews, meetingKindLabels, meetingKinds } from '@/lib/meetings';
import { cn } from '@/lib/utils';
import type { LocalDate } from '@/lib/zoned-time';
import { AgendaView } from './agenda-view';
import { CalendarClientAdder } from './calendar-client-adder';
import type { CalendarEntry } from './calendar-types';
import { MonthView } from './month-view';
import { WeekView } from './week-view';

const viewLabels = { week: 'Week', month: 'Month', agenda: 'Agenda' } as const;

type Option = { id: string; name: string };

/** /calendar: the views, the page switcher and the calendars a coordinator keeps, in the URL. */
export function CalendarBoard({
  state,
  days,
  today,
  viewer,
  workingHours,
  people,
  clients,
  colours,
  meetings,
  truncated,
}: {
  state: CalendarState & { date: LocalDate };
  days: LocalDate[];
  today: LocalDate;
  viewer: ViewerFormat;
  workingHours: { start: string; end: string };
  people: Option[];
  clients: Option[];
  /** `person:<id>`, `client:<id>` or `kind:<kind>` → its colour classes. */
  colours: Record<string, string>;
  meetings: CalendarEntry[];
  truncated: boolean;
}) {
  const router = useRouter();
  const go = (changes: Partial<CalendarState>) =>
    router.push(calendarHref({ ...state, ...changes }), { scroll: false });
  const toggle = <T extends string>(list: T[], value: T) =>
    list.includes(value) ? list.filter((item) => item !== value) : [...list, value];
  const title = new Intl.DateTimeFormat(viewer.locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${state.view === 'month' ? state.date : days[0]}T12:00:00Z`));

  return (
    <div className="flex flex-col gap-6 lg:flex-row">
      <aside className="space-y-5 lg:w-56 lg:shrink-0" aria-label="Calendars">
        <Link
          href={`/calendar/new?date=${state.date}`}
          className={buttonClasses('primary', 'w-full')}
        >
          New meeting
        </Link>
        <CalendarGroup title="People">
          {people.map((person) => (
            <CalendarToggle
              key={person.id}
              label={person.name}
              colour={colours[`person:${person.id}`]}
              checked={state.people.includes(person.id)}
              onChange={() => go({ people: toggle(state.people, person.id) })}
            />
          ))}
        </CalendarGroup>
        <CalendarGroup title="Clients">
          {clients.map((client) => (
            <CalendarToggle
              key={client.id}
              label={client.name}
              colour={colours[`client:${client.id}`]}
              checked
              onChange={() => go({ clients: state.clients.filter((id) => id !== client.id) })}
            />
          ))}
          <CalendarClientAdder
            onAdd={(clientId) =>
              state.clients.includes(clientId)
                ? undefined
                : go({ clients: [...state.clients, clientId] })
            }
          />
        </CalendarGroup>
        <CalendarGroup title="Kinds">
          {meetingKinds.map((kind) => (
            <CalendarToggle
              key={kind}
              label={`Every ${meetingKindLabels[kind].toLowerCase()}`}
              colour={colours[`kind:${kind}`]}
              checked={state.kinds.includes(kind)}
              onChange={() => go({ kinds: toggle(state.kinds, kind) })}
            />
          ))}
        </CalendarGroup>
      </aside>

      <section className="min-w-0 flex-1 space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
            <nav aria-label="Calendar pages" className="flex gap-1">
              <Link
                className={buttonClasses('secondary')}
                href={calendarHref({
                  ...state,
                  date: shiftCalendarDate(state.view, state.date, -1),
                })}
                aria-label={`Previous ${state.view === 'agenda' ? 'two weeks' : state.view}`}
              >
                ‹
              </Link>
              <Link
                className={buttonClasses('secondary')}
                href={calendarHref({ ...state, date: today })}
              >
                Today
              </Link>
              <Link
                className={buttonClasses('secondary')}
                href={calendarHref({
                  ...state,
                  date: shiftCalendarDate(state.view, state.date, 1),
                })}
                aria-label={`Next ${state.view === 'agenda' ? 'two weeks' : state.view}`}
              >
                ›
              </Link>
            </nav>
          </div>
          <nav
            aria-label="Calendar views"
            className="flex rounded-md border border-slate-300 bg-white p-0.5"
          >
            {calendarViews.map((view) => (
              <Link
                key={view}
                href={calendarHref({ ...state, view })}
                aria-current={state.view === view ? 'page' : undefined}
                className={cn(
                  'rounded px-3 py-1.5 text-sm font-medium',
                  state.view === view
                    ? 'bg-brand-600 text-white'
                    : 'text-slate-700 hover:bg-slate-100',
                )}
              >
                {viewLabels[view]}
              </Link>
            ))}
          </nav>
        </div>
        {truncated ? (
          <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
            Showing the first 1,000 meetings: switch some calendars off to see the rest.
          </p>
        ) : null}
        {state.view === 'week' ? (
          <WeekView
            days={days}
            today={today}
            meetings={meetings}
            viewer={viewer}
            workingHours={workingHours}
          />
        ) : state.view === 'month' ? (
          <MonthView
            days={days}
            month={state.date.slice(0, 7)}
            today={today}
            meetings={meetings}
            viewer={viewer}
          />
        ) : (
          <AgendaView days={days} meetings={meetings} viewer={viewer} />
        )}
      </section>
    </div>
  );
}

function CalendarGroup({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <fieldset className="space-y-1">
      <legend className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">
        {title}
      </legend>
      {children}
    </fieldset>
  );
}

function CalendarToggle({
  label,
  colour,
  checked,
  onChange,
}: {
  label: string;
  colour?: string;
  checked: boolean;
  onChange: () => void;
}) {
  return (
    <label className="flex cursor-pointer items-center gap-2 rounded px-1 py-0.5 text-sm text-slate-800 hover:bg-slate-50">
      <input type="checkbox" checked={checked} onChange={onChange} />
      <span
        aria-hidden
        className={cn('size-3 shrink-0 rounded-sm border', colour ?? 'border-slate-300 bg-white')}
      />
      <span className="truncate">{label}</span>
    </label>
  );
}
