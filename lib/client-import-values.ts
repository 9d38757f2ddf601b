import { z } from 'zod';
import {
  clientStatuses,
  clientStatusLabels,
  clientTierLabels,
  clientTiers,
  industries,
} from './clients';

/** The import fields whose values must be one of Accord's own. */
export const enumFields = ['industry', 'status', 'tier'] as const;
export type EnumField = (typeof enumFields)[number];

export const enumOptions = {
  industry: industries.map((value) => ({ value, label: value })),
  status: clientStatuses.map((value) => ({ value, label: clientStatusLabels[value] })),
  tier: clientTiers.map((value) => ({ value, label: clientTierLabels[value] })),
} satisfies Record<EnumField, { value: string; label: string }[]>;

// Other CRMs' codes and labels (HubSpot's lifecycle stages and industry codes, Salesforce's
// account types and industries, common tier names), written readably: they are compared squashed.
const synonyms: Record<EnumField, Record<string, string[]>> = {
  status: {
    prospect: [
      'lead',
      'new lead',
      'subscriber',
      'marketing qualified lead',
      'sales qualified lead',
      'mql',
      'sql',
      'opportunity',
      'potential',
      'potential customer',
      'qualified',
    ],
    active: [
      'customer',
      'client',
      'current customer',
      'current client',
      'active customer',
      'customer - direct',
      'customer - channel',
      'evangelist',
      'closed won',
      'won',
      'live',
    ],
    paused: ['on hold', 'hold', 'suspended', 'dormant', 'frozen'],
    churned: [
      'former customer',
      'former client',
      'ex customer',
      'ex client',
      'past customer',
      'lost',
      'closed lost',
      'cancelled',
      'canceled',
      'lapsed',
      'terminated',
    ],
  },
  tier: {
    strategic: ['tier 1', 'tier a', 'high', 'top', 'platinum', 'strategic account'],
    key: ['tier 2', 'tier b', 'medium', 'gold', 'major', 'key account'],
    standard: ['tier 3', 'tier c', 'low', 'silver', 'bronze', 'normal', 'regular', 'basic'],
  },
  industry: {
    Automotive: ['automotive', 'automobiles', 'motor vehicles'],
    'Consumer goods': [
      'consumer products',
      'consumer goods',
      'cpg',
      'fmcg',
      'consumer electronics',
      'cosmetics',
      'sporting goods',
      'apparel',
      'apparel & fashion',
      'luxury goods & jewelry',
    ],
    Education: [
      'education management',
      'higher education',
      'primary/secondary education',
      'e-learning',
      'edtech',
    ],
    Energy: [
      'oil & energy',
      'oil and gas',
      'renewables & environment',
      'utilities',
      'energy and utilities',
    ],
    'Financial services': [
      'finance',
      'financial',
      'banking',
      'insurance',
      'investment banking',
      'investment management',
      'venture capital & private equity',
      'capital markets',
      'fintech',
    ],
    'Food and beverage': [
      'food & beverages',
      'food and beverages',
      'food production',
      'wine & spirits',
      'dairy',
    ],
    Healthcare: [
      'health care',
      'hospital & health care',
      'medical devices',
      'medical practice',
      'pharmaceuticals',
      'biotechnology',
      'mental health care',
      'health, wellness & fitness',
    ],
    Hospitality: [
      'restaurants',
      'leisure, travel & tourism',
      'hotels',
      'travel',
      'hospitality and tourism',
    ],
    Manufacturing: [
      'machinery',
      'industrial automation',
      'mechanical or industrial engineering',
      'electrical/electronic manufacturing',
      'electronics',
      'chemicals',
      'plastics',
      'textiles',
      'industrial',
    ],
    'Media and entertainment': [
      'media',
      'entertainment',
      'media production',
      'broadcast media',
      'online media',
      'publishing',
      'motion pictures & film',
      'music',
      'computer games',
      'newspapers',
    ],
    'Non-profit': [
      'nonprofit organization management',
      'non-profit organization management',
      'not for profit',
      'nonprofit',
      'philanthropy',
      'charity',
      'ngo',
      'civic & social organization',
      'fund-raising',
    ],
    'Professional services': [
      'consulting',
      'management consulting',
      'accounting',
      'law practice',
      'legal services',
      'legal',
      'marketing & advertising',
      'staffing & recruiting',
      'human resources',
      'business services',
      'engineering',
      'public relations & communications',
      'architecture & planning',
      'design',
      'graphic design',
    ],
    'Real estate': ['commercial real estate', 'property', 'property management'],
    Retail: ['retail', 'supermarkets', 'wholesale', 'e-commerce', 'ecommerce', 'retailers'],
    Software: [
      'computer software',
      'software development',
      'saas',
      'information technology & services',
      'information technology',
      'it services',
      'technology',
      'internet',
      'computer & network security',
    ],
    Telecommunications: ['telecom', 'telecoms', 'wireless', 'communications'],
    Transportation: [
      'transportation/trucking/railroad',
      'logistics & supply chain',
      'logistics',
      'airlines/aviation',
      'maritime',
      'shipping',
      'package/freight delivery',
    ],
  },
};

