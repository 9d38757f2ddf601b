import { z } from 'zod';
import { locales, weekdays } from '@/lib/profile';
import { nameSchema, newPasswordSchema, timeZoneSchema } from './users';

const localeSchema = z.enum(locales, { error: 'Choose a date and number format.' });

const clockTimeSchema = z
  .string({ error: 'Enter a time such as 09:00.' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d(:00)?$/, 'Enter a time such as 09:00.')
  .transform((value) => value.slice(0, 5));

// Working days arrive as one checkbox each (workingDay1 … workingDay7), since a form's fields
// become one string per name.
const workingDayFields = Object.fromEntries(
  weekdays.map(({ day }) => [`workingDay${day}`, z.literal('on').optional()]),
) as Record<`workingDay${(typeof weekdays)[number]['day']}`, z.ZodOptional<z.ZodLiteral<'on'>>>;

export const profileSchema = z
  .object({
    name: nameSchema,
    timeZone: timeZoneSchema,
    locale: localeSchema,
    workingHoursStart: clockTimeSchema,
    workingHoursEnd: clockTimeSchema,
    ...workingDayFields,
  })
  .refine((input) => input.workingHoursStart < input.workingHoursEnd, {
    message: 'The working day must end after it starts.',
    path: ['workingHoursEnd'],
  })
  .transform(({ name, timeZone, locale, workingHoursStart, workingHoursEnd, ...days }) => ({
    name,
    timeZone,
    locale,
    workingHoursStart,
    workingHoursEnd,
    workingDays: weekdays
      .filter(({ day }) => days[`workingDay${day}`] === 'on')
      .map(({ day }) => day),
  }))
  .refine((input) => input.workingDays.length > 0, {
    message: 'Choose at least one working day.',
    path: ['workingDays'],
  });

/** The banner's answer: use the browser's zone, or keep the one Accord has. */
export const chooseTimeZoneSchema = z.object({ timeZone: timeZoneSchema });

export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: 'Enter your current password.' })
      .min(1, 'Enter your current password.')
      .max(128, 'Use at most 128 characters.'),
    password: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((input) => input.password === input.confirmPassword, {
    message: 'The passwords do not match.',
    path: ['confirmPassword'],
  })
  .refine((input) => input.password !== input.currentPassword, {
    message: 'Choose a password other than your current one.',
    path: ['password'],
  });
