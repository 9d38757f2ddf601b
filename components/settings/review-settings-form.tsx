'use client';

import { Field, fieldAria, Select, TextField } from '@/components/ui/field';
import { roleLabels, type Role } from '@/lib/roles';
import { reviewSettingsSchema, type ReviewSettings } from '@/lib/validation/settings';
import { setReviewSettings } from '@/server/settings/actions';
import { SettingsForm } from './settings-form';

type ReviewerOption = { id: string; name: string; role: Role };

/** Admin → Settings: when proposals need review, how long reviewers have, who covers for them. */
export function ReviewSettingsForm({
  settings,
  reviewers,
}: {
  settings: ReviewSettings;
  reviewers: ReviewerOption[];
}) {
  const backupId = 'review-backupReviewerId';
  return (
    <SettingsForm
      action={setReviewSettings}
      schema={reviewSettingsSchema}
      savedMessage="Review settings saved."
      settings={settings}
      submitLabel="Save review settings"
    >
      {({ errors, values }) => (
        <>
          <TextField
            id="review-reviewThreshold"
            name="reviewThreshold"
            label="Review threshold"
            inputMode="decimal"
            defaultValue={
              values?.reviewThreshold ?? (settings.reviewThresholdCents / 100).toFixed(2)
            }
            error={errors.reviewThreshold}
            hint="Proposals above this amount always need review; below it an executive may send their own directly."
          />
          <TextField
            id="review-reviewDueHours"
            name="reviewDueHours"
            label="Review due within (hours)"
            type="number"
            min={1}
            max={720}
            defaultValue={values?.reviewDueHours ?? settings.reviewDueHours}
            error={errors.reviewDueHours}
            hint="An overdue review is escalated to the backup reviewer and the managers."
          />
          <Field
            id={backupId}
            label="Backup reviewer"
            error={errors.backupReviewerId}
            hint="An active executive or manager."
          >
            <Select
              id={backupId}
              name="backupReviewerId"
              defaultValue={values?.backupReviewerId ?? settings.backupReviewerId ?? ''}
              {...fieldAria(backupId, errors.backupReviewerId, true)}
            >
              <option value="">Nobody (managers only)</option>
              {reviewers.map((reviewer) => (
                <option key={reviewer.id} value={reviewer.id}>
                  {reviewer.name} ({roleLabels[reviewer.role]})
                </option>
              ))}
            </Select>
          </Field>
        </>
      )}
    </SettingsForm>
  );
}
