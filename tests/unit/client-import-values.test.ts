import { describe, expect, it } from 'vitest';
import {
  autoMapHeaders,
  checkImportRow,
  composeBillingAddress,
  importClientsSchema,
  mapImportRows,
} from '@/lib/client-import';
import {
  applyValueMap,
  effectiveValueMap,
  emptyValueMap,
  isAccordValue,
  matchEnumValue,
  squashValue,
  valuesToMatch,
} from '@/lib/client-import-values';

describe('matching another CRM’s values', () => {
  it('ignores case, spaces, underscores, hyphens and ampersands', () => {
    expect(squashValue(' Customer - Direct ')).toBe('customerdirect');
    expect(squashValue('FOOD_BEVERAGES')).toBe('foodbeverages');
    expect(squashValue('Food & Beverage')).toBe(squashValue('food and beverage'));
    expect(squashValue('Non-profit')).toBe('nonprofit');
  });

  it.each([
    ['status', 'lead', 'prospect'],
    ['status', 'marketingqualifiedlead', 'prospect'],
    ['status', 'SALES_QUALIFIED_LEAD', 'prospect'],
    ['status', 'Prospect', 'prospect'],
    ['status', 'customer', 'active'],
    ['status', 'Customer - Direct', 'active'],
    ['status', 'customer_channel', 'active'],
    ['status', 'Former Customer', 'churned'],
    ['status', 'churned', 'churned'],
    ['status', 'closed-lost', 'churned'],
    ['status', 'On Hold', 'paused'],
    ['status', 'ON_HOLD', 'paused'],
    ['tier', 'Tier 1', 'strategic'],
    ['tier', 'TIER_2', 'key'],
    ['tier', 'low', 'standard'],
    ['industry', 'COMPUTER_SOFTWARE', 'Software'],
    ['industry', 'INFORMATION_TECHNOLOGY_AND_SERVICES', 'Software'],
    ['industry', 'Technology', 'Software'],
    ['industry', 'FINANCIAL_SERVICES', 'Financial services'],
    ['industry', 'Banking', 'Financial services'],
    ['industry', 'HOSPITAL_HEALTH_CARE', 'Healthcare'],
    ['industry', 'Food & Beverage', 'Food and beverage'],
    ['industry', 'FOOD_BEVERAGES', 'Food and beverage'],
    ['industry', 'NON_PROFIT_ORGANIZATION_MANAGEMENT', 'Non-profit'],
    ['industry', 'Not For Profit', 'Non-profit'],
    ['industry', 'LOGISTICS_AND_SUPPLY_CHAIN', 'Transportation'],
    ['industry', 'real_estate', 'Real estate'],
    ['industry', 'Communications', 'Telecommunications'],
  ] as const)('%s “%s” is %s', (field, raw, expected) => {
    expect(matchEnumValue(field, raw)).toBe(expected);
  });

  it('leaves values that are not obvious to the user', () => {
    expect(matchEnumValue('status', 'Channel Partner / Reseller')).toBeNull();
    expect(matchEnumValue('status', 'other')).toBeNull();
    expect(matchEnumValue('industry', 'AGRICULTURE')).toBeNull();
    expect(matchEnumValue('tier', '')).toBeNull();
  });

  it('lists each distinct foreign value once, with its row count and obvious match', () => {
    const rows = [
      { status: 'customer', industry: 'Software' },
      { status: 'customer ', industry: 'COMPUTER_SOFTWARE' },
      { status: 'Channel Partner', industry: 'software' },
      { status: 'active', industry: '' },
    ];
    expect(valuesToMatch(rows)).toEqual({
      status: [
        { value: 'customer', rows: 2, suggestion: 'active' },
        { value: 'Channel Partner', rows: 1, suggestion: null },
      ],
      industry: [{ value: 'COMPUTER_SOFTWARE', rows: 1, suggestion: 'Software' }],
      tier: [],
    });
    expect(isAccordValue('status', 'Active')).toBe(true);
    expect(isAccordValue('industry', 'food and beverage')).toBe(true);
    expect(isAccordValue('status', 'customer')).toBe(false);
  });

  it('prefers the user’s choice over the suggestion, and sends only values that have one', () => {
    const toMatch = valuesToMatch([
      { status: 'customer' },
      { status: 'Channel Partner' },
      { status: 'other' },
    ]);
    const values = { ...emptyValueMap(), status: { customer: 'paused', other: '' } };
    expect(effectiveValueMap(toMatch, values)).toEqual({
      industry: {},
      status: { customer: 'paused', other: '' },
      tier: {},
    });
    expect(effectiveValueMap(toMatch, emptyValueMap()).status).toEqual({ customer: 'active' });
  });

  it('applies the choices to a row, an empty choice leaving the field empty', () => {
    const values = { ...emptyValueMap(), status: { 'Channel Partner': 'active', other: '' } };
    expect(applyValueMap({ name: 'A', status: ' Channel Partner ' }, values)).toEqual({
      name: 'A',
      status: 'active',
    });
    const left = checkImportRow({ name: 'A', status: 'other', tier: 'Gold' }, values);
    expect(left).toMatchObject({ ok: true, data: { status: null, tier: 'key' } });
    expect(checkImportRow({ name: 'A', status: 'Reseller' }, values)).toEqual({
      ok: false,
      message: 'Status “Reseller” is not one of Accord’s: match it to one, or leave it empty.',
    });
  });

  it('refuses a choice that is not an Accord value', () => {
    const parsed = importClientsSchema.safeParse({
      rows: [{ name: 'A' }],
      values: { status: { customer: 'VIP' } },
      skipDuplicates: false,
    });
    expect(parsed.success).toBe(false);
  });
});

