import { z } from 'zod';
import { calendarViews, maxOccurrences, meetingKinds, recurrenceFrequencies } from '@/lib/meetings';
import { canonicalTimeZone } from '@/lib/profile';
import { minutesOfDay } from '@/lib/zoned-time';
import { optionalDate, optionalText, optionalUrl } from './fields';
import { followUpTaskSchema } from './tasks';

const localDate = z.iso.date('Enter a date.');
const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time like 09:30.');
const timeZone = z
  .string()
  .trim()
  .transform((value, context) => {
    const zone = canonicalTimeZone(value);
    if (!zone) context.addIssue({ code: 'custom', message: 'Choose a time zone from the list.' });
    return zone ?? value;
  });
const ids = (message: string) => z.array(z.uuid(message)).max(50, 'Choose at most 50.');

/** The repeat choice of a new meeting; `none` is a single meeting. */
export const repeatSchema = z
  .object({
    frequency: z.enum(['none', ...recurrenceFrequencies], { error: 'Choose how it repeats.' }),
    interval: z.coerce.number().int().min(1, 'Repeat at least every 1.').max(12).default(1),
    weekdays: z.array(z.coerce.number().int().min(1).max(7)).max(7).default([]),
    untilDate: optionalDate,
    count: z.coerce
      .number()
      .int()
      .min(1, 'Make at least one.')
      .max(maxOccurrences, `A series has at most ${maxOccurrences} meetings.`)
      .nullable()
      .optional(),
  })
  .refine((repeat) => repeat.frequency === 'none' || repeat.untilDate || repeat.count, {
    message: 'End the series on a date or after a number of meetings.',
    path: ['untilDate'],
  });

/** When a meeting happens: a date and times in the organiser's zone, the end after the start. */
const whenFields = {
  date: localDate,
  startTime: localTime,
  endTime: localTime,
  timeZone,
};

function endsAfterStart(value: { startTime: string; endTime: string }) {
  return minutesOfDay(value.endTime) > minutesOfDay(value.startTime);
}
const endAfterStart = { message: 'End after the start.', path: ['endTime'] };

const meetingFields = {
  kind: z.enum(meetingKinds, { error: 'Choose a kind.' }),
  title: z
    .string({ error: 'Enter a title.' })
    .trim()
    .min(1, 'Enter a title.')
    .max(200, 'Use at most 200 characters.'),
  clientId: z.uuid('Choose a client.'),
  dealId: z
    .string()
    .transform((value) => value || null)
    .pipe(z.uuid('Choose a deal of this client.').nullable())
    .optional(),
  ...whenFields,
  location: optionalText(200),
  videoUrl: optionalUrl,
  agenda: optionalText(20_000),
  attendeeIds: ids('Choose people from the list.').min(1, 'Invite at least one person.'),
  contactIds: ids('Choose contacts of this client.').default([]),
  /** Saving over another meeting of an attendee, on purpose. */
  acknowledgeOverlap: z.boolean().default(false),
};

export const createMeetingSchema = z
  .object({ ...meetingFields, repeat: repeatSchema.optional() })
  .refine(endsAfterStart, endAfterStart);
export type CreateMeetingInput = z.output<typeof createMeetingSchema>;

export const meetingScopes = ['one', 'series'] as const;

export const updateMeetingSchema = z
  .object({
    ...meetingFields,
    meetingId: z.uuid('Unknown meeting.'),
    version: z.coerce.number().int().min(1),
    /** A series' occurrence: change it alone, or every scheduled one of the series. */
    scope: z.enum(meetingScopes).default('one'),
  })
  .refine(endsAfterStart, endAfterStart);
export type UpdateMeetingInput = z.output<typeof updateMeetingSchema>;

/** The week view's drag and its keyboard form: new times, nothing else. */
export const moveMeetingSchema = z
  .object({
    meetingId: z.uuid('Unknown meeting.'),
    version: z.coerce.number().int().min(1),
    ...whenFields,
    acknowledgeOverlap: z.boolean().default(false),
  })
  .refine(endsAfterStart, endAfterStart);

export const cancelMeetingSchema = z.object({
  meetingId: z.uuid('Unknown meeting.'),
  version: z.coerce.number().int().min(1),
  scope: z.enum(meetingScopes).default('one'),
});

export const completeMeetingSchema = z.object({
  meetingId: z.uuid('Unknown meeting.'),
  version: z.coerce.number().int().min(1),
  outcomeNotes: z
    .string({ error: 'Write what came of it.' })
    .trim()
    .min(1, 'Write what came of it.')
    .max(20_000, 'Use at most 20,000 characters.'),
  followUps: z.array(followUpTaskSchema).max(10, 'Add at most 10 follow-up tasks.').default([]),
});

export const findTimeSchema = z.object({
  attendeeIds: ids('Choose people from the list.').min(1, 'Choose at least one person.'),
  durationMinutes: z.coerce
    .number({ error: 'Enter a duration.' })
    .int()
    .min(15, 'At least 15 minutes.')
    .max(480, 'At most 8 hours.'),
});

export type TravelBufferSettings = {
  /** Minutes kept free before and after a meeting that has a place (not a call on a link). */
  inPersonMinutes: number;
};

export const defaultTravelBufferSettings: TravelBufferSettings = { inPersonMinutes: 30 };

export const travelBufferSettingsSchema = z.object({
  inPersonMinutes: z.coerce
    .number({ error: 'Enter a number of minutes.' })
    .int('Enter whole minutes.')
    .min(0, 'Use 0 or more minutes.')
    .max(240, 'Use at most 240 minutes.'),
});

const csvIds = z
  .string()
  .optional()
  .transform((value) => (value ? value.split(',').filter(Boolean) : []))
  .pipe(z.array(z.uuid()).max(30))
  .catch([]);

/** /calendar's URL: the view, the date it shows, and the calendars switched on. */
export const calendarParamsSchema = z.object({
  view: z.enum(calendarViews).catch('week'),
  date: localDate.optional().catch(undefined),
  people: csvIds,
  clients: csvIds,
  kinds: z
    .string()
    .optional()
    .transform((value) => (value ? value.split(',') : []))
    .pipe(z.array(z.enum(meetingKinds)))
    .catch([]),
});
export type CalendarParams = z.output<typeof calendarParamsSchema>;
