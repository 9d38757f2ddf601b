/** The date and number formats a user may choose, by the locale that sets them. */
export const locales = [
  'en-US',
  'en-GB',
  'de-DE',
  'fr-FR',
  'pl-PL',
  'es-ES',
  'it-IT',
  'nl-NL',
] as const;
export type Locale = (typeof locales)[number];

export const localeLabels: Record<Locale, string> = {
  'en-US': 'English (United States)',
  'en-GB': 'English (United Kingdom)',
  'de-DE': 'Deutsch (Deutschland)',
  'fr-FR': 'Français (France)',
  'pl-PL': 'Polski (Polska)',
  'es-ES': 'Español (España)',
  'it-IT': 'Italiano (Italia)',
  'nl-NL': 'Nederlands (Nederland)',
};

/** ISO weekdays, 1 (Monday) to 7 (Sunday), as working days are stored. */
export const weekdays = [
  { day: 1, label: 'Monday' },
  { day: 2, label: 'Tuesday' },
  { day: 3, label: 'Wednesday' },
  { day: 4, label: 'Thursday' },
  { day: 5, label: 'Friday' },
  { day: 6, label: 'Saturday' },
  { day: 7, label: 'Sunday' },
] as const;

/** The IANA time zones this runtime knows, for the searchable list; UTC first. */
export function timeZoneNames(): string[] {
  return ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
}

let knownZones: Set<string> | undefined;

/**
 * The IANA time zone to store for `value`, or null for one this runtime does not know. A name
 * from the list is kept as written; another spelling or alias the runtime resolves (a browser may
 * report Europe/Kyiv where the list says Europe/Kiev, or type it in lower case) is stored as the
 * runtime's own name for it.
 */
export function canonicalTimeZone(value: string): string | null {
  knownZones ??= new Set(timeZoneNames());
  if (knownZones.has(value)) return value;
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(value)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}
