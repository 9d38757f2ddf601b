'use client';

import { SettingsForm } from '@/components/settings/settings-form';
import { TextField } from '@/components/ui/field';
import { travelBufferSettingsSchema, type TravelBufferSettings } from '@/lib/validation/meetings';
import { setTravelBuffers } from '@/server/meetings/actions';

/** Admin → Settings: the travel time kept free around in-person meetings when checking overlaps. */
export function TravelBufferForm({ settings }: { settings: TravelBufferSettings }) {
  return (
    <SettingsForm
      action={setTravelBuffers}
      schema={travelBufferSettingsSchema}
      savedMessage="Meeting settings saved."
      settings={settings}
      submitLabel="Save meeting settings"
    >
      {({ errors, values }) => (
        <TextField
          id="meetings-inPersonMinutes"
          name="inPersonMinutes"
          label="Travel buffer around in-person meetings (minutes)"
          type="number"
          min={0}
          max={240}
          defaultValue={values?.inPersonMinutes ?? settings.inPersonMinutes}
          error={errors.inPersonMinutes}
          hint="A meeting with a place and no video link keeps this long free before and after it; overlaps inside it are warned about."
        />
      )}
    </SettingsForm>
  );
}
