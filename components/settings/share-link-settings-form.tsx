'use client';

import { TextField } from '@/components/ui/field';
import { shareLinkSettingsSchema, type ShareLinkSettings } from '@/lib/validation/settings';
import { setShareLinkSettings } from '@/server/settings/actions';
import { SettingsForm } from './settings-form';

/** Admin → Settings: how long the client's link of an answered proposal still shows the answer. */
export function ShareLinkSettingsForm({ settings }: { settings: ShareLinkSettings }) {
  return (
    <SettingsForm
      action={setShareLinkSettings}
      schema={shareLinkSettingsSchema}
      savedMessage="Client link settings saved."
      settings={settings}
      submitLabel="Save client link settings"
    >
      {({ errors, values }) => (
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
      )}
    </SettingsForm>
  );
}
