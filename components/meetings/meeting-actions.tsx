'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition, type FormEvent } from 'react';
import { toast } from 'sonner';
import { ActionError } from '@/components/ui/action-error';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmSubmit } from '@/components/ui/confirm-submit';
import { Field, Select, TextField, TextareaField } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-message';
import { useFormAction } from '@/components/ui/use-form-action';
import type { FieldErrors } from '@/lib/action-result';
import { cancelMeetingSchema } from '@/lib/validation/meetings';
import { cancelMeeting, completeMeeting, moveMeeting } from '@/server/meetings/actions';

type Option = { id: string; name: string };

type Props = {
  meeting: {
    id: string;
    version: number;
    timeZone: string;
    inSeries: boolean;
    started: boolean;
    date: string;
    startTime: string;
    endTime: string;
  };
};

/** Move (the keyboard way of dragging on the week), complete with the outcome, or cancel. */
export function MeetingActions({ meeting, people }: Props & { people: Option[] }) {
  return (
    <div className="space-y-6">
      <MoveForm meeting={meeting} />
      {meeting.started ? <CompleteForm meeting={meeting} people={people} /> : null}
      <CancelForm meeting={meeting} />
    </div>
  );
}

function MoveForm({ meeting }: Props) {
  const id = useId();
  const router = useRouter();
  const [times, setTimes] = useState({
    date: meeting.date,
    startTime: meeting.startTime,
    endTime: meeting.endTime,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [overlap, setOverlap] = useState<string[] | null>(null);
  const [pending, start] = useTransition();

  function send(acknowledgeOverlap: boolean) {
    start(async () => {
      const result = await moveMeeting({
        meetingId: meeting.id,
        version: meeting.version,
        timeZone: meeting.timeZone,
        ...times,
        acknowledgeOverlap,
      });
      if (result.ok) {
        toast.success('Meeting moved.');
        setOverlap(null);
        router.refresh();
        return;
      }
      if (result.code === 'conflict' && result.fieldErrors?.overlap) {
        setOverlap(result.fieldErrors.overlap);
        return;
      }
      setErrors(result.fieldErrors ?? {});
      setMessage(result.error);
    });
  }

  return (
    <Card title="Move">
      <form
        className="space-y-3"
        noValidate
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          send(false);
        }}
      >
        <FormError message={message} />
        <p className="text-xs text-slate-600">Times in {meeting.timeZone}.</p>
        <TextField
          id={`${id}-date`}
          label="New date"
          type="date"
          value={times.date}
          error={errors.date}
          onChange={(event) => setTimes({ ...times, date: event.target.value })}
        />
        <div className="grid grid-cols-2 gap-3">
          <TextField
            id={`${id}-start`}
            label="New start"
            type="time"
            value={times.startTime}
            error={errors.startTime}
            onChange={(event) => setTimes({ ...times, startTime: event.target.value })}
          />
          <TextField
            id={`${id}-end`}
            label="New end"
            type="time"
            value={times.endTime}
            error={errors.endTime}
            onChange={(event) => setTimes({ ...times, endTime: event.target.value })}
          />
        </div>
        {overlap ? (
          <div
            role="alert"
            className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
          >
            <ul className="list-disc pl-5">
              {overlap.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            <Button variant="secondary" onClick={() => send(true)} disabled={pending}>
              Move anyway
            </Button>
          </div>
        ) : null}
        <Button type="submit" disabled={pending}>
          {pending ? 'Moving…' : 'Move meeting'}
        </Button>
      </form>
    </Card>
  );
}

type FollowUp = { key: number; title: string; assigneeId: string; dueDate: string };

/** The outcome, and any follow-up tasks: created with the completion, linked to the meeting. */
function CompleteForm({ meeting, people }: Props & { people: Option[] }) {
  const id = useId();
  const router = useRouter();
  const [outcomeNotes, setOutcomeNotes] = useState('');
  const [followUps, setFollowUps] = useState<FollowUp[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();

  function change(key: number, field: keyof Omit<FollowUp, 'key'>, value: string) {
    setFollowUps(followUps.map((row) => (row.key === key ? { ...row, [field]: value } : row)));
  }

  function send(event: FormEvent) {
    event.preventDefault();
    start(async () => {
      const result = await completeMeeting({
        meetingId: meeting.id,
        version: meeting.version,
        outcomeNotes,
        followUps: followUps.map(({ title, assigneeId, dueDate }) => ({
          title,
          assigneeId,
          dueDate,
        })),
      });
      if (result.ok) {
        toast.success(
          result.data.followUps > 0
            ? `Meeting completed with ${result.data.followUps} follow-up tasks.`
            : 'Meeting completed.',
        );
        router.refresh();
        return;
      }
      setErrors(result.fieldErrors ?? {});
      setMessage(result.error);
    });
  }

  return (
    <Card title="Complete">
      <form className="space-y-3" noValidate onSubmit={send}>
        <FormError message={message} />
        <TextareaField
          id={`${id}-outcome`}
          label="Outcome notes"
          rows={4}
          error={errors.outcomeNotes}
          value={outcomeNotes}
          onChange={(event) => setOutcomeNotes(event.target.value)}
        />
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium text-slate-800">Follow-up tasks</legend>
          {errors.followUps ? (
            <p className="text-sm text-red-700">{errors.followUps.join(' ')}</p>
          ) : null}
          {followUps.map((row, index) => (
            <div
              key={row.key}
              className="space-y-2 rounded-md border border-slate-200 p-3"
              aria-label={`Follow-up ${index + 1}`}
              role="group"
            >
              <TextField
                id={`${id}-task-${row.key}-title`}
                label={`Task ${index + 1}`}
                value={row.title}
                maxLength={200}
                onChange={(event) => change(row.key, 'title', event.target.value)}
              />
              <Field id={`${id}-task-${row.key}-assignee`} label={`Assignee of task ${index + 1}`}>
                <Select
                  id={`${id}-task-${row.key}-assignee`}
                  value={row.assigneeId}
                  onChange={(event) => change(row.key, 'assigneeId', event.target.value)}
                >
                  <option value="">Me</option>
                  {people.map((person) => (
                    <option key={person.id} value={person.id}>
                      {person.name}
                    </option>
                  ))}
                </Select>
              </Field>
              <TextField
                id={`${id}-task-${row.key}-due`}
                label={`Due date of task ${index + 1}`}
                type="date"
                value={row.dueDate}
                onChange={(event) => change(row.key, 'dueDate', event.target.value)}
              />
              <Button
                variant="secondary"
                onClick={() => setFollowUps(followUps.filter((other) => other.key !== row.key))}
              >
                Remove task {index + 1}
              </Button>
            </div>
          ))}
          <Button
            variant="secondary"
            onClick={() =>
              setFollowUps([
                ...followUps,
                { key: Date.now(), title: '', assigneeId: '', dueDate: '' },
              ])
            }
          >
            Add follow-up task
          </Button>
        </fieldset>
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Mark completed'}
        </Button>
      </form>
    </Card>
  );
}

function CancelForm({ meeting }: Props) {
  const [state, action] = useFormAction(cancelMeeting, {
    schema: cancelMeetingSchema,
    successMessage: (data) =>
      data.cancelled > 1 ? `${data.cancelled} meetings cancelled.` : 'Meeting cancelled.',
  });
  return (
    <Card title="Cancel">
      <form action={action} className="space-y-3">
        <ActionError state={state} />
        <input type="hidden" name="meetingId" value={meeting.id} />
        <input type="hidden" name="version" value={meeting.version} />
        {meeting.inSeries ? (
          <fieldset className="space-y-1 text-sm">
            <legend className="font-medium text-slate-800">Cancel</legend>
            <label className="flex items-center gap-2">
              <input type="radio" name="scope" value="one" defaultChecked /> This meeting only
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="scope" value="series" /> Every scheduled meeting of the
              series
            </label>
          </fieldset>
        ) : null}
        <ConfirmSubmit
          pendingLabel="Cancelling…"
          title="Cancel this meeting?"
          description="Everyone invited is told, and their calendars drop it."
          confirmLabel="Cancel meeting"
        >
          Cancel meeting
        </ConfirmSubmit>
      </form>
    </Card>
  );
}
