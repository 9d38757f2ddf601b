'use client';

import { TextField } from '@/components/ui/field';
import { feedbackSentimentLabels, feedbackSentiments, type FeedbackSla } from '@/lib/feedback';
import { feedbackSlaSchema } from '@/lib/validation/feedback';
import { setFeedbackSla } from '@/server/feedback/actions';
import { SettingsForm } from './settings-form';

/** Admin → Settings: per sentiment, the business hours to acknowledge and business days to resolve. */
export function FeedbackSlaForm({ settings }: { settings: FeedbackSla }) {
  return (
    <SettingsForm
      action={setFeedbackSla}
      schema={feedbackSlaSchema}
      savedMessage="Feedback SLA saved."
      settings={settings}
      submitLabel="Save feedback SLA"
    >
      {({ errors, values }) => (
        <>
          <p className="text-sm text-slate-600">
            Counted in the working hours and time zone of the person the feedback is routed to; a
            business day is one of their working days.
          </p>
          {feedbackSentiments.map((sentiment) => {
            const acknowledge = `${sentiment}AcknowledgeHours`;
            const resolve = `${sentiment}ResolveDays`;
            return (
              <fieldset key={sentiment} className="grid gap-3 sm:grid-cols-2">
                <legend className="mb-1 text-sm font-semibold text-slate-800">
                  {feedbackSentimentLabels[sentiment]}
                </legend>
                <TextField
                  id={`sla-${acknowledge}`}
                  name={acknowledge}
                  label="Acknowledge within (business hours)"
                  type="number"
                  min={1}
                  defaultValue={values?.[acknowledge] ?? settings[sentiment].acknowledgeHours}
                  error={errors[acknowledge]}
                />
                <TextField
                  id={`sla-${resolve}`}
                  name={resolve}
                  label="Resolve within (business days)"
                  type="number"
                  min={1}
                  defaultValue={values?.[resolve] ?? settings[sentiment].resolveDays}
                  error={errors[resolve]}
                />
              </fieldset>
            );
          })}
        </>
      )}
    </SettingsForm>
  );
}
