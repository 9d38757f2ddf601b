import { z } from 'zod';
import { canonicalTimeZone } from '@/lib/profile';
import { roles } from '@/lib/roles';
import { commonPasswords } from './common-passwords';

export const nameSchema = z
  .string({ error: 'Enter a name.' })
  .trim()
  .min(1, 'Enter a name.')
  .max(120, 'Use at most 120 characters.');

const emailSchema = z
  .string({ error: 'Enter a valid email address.' })
  .trim()
  .toLowerCase()
  .max(254, 'Use at most 254 characters.')
  .pipe(z.email('Enter a valid email address.'));

const roleSchema = z.enum(roles, { error: 'Choose a valid role.' });

export const timeZoneSchema = z
  .string({ error: 'Choose a time zone from the list.' })
  .trim()
  .max(64, 'Choose a time zone from the list.')
  .transform((value, context) => {
    const zone = canonicalTimeZone(value);
    if (!zone) {
      context.addIssue({ code: 'custom', message: 'Choose a time zone from the list.' });
      return z.NEVER;
    }
    return zone;
  });

export const newPasswordSchema = z
  .string()
  .min(8, 'Use at least 8 characters.')
  .max(128, 'Use at most 128 characters.')
  .refine((password) => !commonPasswords.has(password.toLowerCase()), {
    message: 'This password is too common. Choose one that is harder to guess.',
  });

export const addUserSchema = z.discriminatedUnion(
  'passwordMode',
  [
    z.object({
      passwordMode: z.literal('temporary'),
      name: nameSchema,
      email: emailSchema,
      role: roleSchema,
      timeZone: timeZoneSchema,
      password: newPasswordSchema,
    }),
    z.object({
      passwordMode: z.literal('link'),
      name: nameSchema,
      email: emailSchema,
      role: roleSchema,
      timeZone: timeZoneSchema,
    }),
  ],
  { error: 'Choose how the user gets a password.' },
);
export type AddUserInput = z.infer<typeof addUserSchema>;

export const userIdSchema = z.object({ userId: z.uuid('Unknown user.') });

export const changeRoleSchema = z.object({ userId: z.uuid('Unknown user.'), role: roleSchema });

export const setPasswordSchema = z
  .object({
    token: z.string().min(20, 'This link is not valid.').max(200, 'This link is not valid.'),
    password: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((input) => input.password === input.confirmPassword, {
    message: 'The passwords do not match.',
    path: ['confirmPassword'],
  });

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'Enter your password.').max(128, 'Use at most 128 characters.'),
});
