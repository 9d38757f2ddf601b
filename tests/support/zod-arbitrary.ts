import fc from 'fast-check';
import { z } from 'zod';

/** What a generator draws from besides its own values: the ids of records that exist. */
export type ArbitraryContext = {
  /** The ids a field of this name may hold (`clientId`: the clients'), or every id there is. */
  idsFor: (field: string | undefined) => readonly string[];
};

// Values that break careless code whatever the field: the edges of strings, numbers and types.
const awkwardStrings = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  '\r\n',
  '\u202e',
  'null',
  'undefined',
  'NaN',
  '-1',
  '0',
  '1e309',
  '__proto__',
  'constructor',
  "'; drop table clients; --",
  '<script>alert(1)</script>',
  '😀'.repeat(300),
);

/** A string of any length up to a few thousand characters, any Unicode included. */
const anyText = fc.oneof(
  awkwardStrings,
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ minLength: 3000, maxLength: 12_000 }),
);

/** Anything JSON-like, with keys that pollute prototypes among the ordinary ones. */
export function junkArbitrary(): fc.Arbitrary<unknown> {
  const key = fc.oneof(
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'version', 'toString'),
    fc.string({ maxLength: 12 }),
  );
  const leaf = fc.oneof(
    anyText,
    fc.constantFrom(null, undefined, true, false, 0, -0, NaN, Infinity, -1, 2 ** 53, 1e308),
    fc.integer().map(String),
    fc.double().map(String),
    fc.uuid(),
  );
  return fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(key, tie('value'), { maxKeys: 5 }),
    ),
  })).value;
}

/** An id: mostly one of a record that exists, so the action goes past "not found". */
function idArbitrary(context: ArbitraryContext, field: string | undefined) {
  const ids = context.idsFor(field);
  return ids.length > 0
    ? fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...ids) },
        { weight: 1, arbitrary: fc.uuid() },
      )
    : fc.uuid();
}

// Text a form could send, with now and then a character that storage or markup trips on.
const textUnit = fc.oneof(
  { weight: 30, arbitrary: fc.string({ minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.constantFrom('\u0000', '\u202e', '<', '"', '\r', '\n', '😀', 'é') },
);

function stringArbitrary(
  schema: z.ZodString,
  context: ArbitraryContext,
  field: string | undefined,
): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'uuid':
    case 'guid':
      return idArbitrary(context, field);
    case 'email':
      return fc.emailAddress();
    case 'date':
      return fc
        .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
        .map((date) => date.toISOString().slice(0, 10));
    case 'datetime':
      return fc
        .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
        .map((date) => date.toISOString());
    case 'url':
      return fc.webUrl();
  }
  const pattern = schema._zod.def.checks
    ?.map((check) => check._zod.def)
    .find((def) => def.check === 'string_format' && 'pattern' in def && def.pattern);
  if (pattern && 'pattern' in pattern && pattern.pattern instanceof RegExp) {
    return fc.oneof(fc.stringMatching(pattern.pattern), anyText);
  }
  const fitting = fc.string({
    unit: textUnit,
    minLength: schema.minLength ?? 0,
    maxLength: Math.min(schema.maxLength ?? 60, 200),
  });
  const tooLong = schema.maxLength === null ? [] : [fc.constant('x'.repeat(schema.maxLength + 1))];
  return fc.oneof({ weight: 8, arbitrary: fitting }, { weight: 1, arbitrary: anyText }, ...tooLong);
}

function numberArbitrary(schema: z.ZodNumber): fc.Arbitrary<number | string> {
  const min = Number.isFinite(schema.minValue) ? (schema.minValue ?? -1e6) : -1e6;
  const max = Number.isFinite(schema.maxValue) ? (schema.maxValue ?? 1e6) : 1e6;
  const inRange = fc.integer({ min: Math.max(min, -1e9), max: Math.min(max, 1e9) });
  const edge = fc.constantFrom(min - 1, max + 1, 0, -1, 1.5, NaN, Infinity);
  // Form fields arrive as strings, so a coerced number is mostly one.
  return fc.oneof(
    { weight: 2, arbitrary: inRange },
    { weight: 6, arbitrary: inRange.map(String) },
    { weight: 1, arbitrary: edge },
    { weight: 1, arbitrary: edge.map(String) },
  );
}

/**
 * Values shaped by `schema` (zod 4, read through its public `def`): mostly valid or nearly so,
 * so an action is driven past its parser into its own rules, with junk mixed in at every level
 * now and then (often enough at each field and an object of ten fields would never be valid).
 */
export function schemaArbitrary(
  schema: z.ZodType,
  context: ArbitraryContext,
  field?: string,
): fc.Arbitrary<unknown> {
  const shaped = shapedArbitrary(schema, context, field);
  return fc.oneof({ weight: 30, arbitrary: shaped }, { weight: 1, arbitrary: junkArbitrary() });
}

function shapedArbitrary(
  schema: z.ZodType,
  context: ArbitraryContext,
  field: string | undefined,
): fc.Arbitrary<unknown> {
  const def = schema._zod.def;
  const inner = (child: z.core.$ZodType, name = field) =>
    schemaArbitrary(child as z.ZodType, context, name);
  switch (def.type) {
    case 'string':
      return stringArbitrary(schema as z.ZodString, context, field);
    case 'number':
      return numberArbitrary(schema as z.ZodNumber);
    case 'boolean':
      return fc.oneof(fc.boolean(), fc.constantFrom('true', 'false', 'on', ''));
    case 'enum':
      return fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom(...Object.values((schema as z.ZodEnum).enum)) },
        { weight: 1, arbitrary: anyText },
      );
    case 'literal':
      return fc.constantFrom(...(schema as z.ZodLiteral).values);
    case 'object': {
      const fields = Object.fromEntries(
        Object.entries((schema as z.ZodObject).shape).map(([key, value]) => [
          key,
          inner(value, key),
        ]),
      );
      return fc.oneof(
        { weight: 4, arbitrary: fc.record(fields) },
        { weight: 1, arbitrary: fc.record(fields, { requiredKeys: [] }) },
      );
    }
    case 'array':
      return fc.array(inner((schema as z.ZodArray).element), { maxLength: 5 });
    case 'record':
      return fc.dictionary(fc.string({ maxLength: 12 }), inner((schema as z.ZodRecord).valueType), {
        maxKeys: 4,
      });
    case 'union':
      return fc.oneof(...(schema as z.ZodUnion).options.map((option) => inner(option)));
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional': {
      const wrapped = inner((schema as z.ZodOptional).unwrap());
      return fc.oneof(
        { weight: 3, arbitrary: wrapped },
        { weight: 1, arbitrary: fc.constantFrom(undefined, null, '') },
      );
    }
    case 'pipe': {
      const source = (schema as z.ZodPipe).in;
      // A transform takes whatever it is given: shape the value by what the pipe ends in.
      return inner(source._zod.def.type === 'transform' ? (schema as z.ZodPipe).out : source);
    }
    case 'lazy':
      return inner((schema as z.ZodLazy).unwrap());
    default:
      return junkArbitrary();
  }
}
