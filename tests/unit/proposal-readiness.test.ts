import { describe, expect, it } from 'vitest';
import { renderMergeFields, type MergeValues } from '@/lib/merge-fields';
import { readinessGaps } from '@/lib/proposal-readiness';

const body = '{{contact.title}} {{deal.amount}} {{deal.expected_close}} {{owner.name}} {{nope}}';

function gapsFor(values: MergeValues, amountCents = 100) {
  return readinessGaps({ body: renderMergeFields(body, values), amountCents }, values);
}

describe('readinessGaps', () => {
  it('is empty for a proposal with an amount and every field filled', () => {
    expect(readinessGaps({ body: 'Dear Ada, for \\$500.', amountCents: 50_000 }, {})).toEqual([]);
  });

  it('says why each value is empty and where to fill it, from what else exists', () => {
    expect(gapsFor({ 'client.name': 'Harbor' }, 0)).toEqual([
      { message: 'Amount is zero — enter it in the draft’s Amount field', fixOn: 'draft' },
      {
        message:
          '{{contact.title}}: the client has no primary contact — add or mark one on the client',
        fixOn: 'client',
      },
      {
        message: '{{deal.amount}}: the proposal has no deal — write the value in the body instead',
        fixOn: 'draft',
      },
      {
        message:
          '{{deal.expected_close}}: the proposal has no deal — write the value in the body instead',
        fixOn: 'draft',
      },
      {
        message: '{{owner.name}}: the client has no account owner — assign one on the client',
        fixOn: 'client',
      },
      { message: '{{nope}}: not a merge field — correct or remove it in the body', fixOn: 'draft' },
    ]);
    expect(
      gapsFor({ 'contact.name': 'Ada', 'deal.name': 'Spring', 'owner.name': 'Eve' }).map(
        (gap) => gap.message,
      ),
    ).toEqual([
      '{{contact.title}}: the primary contact has no title — set it on the client’s contact',
      '{{deal.amount}}: the deal amount is empty — set it on the deal',
      '{{deal.expected_close}}: the deal has no expected close date — set it on the deal',
      '{{nope}}: not a merge field — correct or remove it in the body',
    ]);
  });

  it('does not count the fields a value now fills, nor escaped braces', () => {
    const values = {
      'contact.title': 'CTO',
      'deal.amount': '$5',
      'deal.expected_close': 'Jan 1',
      'owner.name': 'Eve',
    };
    expect(gapsFor(values).map((gap) => gap.message)).toEqual([
      '{{nope}}: not a merge field — correct or remove it in the body',
    ]);
    expect(readinessGaps({ body: '\\{\\{client.name\\}\\}', amountCents: 1 }, {})).toEqual([]);
  });
});
