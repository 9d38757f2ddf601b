import { z } from 'zod';

/** Field schemas shared by every form: blank text becomes null, money becomes integer cents. */

export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .transform((value) => value || null)
    .nullable()
    .optional();

export const optionalUrl = z
  .string()
  .trim()
  .max(255, 'Use at most 255 characters.')
  .transform((value) => value || null)
  .pipe(
    z
      .string()
      .regex(/^(https?:\/\/)?[\w-]+(\.[\w-]+)+(\/\S*)?$/i, 'Enter a web address like example.com.')
      .nullable(),
  )
  .optional();

export const optionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'Use at most 254 characters.')
  .transform((value) => value || null)
  .pipe(z.email('Enter a valid email address.').nullable())
  .optional();

export const optionalUserId = z
  .string()
  .transform((value) => value || null)
  .pipe(z.uuid('Choose a user from the list.').nullable())
  .optional();

/** Money typed as "12,500.50" → integer cents. */
export const moneyCents = z
  .string()
  .trim()
  .transform((value) => value.replace(/[,\s]/g, '') || '0')
  .pipe(
    z
      .string()
      .regex(/^\d{1,13}(\.\d{1,2})?$/, 'Enter an amount like 12500 or 12,500.50.')
      .transform((value) => Math.round(Number(value) * 100)),
  );

export const optionalDate = z
  .string()
  .trim()
  .transform((value) => value || null)
  .pipe(z.iso.date('Enter a date.').nullable())
  .optional();

/** "a, b, a" → ["a", "b"]: comma-separated tags, trimmed (and put through `normalise`), unique, at most 20. */
export const tagList = (normalise: (tag: string) => string = (tag) => tag) =>
  z
    .string()
    .optional()
    .transform((value) =>
      [
        ...new Set(
          (value ?? '')
            .split(',')
            .map((tag) => normalise(tag.trim()))
            .filter(Boolean),
        ),
      ].slice(0, 20),
    )
    .pipe(z.array(z.string().max(50, 'Keep each tag under 50 characters.')));
/** A checkbox: "on" when ticked, absent when not; "true"/"false" from code that posts directly. */
export const checkboxField = z
  .enum(['on', 'true', 'false', ''])
  .optional()
  .transform((value) => value === 'on' || value === 'true');
