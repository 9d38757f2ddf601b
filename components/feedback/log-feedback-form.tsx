'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { ClientPicker } from '@/components/deals/client-picker';
import { ActionError } from '@/components/ui/action-error';
import { Field, fieldAria, Select, TextareaField, TextField } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import {
  feedbackChannelLabels,
  feedbackChannels,
  feedbackSentimentLabels,
  feedbackSentiments,
} from '@/lib/feedback';
import { logFeedbackSchema } from '@/lib/validation/feedback';
import { logFeedback } from '@/server/feedback/actions';

type Option = { id: string; name: string };

/**
 * Logs feedback for a client: chosen first (the page reloads with its contacts), then what was said,
 * and who answers it (the account owner unless someone else is chosen).
 */
export function LogFeedbackForm({
  client,
  contacts,
  meeting,
  people,
}: {
  client: (Option & { ownerId: string | null }) | null;
  contacts: Option[];
  // The meeting it was heard in, when logged from the meeting's page.
  meeting: Option | null;
  people: Option[];
}) {
  const router = useRouter();
  const [state, formAction] = useFormAction(logFeedback, {
    schema: logFeedbackSchema,
    successMessage: () => 'Feedback logged.',
  });
  useEffect(() => {
    if (state?.ok) router.push(`/feedback/${state.data.id}`);
  }, [state, router]);
  if (!client) {
    return (
      <ClientPicker
        onChange={(chosen) => {
          if (chosen) router.replace(`/feedback/new?clientId=${chosen.id}`);
        }}
      />
    );
  }
  const errors = state?.ok === false ? (state.fieldErrors ?? {}) : {};
  const values = state?.ok === false ? state.values : undefined;
  const owner = people.find((person) => person.id === client.ownerId);
  return (
    <form action={formAction} className="grid max-w-2xl gap-4" noValidate>
      <ActionError state={state} />
      <input type="hidden" name="clientId" value={client.id} />
      <p className="text-sm text-slate-700">
        Client: <span className="font-medium text-slate-900">{client.name}</span>
      </p>
      {meeting ? (
        <p className="text-sm text-slate-700">
          <input type="hidden" name="meetingId" value={meeting.id} />
          Heard in: <span className="font-medium text-slate-900">{meeting.name}</span>
        </p>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="feedback-contact" label="Contact" error={errors.contactId}>
          <Select
            id="feedback-contact"
            name="contactId"
            defaultValue={values?.contactId ?? ''}
            {...fieldAria('feedback-contact', errors.contactId)}
          >
            <option value="">No one in particular</option>
            {contacts.map((contact) => (
              <option key={contact.id} value={contact.id}>
                {contact.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="feedback-channel" label="Channel" error={errors.channel}>
          <Select
            id="feedback-channel"
            name="channel"
            defaultValue={values?.channel ?? (meeting ? 'meeting' : 'call')}
            {...fieldAria('feedback-channel', errors.channel)}
          >
            {feedbackChannels.map((channel) => (
              <option key={channel} value={channel}>
                {feedbackChannelLabels[channel]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="feedback-sentiment" label="Sentiment" error={errors.sentiment}>
          <Select
            id="feedback-sentiment"
            name="sentiment"
            defaultValue={values?.sentiment ?? 'neutral'}
            {...fieldAria('feedback-sentiment', errors.sentiment)}
          >
            {feedbackSentiments.map((sentiment) => (
              <option key={sentiment} value={sentiment}>
                {feedbackSentimentLabels[sentiment]}
              </option>
            ))}
          </Select>
        </Field>
        <TextField
          id="feedback-category"
          name="category"
          label="Category"
          maxLength={80}
          placeholder="e.g. Reporting, Billing, Creative"
          defaultValue={values?.category ?? ''}
          error={errors.category}
        />
      </div>
      <TextareaField
        id="feedback-body"
        name="body"
        label="What the client said"
        rows={5}
        defaultValue={values?.body ?? ''}
        error={errors.body}
      />
      <Field id="feedback-routed-to" label="Route to" error={errors.routedToId}>
        <Select
          id="feedback-routed-to"
          name="routedToId"
          defaultValue={values?.routedToId ?? ''}
          {...fieldAria('feedback-routed-to', errors.routedToId)}
        >
          <option value="">
            {owner ? `The account owner (${owner.name})` : 'No one yet (the account has no owner)'}
          </option>
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </Select>
      </Field>
      <div>
        <SubmitButton pendingLabel="Logging…">Log feedback</SubmitButton>
      </div>
    </form>
  );
}
