import { Field, fieldAria, Input } from '@/components/ui/field';

type TimeZoneFieldProps = {
  /** The zones to offer, listed on the server so the list is the one the server accepts. */
  timeZones: string[];
  defaultValue: string;
  error?: string[];
  label?: string;
};

/** A time zone typed with suggestions from the IANA list (the browser filters as one types). */
export function TimeZoneField({
  timeZones,
  defaultValue,
  error,
  label = 'Time zone',
}: TimeZoneFieldProps) {
  return (
    <Field id="timeZone" label={label} error={error} hint="Type a city, e.g. Warsaw or Auckland.">
      <Input
        id="timeZone"
        name="timeZone"
        list="timeZone-options"
        required
        autoComplete="off"
        spellCheck={false}
        defaultValue={defaultValue}
        {...fieldAria('timeZone', error, true)}
      />
      <datalist id="timeZone-options">
        {timeZones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    </Field>
  );
}
