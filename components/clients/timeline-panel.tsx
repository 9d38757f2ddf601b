'use client';

import { ActionError } from '@/components/ui/action-error';
import { Card } from '@/components/ui/card';
import { Field, Select, Textarea, TextField } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import { activityKindLabels, loggedActivityKinds } from '@/lib/clients';
import { formatDateTime, type ViewerFormat } from '@/lib/format';
import { logActivitySchema } from '@/lib/validation/clients';
import { logActivity } from '@/server/clients/actions';

export type ActivityItem = {
  id: number;
  kind: keyof typeof activityKindLabels;
  subject: string;
  body: string | null;
  occurredAt: Date;
  actorName: string | null;
};

function LogForm({ clientId }: { clientId: string }) {
  const [state, formAction] = useFormAction(logActivity, {
    schema: logActivitySchema,
    successMessage: () => 'Logged on the timeline.',
  });
  const errors = state?.ok === false ? (state.fieldErrors ?? {}) : {};
  const values = state?.ok === false ? (state.values ?? {}) : {};
  return (
    <form
      action={formAction}
      key={state?.ok ? 'logged' : JSON.stringify(values)}
      className="space-y-3"
      noValidate
    >
      <ActionError state={state} />
      <input type="hidden" name="clientId" value={clientId} />
      <div className="grid gap-3 sm:grid-cols-[10rem_1fr]">
        <Field id="activity-kind" label="Log a" error={errors.kind}>
          <Select id="activity-kind" name="kind" defaultValue={values.kind ?? 'note'}>
            {loggedActivityKinds.map((kind) => (
              <option key={kind} value={kind}>
                {activityKindLabels[kind]}
              </option>
            ))}
          </Select>
        </Field>
        <TextField
          id="activity-subject"
          label="Subject"
          error={errors.subject}
          name="subject"
          defaultValue={values.subject}
        />
      </div>
      <Field id="activity-body" label="Details" error={errors.body}>
        <Textarea id="activity-body" name="body" rows={2} defaultValue={values.body} />
      </Field>
      <SubmitButton pendingLabel="Logging…">Log it</SubmitButton>
    </form>
  );
}

export function TimelinePanel({
  clientId,
  activities,
  viewer,
}: {
  clientId: string;
  activities: ActivityItem[];
  viewer: ViewerFormat;
}) {
  return (
    <Card title="Timeline">
      <LogForm clientId={clientId} />
      <ol className="mt-6 space-y-4 border-l border-slate-200 pl-4">
        {activities.length === 0 ? (
          <li className="text-sm text-slate-600">Nothing has happened here yet.</li>
        ) : null}
        {activities.map((activity) => (
          <li key={activity.id} className="text-sm">
            <p className="text-slate-900">
              <span className="font-medium">{activityKindLabels[activity.kind]}</span> ·{' '}
              {activity.subject}
            </p>
            {activity.body ? (
              <p className="mt-1 whitespace-pre-line text-slate-700">{activity.body}</p>
            ) : null}
            <p className="mt-1 text-xs text-slate-600">
              {activity.actorName ?? 'Accord'} ·{' '}
              <time dateTime={activity.occurredAt.toISOString()}>
                {formatDateTime(activity.occurredAt, viewer)}
              </time>
            </p>
          </li>
        ))}
      </ol>
    </Card>
  );
}
