'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useId, useState, useTransition, type FormEvent } from 'react';
import { toast } from 'sonner';
import { ClientPicker } from '@/components/deals/client-picker';
import { Button } from '@/components/ui/button';
import { Field, Input, Select, TextField, Textarea, fieldAria } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-message';
import type { FieldErrors } from '@/lib/action-result';
import type { ViewerFormat } from '@/lib/format';
import {
  formatMeetingTime,
  meetingKindLabels,
  meetingKinds,
  type MeetingKind,
} from '@/lib/meetings';
import { weekdays } from '@/lib/profile';
import { localDateOf, localTimeOf, minutesOfDay } from '@/lib/zoned-time';
import {
  createMeeting,
  findTimes,
  loadClientMeetingOptions,
  updateMeeting,
} from '@/server/meetings/actions';
import type { ClientMeetingOptions } from '@/server/meetings/queries';

export type MeetingFormValues = {
  kind: MeetingKind;
  title: string;
  date: string;
  startTime: string;
  endTime: string;
  timeZone: string;
  location: string;
  videoUrl: string;
  agenda: string;
  dealId: string;
  attendeeIds: string[];
  contactIds: string[];
};

type Person = { id: string; name: string; timeZone: string };

type Props = {
  people: Person[];
  timeZones: string[];
  viewer: ViewerFormat;
  values: MeetingFormValues;
  /** Editing: the meeting, its version, whether it is part of a series, and its client's options. */
  meeting?: { id: string; version: number; inSeries: boolean; options: ClientMeetingOptions };
};

const repeatLabels = {
  none: 'Does not repeat',
  daily: 'Daily',
  weekly: 'Weekly',
  monthly: 'Monthly',
};

/**
 * Schedules or edits a meeting. A save that overlaps an attendee's other meeting comes back with
 * who is busy when; the organiser can then save on purpose. "Find a time" fills in a free slot.
 */
