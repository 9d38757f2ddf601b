'use client';

import { TextField } from '@/components/ui/field';
import {
  contractSettingsSchema,
  documentSettingsSchema,
  type ContractSettings,
  type DocumentSettings,
} from '@/lib/validation/settings';
import { setContractSettings, setDocumentSettings } from '@/server/settings/actions';
import { SettingsForm } from './settings-form';

/** Admin → Settings: the largest file an upload may be. */
export function DocumentSettingsForm({ settings }: { settings: DocumentSettings }) {
  return (
    <SettingsForm
      action={setDocumentSettings}
      schema={documentSettingsSchema}
      savedMessage="File settings saved."
      settings={settings}
      submitLabel="Save file settings"
    >
      {({ errors, values }) => (
        <TextField
          id="documents-maxUploadMb"
          name="maxUploadMb"
          label="Largest upload (MB)"
          type="number"
          min={1}
          max={2048}
          defaultValue={values?.maxUploadMb ?? settings.maxUploadMb}
          error={errors.maxUploadMb}
          hint="A larger file is refused with a message saying so."
        />
      )}
    </SettingsForm>
  );
}

/** Admin → Settings: how many days before a notice deadline and an end date reminders go out. */
export function ContractSettingsForm({ settings }: { settings: ContractSettings }) {
  return (
    <SettingsForm
      action={setContractSettings}
      schema={contractSettingsSchema}
      savedMessage="Contract reminder settings saved."
      settings={settings}
      submitLabel="Save contract reminders"
    >
      {({ errors, values }) => (
        <TextField
          id="contracts-reminderDays"
          name="reminderDays"
          label="Remind the owner and coordinator (days before)"
          defaultValue={values?.reminderDays ?? settings.reminderDays.join(', ')}
          error={errors.reminderDays}
          hint="Before each contract's notice deadline and its end, e.g. 30, 14, 7."
        />
      )}
    </SettingsForm>
  );
}