describe('address and notes columns', () => {
  it('recognises HubSpot’s and Salesforce’s address headers', () => {
    expect(
      autoMapHeaders([
        'Street Address',
        'Street Address 2',
        'City',
        'State/Region',
        'Postal Code',
        'Country/Region',
      ]),
    ).toEqual({
      'Street Address': 'billingStreet',
      'Street Address 2': 'billingStreet2',
      City: 'billingCity',
      'State/Region': 'billingRegion',
      'Postal Code': 'billingPostalCode',
      'Country/Region': 'billingCountry',
    });
    expect(
      autoMapHeaders([
        'Billing Street',
        'Billing City',
        'Billing State/Province',
        'Billing Zip/Postal Code',
        'Billing Country',
      ]),
    ).toEqual({
      'Billing Street': 'billingStreet',
      'Billing City': 'billingCity',
      'Billing State/Province': 'billingRegion',
      'Billing Zip/Postal Code': 'billingPostalCode',
      'Billing Country': 'billingCountry',
    });
  });

  it('writes the parts as the lines of the billing address, skipping empty ones', () => {
    expect(
      composeBillingAddress({
        billingStreet: '1 Infinite Loop',
        billingCity: 'Cupertino',
        billingRegion: 'CA',
        billingPostalCode: '95014',
        billingCountry: 'United States',
      }),
    ).toBe('1 Infinite Loop\nCupertino, CA 95014\nUnited States');
    expect(composeBillingAddress({ billingCity: 'Lyon', billingCountry: 'France' })).toBe(
      'Lyon\nFrance',
    );
    expect(composeBillingAddress({ billingPostalCode: '75001' })).toBe('75001');
    expect(composeBillingAddress({})).toBeNull();
  });

  it('fills the billing address of a checked row, and refuses one over 500 characters', () => {
    expect(
      checkImportRow(
        {
          name: 'A',
          billingStreet: ' 10 Downing St ',
          billingCity: 'London',
          billingCountry: 'UK',
        },
        emptyValueMap(),
      ),
    ).toMatchObject({ ok: true, data: { billingAddress: '10 Downing St\nLondon\nUK' } });
    expect(
      checkImportRow(
        {
          name: 'A',
          billingStreet: 'x'.repeat(200),
          billingStreet2: 'y'.repeat(200),
          billingCity: 'z'.repeat(100),
        },
        emptyValueMap(),
      ),
    ).toEqual({ ok: false, message: 'Billing address is longer than 500 characters.' });
  });

  it('appends unmapped columns to the notes as “Column: value” lines only when asked', () => {
    const headers = ['Company', 'Notes', 'Owner', 'Employees', 'Industry'];
    const columns = {
      Company: 'name',
      Notes: 'notes',
      Owner: '',
      Employees: '',
      Industry: 'industry',
    } as const;
    const rows = [
      {
        Company: 'A',
        Notes: 'Met at the fair.',
        Owner: 'Jane Doe',
        Employees: '40',
        Industry: 'x',
      },
      { Company: 'B', Notes: '', Owner: '', Employees: ' 12 ', Industry: '' },
      { Company: 'C', Notes: 'Quiet.', Owner: '', Employees: '', Industry: '' },
    ];
    expect(mapImportRows(headers, rows, columns)).toEqual([
      { name: 'A', notes: 'Met at the fair.', industry: 'x' },
      { name: 'B', notes: '', industry: '' },
      { name: 'C', notes: 'Quiet.', industry: '' },
    ]);
    expect(mapImportRows(headers, rows, columns, { appendUnmapped: true })).toEqual([
      { name: 'A', notes: 'Met at the fair.\n\nOwner: Jane Doe\nEmployees: 40', industry: 'x' },
      { name: 'B', notes: 'Employees: 12', industry: '' },
      { name: 'C', notes: 'Quiet.', industry: '' },
    ]);
    expect(
      mapImportRows(
        ['Company', 'Owner'],
        [{ Company: 'D', Owner: 'Sam' }],
        { Company: 'name' },
        {
          appendUnmapped: true,
        },
      ),
    ).toEqual([{ name: 'D', notes: 'Owner: Sam' }]);
  });
});