/**
 * "Customer - Direct", "CUSTOMER_DIRECT" and "customer direct" all squash to "customerdirect";
 * "and" and "&" are dropped, as codes such as HOSPITAL_HEALTH_CARE leave them out.
 */
export function squashValue(value: string) {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== 'and')
    .join('');
}

const lookups = Object.fromEntries(
  enumFields.map((field) => {
    const lookup = new Map<string, string>();
    for (const { value, label } of enumOptions[field]) {
      lookup.set(squashValue(value), value);
      lookup.set(squashValue(label), value);
    }
    for (const [value, names] of Object.entries(synonyms[field]))
      for (const name of names)
        if (!lookup.has(squashValue(name))) lookup.set(squashValue(name), value);
    return [field, lookup];
  }),
) as Record<EnumField, Map<string, string>>;

/** The Accord value another CRM's code or label obviously means, or null when it is not obvious. */
export function matchEnumValue(field: EnumField, raw: string): string | null {
  const squashed = squashValue(raw);
  return squashed ? (lookups[field].get(squashed) ?? null) : null;
}

/** Whether `raw` already is an Accord value as Accord writes it (not a code to translate). */
export function isAccordValue(field: EnumField, raw: string) {
  const value = raw.trim().toLowerCase();
  return enumOptions[field].some(
    (option) => option.value.toLowerCase() === value || option.label.toLowerCase() === value,
  );
}

const choiceSchema = <T extends readonly [string, ...string[]]>(values: T) =>
  z.record(
    z.string().trim().max(500),
    z.union([z.literal(''), z.enum(values)], {
      error: 'A value is matched to something Accord does not have.',
    }),
  );

/**
 * What the user chose for each value of the file's enumerated columns: an Accord value, or ''
 * to leave the field empty. Keys are the values as the file spells them.
 */
export const valueMapSchema = z.object({
  industry: choiceSchema(industries).default({}),
  status: choiceSchema(clientStatuses).default({}),
  tier: choiceSchema(clientTiers).default({}),
});
export type ValueMap = Record<EnumField, Record<string, string>>;

export const emptyValueMap = (): ValueMap => ({ industry: {}, status: {}, tier: {} });

/** A mapped row with each enumerated value replaced by the user's choice for it, if any. */
export function applyValueMap(row: Record<string, string>, values: ValueMap) {
  const result = { ...row };
  for (const field of enumFields) {
    const raw = row[field]?.trim();
    if (raw && Object.hasOwn(values[field], raw)) result[field] = values[field][raw] ?? '';
  }
  return result;
}

export type ValueToMatch = { value: string; rows: number; suggestion: string | null };

/**
 * The distinct values of each mapped enumerated column that are not Accord values, with how many
 * rows hold them and the obvious match, if there is one.
 */
export function valuesToMatch(rows: Record<string, string>[]) {
  const found = Object.fromEntries(enumFields.map((field) => [field, new Map<string, number>()]));
  for (const row of rows) {
    for (const field of enumFields) {
      const raw = row[field]?.trim();
      if (raw && !isAccordValue(field, raw))
        found[field]?.set(raw, (found[field]?.get(raw) ?? 0) + 1);
    }
  }
  return Object.fromEntries(
    enumFields.map((field) => [
      field,
      [...(found[field] ?? new Map<string, number>())].map(([value, count]) => ({
        value,
        rows: count,
        suggestion: matchEnumValue(field, value),
      })),
    ]),
  ) as Record<EnumField, ValueToMatch[]>;
}

/** The choice in effect for a value: the user's, else the obvious match, else none yet. */
export function choiceFor(field: EnumField, entry: ValueToMatch, values: ValueMap) {
  return Object.hasOwn(values[field], entry.value)
    ? values[field][entry.value]
    : (entry.suggestion ?? undefined);
}

/** The value map to send: every listed value that has a choice, made or suggested. */
export function effectiveValueMap(
  toMatch: Record<EnumField, ValueToMatch[]>,
  values: ValueMap,
): ValueMap {
  const result: ValueMap = { industry: {}, status: {}, tier: {} };
  for (const field of enumFields) {
    for (const entry of toMatch[field]) {
      const choice = choiceFor(field, entry, values);
      if (choice !== undefined) result[field][entry.value] = choice;
    }
  }
  return result;
}