export function MeetingForm({ people, timeZones, viewer, values: initial, meeting }: Props) {
  const router = useRouter();
  const id = useId();
  const [values, setValues] = useState(initial);
  const [options, setOptions] = useState<ClientMeetingOptions | null>(meeting?.options ?? null);
  const [repeat, setRepeat] = useState({
    frequency: 'none',
    interval: '1',
    weekdays: [] as number[],
    untilDate: '',
    count: '',
  });
  const [scope, setScope] = useState<'one' | 'series'>('one');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [overlap, setOverlap] = useState<string[] | null>(null);
  const [slots, setSlots] = useState<{ start: string; end: string }[] | null>(null);
  const [saving, startSaving] = useTransition();
  const [searching, startSearching] = useTransition();
  const set = <K extends keyof MeetingFormValues>(key: K, value: MeetingFormValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setOverlap(null);
  };
  const toggle = (key: 'attendeeIds' | 'contactIds', value: string) =>
    set(
      key,
      values[key].includes(value)
        ? values[key].filter((item) => item !== value)
        : [...values[key], value],
    );

  useEffect(() => {
    const clientId = new URLSearchParams(window.location.search).get('client');
    if (meeting || !clientId) return;
    loadClientMeetingOptions(clientId).then(setOptions);
  }, [meeting]);

  const duration = minutesOfDay(values.endTime) - minutesOfDay(values.startTime);

  function findTime() {
    startSearching(async () => {
      setSlots(
        await findTimes({
          attendeeIds: values.attendeeIds,
          durationMinutes: duration > 0 ? duration : 60,
        }),
      );
    });
  }

  function pickSlot(slot: { start: string; end: string }) {
    const start = new Date(slot.start);
    const end = new Date(slot.end);
    setValues((current) => ({
      ...current,
      date: localDateOf(start, current.timeZone),
      startTime: localTimeOf(start, current.timeZone),
      endTime: localTimeOf(end, current.timeZone),
    }));
    setOverlap(null);
    toast.success(`Picked ${formatMeetingTime(start, end, viewer)}.`);
  }

  function save(acknowledgeOverlap: boolean) {
    startSaving(async () => {
      const input = {
        ...values,
        clientId: options?.client.id ?? '',
        acknowledgeOverlap,
        ...(meeting
          ? { meetingId: meeting.id, version: meeting.version, scope }
          : {
              repeat: {
                ...repeat,
                count: repeat.count ? repeat.count : null,
                untilDate: repeat.untilDate,
              },
            }),
      };
      const result = meeting ? await updateMeeting(input) : await createMeeting(input);
      if (result.ok) {
        toast.success(meeting ? 'Meeting saved.' : 'Meeting scheduled.');
        router.push(`/meetings/${result.data.id}`);
        router.refresh();
        return;
      }
      const fieldErrors = result.fieldErrors ?? {};
      if (result.code === 'conflict' && fieldErrors.overlap) {
        setOverlap(fieldErrors.overlap);
        setErrors({});
        setMessage(null);
        return;
      }
      setErrors(fieldErrors);
      setMessage(result.error);
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    save(false);
  }

  return (
    <form onSubmit={submit} className="grid max-w-3xl gap-5" noValidate>
      <FormError message={message} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${id}-kind`} label="Kind" error={errors.kind}>
          <Select
            id={`${id}-kind`}
            value={values.kind}
            onChange={(event) => set('kind', event.target.value as MeetingKind)}
          >
            {meetingKinds.map((kind) => (
              <option key={kind} value={kind}>
                {meetingKindLabels[kind]}
              </option>
            ))}
          </Select>
        </Field>
        <TextField
          id={`${id}-title`}
          label="Title"
          value={values.title}
          error={errors.title}
          onChange={(event) => set('title', event.target.value)}
        />
      </div>

      {meeting ? (
        <p className="text-sm text-slate-700">
          Client: <strong>{options?.client.name}</strong>
        </p>
      ) : options ? (
        <p className="text-sm text-slate-700">
          Client: <strong>{options.client.name}</strong>{' '}
          <button
            type="button"
            className="text-brand-700 underline"
            onClick={() => setOptions(null)}
          >
            Change
          </button>
        </p>
      ) : (
        <ClientPicker
          error={errors.clientId}
          onChange={(client) => {
            if (client) loadClientMeetingOptions(client.id).then(setOptions);
          }}
        />
      )}
      {options && options.deals.length > 0 ? (
        <Field id={`${id}-deal`} label="Deal (optional)" error={errors.dealId}>
          <Select
            id={`${id}-deal`}
            value={values.dealId}
            onChange={(event) => set('dealId', event.target.value)}
          >
            <option value="">No deal</option>
            {options.deals.map((deal) => (
              <option key={deal.id} value={deal.id}>
                {deal.name}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}

      <div className="grid gap-4 sm:grid-cols-4">
        <TextField
          id={`${id}-date`}
          label="Date"
          type="date"
          value={values.date}
          error={errors.date}
          onChange={(event) => set('date', event.target.value)}
        />
        <TextField
          id={`${id}-start`}
          label="Start"
          type="time"
          step={300}
          value={values.startTime}
          error={errors.startTime}
          onChange={(event) => set('startTime', event.target.value)}
        />
        <TextField
          id={`${id}-end`}
          label="End"
          type="time"
          step={300}
          value={values.endTime}
          error={errors.endTime}
          onChange={(event) => set('endTime', event.target.value)}
        />
        <Field id={`${id}-zone`} label="Time zone" error={errors.timeZone}>
          <Input
            id={`${id}-zone`}
            list={`${id}-zones`}
            value={values.timeZone}
            {...fieldAria(`${id}-zone`, errors.timeZone)}
            onChange={(event) => set('timeZone', event.target.value)}
          />
          <datalist id={`${id}-zones`}>
            {timeZones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
        </Field>
      </div>

      <fieldset
        className="space-y-2"
        aria-describedby={errors.attendeeIds ? `${id}-people-error` : undefined}
      >
        <legend className="text-sm font-medium text-slate-800">People invited</legend>
        <div className="grid max-h-48 gap-1 overflow-y-auto rounded-md border border-slate-200 p-2 sm:grid-cols-2">
          {people.map((person) => (
            <label key={person.id} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={values.attendeeIds.includes(person.id)}
                onChange={() => toggle('attendeeIds', person.id)}
              />
              <span className="truncate">
                {person.name} <span className="text-xs text-slate-500">({person.timeZone})</span>
              </span>
            </label>
          ))}
        </div>
        {errors.attendeeIds ? (
          <p id={`${id}-people-error`} className="text-sm text-red-700">
            {errors.attendeeIds.join(' ')}
          </p>
        ) : null}
      </fieldset>

      <section
        aria-labelledby={`${id}-find`}
        className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3"
      >
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id={`${id}-find`} className="text-sm font-semibold text-slate-800">
            Find a time
          </h2>
          <Button
            variant="secondary"
            onClick={findTime}
            disabled={searching || values.attendeeIds.length === 0}
          >
            {searching ? 'Looking…' : `Find ${duration > 0 ? duration : 60} free minutes`}
          </Button>
        </div>
        <p className="text-xs text-slate-600">
          The next free slots in the coming two weeks, within every invited person&apos;s working
          hours in their own time zone.
        </p>
        {slots ? (
          slots.length === 0 ? (
            <p className="text-sm text-slate-700">No common free time in the next two weeks.</p>
          ) : (
            <ul className="flex flex-wrap gap-2" aria-label="Free slots">
              {slots.map((slot) => (
                <li key={slot.start}>
                  <Button variant="secondary" onClick={() => pickSlot(slot)}>
                    {formatMeetingTime(new Date(slot.start), new Date(slot.end), viewer)}
                  </Button>
                </li>
              ))}
            </ul>
          )
        ) : null}
      </section>

      {options && options.contacts.length > 0 ? (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">Client attendees</legend>
          <div className="grid gap-1 sm:grid-cols-2">
            {options.contacts.map((contact) => (
              <label key={contact.id} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={values.contactIds.includes(contact.id)}
                  onChange={() => toggle('contactIds', contact.id)}
                />
                {contact.name}
              </label>
            ))}
          </div>
          {errors.contactIds ? (
            <p className="text-sm text-red-700">{errors.contactIds.join(' ')}</p>
          ) : null}
        </fieldset>
      ) : null}

      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id={`${id}-location`}
          label="Location"
          value={values.location}
          error={errors.location}
          onChange={(event) => set('location', event.target.value)}
        />
        <TextField
          id={`${id}-video`}
          label="Video link"
          value={values.videoUrl}
          error={errors.videoUrl}
          onChange={(event) => set('videoUrl', event.target.value)}
        />
      </div>
      <Field id={`${id}-agenda`} label="Agenda (Markdown)" error={errors.agenda}>
        <Textarea
          id={`${id}-agenda`}
          rows={5}
          value={values.agenda}
          onChange={(event) => set('agenda', event.target.value)}
        />
      </Field>

      {meeting?.inSeries ? (
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-slate-800">Apply to</legend>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="scope"
              checked={scope === 'one'}
              onChange={() => setScope('one')}
            />{' '}
            This meeting only
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="scope"
              checked={scope === 'series'}
              onChange={() => setScope('series')}
            />{' '}
            Every scheduled meeting of the series
          </label>
        </fieldset>
      ) : null}

      {!meeting ? (
        <fieldset className="grid gap-4 sm:grid-cols-4">
          <legend className="mb-2 text-sm font-medium text-slate-800">Repeat</legend>
          <Field id={`${id}-repeat`} label="Repeats" error={errors['repeat.frequency']}>
            <Select
              id={`${id}-repeat`}
              value={repeat.frequency}
              onChange={(event) => setRepeat({ ...repeat, frequency: event.target.value })}
            >
              {Object.entries(repeatLabels).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          </Field>
          {repeat.frequency !== 'none' ? (
            <>
              <TextField
                id={`${id}-interval`}
                label="Every"
                type="number"
                min={1}
                max={12}
                value={repeat.interval}
                onChange={(event) => setRepeat({ ...repeat, interval: event.target.value })}
              />
              <TextField
                id={`${id}-until`}
                label="Until (date)"
                type="date"
                value={repeat.untilDate}
                error={errors.repeat}
                onChange={(event) => setRepeat({ ...repeat, untilDate: event.target.value })}
              />
              <TextField
                id={`${id}-count`}
                label="Or after (meetings)"
                type="number"
                min={1}
                max={100}
                value={repeat.count}
                onChange={(event) => setRepeat({ ...repeat, count: event.target.value })}
              />
            </>
          ) : null}
          {repeat.frequency === 'weekly' ? (
            <div
              className="flex flex-wrap gap-3 sm:col-span-4"
              role="group"
              aria-label="On these days"
            >
              {weekdays.map((day) => (
                <label key={day.day} className="flex items-center gap-1 text-sm">
                  <input
                    type="checkbox"
                    checked={repeat.weekdays.includes(day.day)}
                    onChange={() =>
                      setRepeat({
                        ...repeat,
                        weekdays: repeat.weekdays.includes(day.day)
                          ? repeat.weekdays.filter((d) => d !== day.day)
                          : [...repeat.weekdays, day.day],
                      })
                    }
                  />
                  {day.label}
                </label>
              ))}
            </div>
          ) : null}
        </fieldset>
      ) : null}

      {overlap ? (
        <div
          role="alert"
          className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
        >
          <p className="font-semibold">This overlaps other meetings:</p>
          <ul className="list-disc pl-5">
            {overlap.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <Button variant="secondary" onClick={() => save(true)} disabled={saving}>
            Save anyway
          </Button>
        </div>
      ) : null}

      <div>
        <Button type="submit" disabled={saving}>
          {saving ? 'Saving…' : meeting ? 'Save meeting' : 'Schedule meeting'}
        </Button>
      </div>
    </form>
  );
}
