import { describe, expect, it } from 'vitest';
import { autoMapHeaders, importRowSchema, normalizeDomain } from '@/lib/client-import';

describe('matching CSV headers', () => {
  it('recognises the headers other CRMs export', () => {
    expect(
      autoMapHeaders([
        'Company Name',
        'Company name',
        'Domain',
        'Industry',
        'Phone',
        'Email',
        'First Name',
        'Last Name',
        'Favourite colour',
      ]),
    ).toEqual({
      'Company Name': 'name',
      'Company name': '',
      Domain: 'website',
      Industry: 'industry',
      Phone: 'phone',
      Email: 'contactEmail',
      'First Name': 'contactFirstName',
      'Last Name': 'contactLastName',
      'Favourite colour': '',
    });
    expect(autoMapHeaders(['Website', 'Account Name'])).toEqual({
      Website: 'website',
      'Account Name': 'name',
    });
  });

  it('normalises websites to a domain', () => {
    expect(normalizeDomain('https://www.Acme.com/about?x=1')).toBe('acme.com');
    expect(normalizeDomain('acme.co.uk')).toBe('acme.co.uk');
  });
});

describe('an import row', () => {
  it('accepts loose spellings and fills the contact name from its parts', () => {
    const row = importRowSchema.parse({
      name: ' Acme ',
      website: 'http://www.acme.com',
      industry: 'software',
      status: 'Active',
      annualValue: '$12,500.50',
      contactFirstName: 'Ada',
      contactLastName: 'Lovelace',
    });
    expect(row).toMatchObject({
      name: 'Acme',
      website: 'acme.com',
      industry: 'Software',
      status: 'active',
      annualValue: 1_250_050,
      contactName: 'Ada Lovelace',
    });
  });

  it.each([
    [{ name: '' }, 'Client name is missing.'],
    [
      { name: 'X', industry: 'Piracy' },
      'Industry “Piracy” is not one of Accord’s: match it to one, or leave it empty.',
    ],
    [
      { name: 'X', status: 'Channel Partner / Reseller' },
      'Status “Channel Partner / Reseller” is not one of Accord’s: match it to one, or leave it empty.',
    ],
    [
      { name: 'X', billingStreet: 'x'.repeat(201) },
      'Billing street is longer than 200 characters.',
    ],
    [{ name: 'X', annualValue: 'a lot' }, 'Annual value is not an amount.'],
    [{ name: 'X', contactEmail: 'nobody' }, 'Contact e-mail is not an e-mail address.'],
    [{ name: 'X', website: 'not a site' }, 'Website is not a web address.'],
  ])('refuses %o', (row, message) => {
    const result = importRowSchema.safeParse(row);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toContain(message);
  });
});
