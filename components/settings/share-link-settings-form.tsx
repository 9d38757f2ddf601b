'use client';

import { ActionError } from '@/components/ui/action-error';
import { TextField } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import { shareLinkSettingsSchema, type ShareLinkSettings } from '@/lib/validation/settings';
import { setShareLinkSettings } from '@/server/settings/actions';

/** Admin → Settings: how long the client's link of an answered proposal still shows the answer. */
export function ShareLinkSettingsForm({ settings }: { settings: ShareLinkSettings }) {
  const [state, formAction] = useFormAction(setShareLinkSettings, {
    schema: shareLinkSettingsSchema,
    successMessage: () => 'Client link settings saved.',
  });
  const errors = state?.ok === false ? (state.fieldErrors ?? {}) : {};
  const values = state?.ok === false ? state.values : undefined;
  return (
    <form
      action={formAction}
      key={JSON.stringify(settings)}
      className="grid max-w-xl gap-4"
      noValidate
    >
      <ActionError state={state} />
      <TextField
        id="share-answeredLinkDays"
        name="answeredLinkDays"
        label="Answered proposals stay readable for (days)"
        type="number"
        min={0}
        max={365}
        defaultValue={values?.answeredLinkDays ?? settings.answeredLinkDays}
        error={errors.answeredLinkDays}
        hint="After the client accepts or declines, their link shows the answer this long, then only that the proposal is closed."
      />
      <div>
        <SubmitButton pendingLabel="Saving…">Save client link settings</SubmitButton>
      </div>
    </form>
  );
}
