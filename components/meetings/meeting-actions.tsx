'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition, type FormEvent } from 'react';
import { toast } from 'sonner';
import { ActionError } from '@/components/ui/action-error';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmSubmit } from '@/components/ui/confirm-submit';
import { TextField, TextareaField } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import type { FieldErrors } from '@/lib/action-result';
import { cancelMeetingSchema, completeMeetingSchema } from '@/lib/validation/meetings';
import { cancelMeeting, completeMeeting, moveMeeting } from '@/server/meetings/actions';

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
export function MeetingActions({ meeting }: Props) {
  return (
    <div className="space-y-6">
      <MoveForm meeting={meeting} />
      {meeting.started ? <CompleteForm meeting={meeting} /> : null}
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

function CompleteForm({ meeting }: Props) {
  const [state, action] = useFormAction(completeMeeting, {
    schema: completeMeetingSchema,
    successMessage: () => 'Meeting completed.',
  });
  const errors = state?.ok === false ? (state.fieldErrors ?? {}) : {};
  return (
    <Card title="Complete">
      <form action={action} className="space-y-3" noValidate>
        <ActionError state={state} />
        <input type="hidden" name="meetingId" value={meeting.id} />
        <input type="hidden" name="version" value={meeting.version} />
        <TextareaField
          id="meeting-outcome"
          name="outcomeNotes"
          label="Outcome notes"
          rows={4}
          error={errors.outcomeNotes}
          defaultValue={state?.ok === false ? state.values?.outcomeNotes : ''}
        />
        <SubmitButton pendingLabel="Saving…">Mark completed</SubmitButton>
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
