'use client';

import { ActionError } from '@/components/ui/action-error';
import { Field, fieldAria, Input, Select, TextField } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import { localeLabels, locales, weekdays } from '@/lib/profile';
import { profileSchema } from '@/lib/validation/profile';
import { updateProfile } from '@/server/profile/actions';
import type { Profile } from '@/server/profile/queries';
import { TimeZoneField } from './time-zone-field';

/** The profile as the form's fields spell it: one checkbox per working day. */
function profileValues(profile: Profile): Record<string, string> {
  const values: Record<string, string> = {
    name: profile.name,
    timeZone: profile.timeZone,
    locale: profile.locale,
    workingHoursStart: profile.workingHoursStart,
    workingHoursEnd: profile.workingHoursEnd,
  };
  for (const day of profile.workingDays) values[`workingDay${day}`] = 'on';
  return values;
}

export function ProfileForm({ profile, timeZones }: { profile: Profile; timeZones: string[] }) {
  const [state, formAction] = useFormAction(updateProfile, {
    schema: profileSchema,
    successMessage: () => 'Your profile is saved.',
  });
  const values = state?.ok === false ? (state.values ?? {}) : profileValues(profile);
  const errors = state?.ok === false ? (state.fieldErrors ?? {}) : {};
  return (
    <form
      action={formAction}
      key={JSON.stringify(values)}
      className="max-w-lg space-y-4"
      noValidate
    >
      <ActionError state={state} />
      <TextField
        id="name"
        name="name"
        label="Name"
        required
        maxLength={120}
        defaultValue={values.name}
        error={errors.name}
      />
      <TimeZoneField
        timeZones={timeZones}
        defaultValue={values.timeZone ?? ''}
        error={errors.timeZone}
      />
      <Field
        id="locale"
        label="Date and number format"
        error={errors.locale}
        hint="How dates, times and amounts are written for you."
      >
        <Select
          id="locale"
          name="locale"
          defaultValue={values.locale}
          {...fieldAria('locale', errors.locale, true)}
        >
          {locales.map((locale) => (
            <option key={locale} value={locale}>
              {localeLabels[locale]}
            </option>
          ))}
        </Select>
      </Field>
      <div className="grid grid-cols-2 gap-4">
        <Field id="workingHoursStart" label="Working day starts" error={errors.workingHoursStart}>
          <Input
            id="workingHoursStart"
            name="workingHoursStart"
            type="time"
            required
            defaultValue={values.workingHoursStart}
            {...fieldAria('workingHoursStart', errors.workingHoursStart)}
          />
        </Field>
        <Field id="workingHoursEnd" label="Working day ends" error={errors.workingHoursEnd}>
          <Input
            id="workingHoursEnd"
            name="workingHoursEnd"
            type="time"
            required
            defaultValue={values.workingHoursEnd}
            {...fieldAria('workingHoursEnd', errors.workingHoursEnd)}
          />
        </Field>
      </div>
      <fieldset
        className="space-y-2"
        aria-describedby={errors.workingDays?.length ? 'workingDays-error' : undefined}
      >
        <legend className="text-sm font-medium text-slate-800">Working days</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-2">
          {weekdays.map(({ day, label }) => (
            <label key={day} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name={`workingDay${day}`}
                defaultChecked={values[`workingDay${day}`] === 'on'}
              />
              {label}
            </label>
          ))}
        </div>
        {errors.workingDays?.length ? (
          <p id="workingDays-error" className="text-sm text-red-700">
            {errors.workingDays.join(' ')}
          </p>
        ) : null}
      </fieldset>
      <SubmitButton pendingLabel="Saving…">Save profile</SubmitButton>
    </form>
  );
}
