import {
  isMergeField,
  unfilledMergeFields,
  type MergeField,
  type MergeValues,
} from './merge-fields';

/** Something a proposal lacks before it can be submitted or sent, and where to put it right. */
export type ReadinessGap = { message: string; fixOn: 'client' | 'deal' | 'draft' };

type Reason = { problem: string; fix: string; fixOn: ReadinessGap['fixOn'] };

const onClient = (problem: string, fix = 'set it on the client'): Reason => ({
  problem,
  fix,
  fixOn: 'client',
});
const noDeal: Reason = {
  problem: 'the proposal has no deal',
  fix: 'write the value in the body instead',
  fixOn: 'draft',
};
const noContact = onClient('the client has no primary contact', 'add or mark one on the client');

/** Why a merge field has no value, read from what the other values show exists. */
const reasons: Record<MergeField, (values: MergeValues) => Reason> = {
  'client.name': () => onClient('the client has no name'),
  'client.industry': () => onClient('the client has no industry'),
  'client.website': () => onClient('the client has no website'),
  'contact.name': () => noContact,
  'contact.title': (values) =>
    values['contact.name']
      ? onClient('the primary contact has no title', 'set it on the client’s contact')
      : noContact,
  'contact.email': (values) =>
    values['contact.name']
      ? onClient('the primary contact has no e-mail', 'set it on the client’s contact')
      : noContact,
  'deal.name': () => noDeal,
  'deal.amount': (values) =>
    values['deal.name']
      ? { problem: 'the deal amount is empty', fix: 'set it on the deal', fixOn: 'deal' }
      : noDeal,
  'deal.expected_close': (values) =>
    values['deal.name']
      ? { problem: 'the deal has no expected close date', fix: 'set it on the deal', fixOn: 'deal' }
      : noDeal,
  'owner.name': () => onClient('the client has no account owner', 'assign one on the client'),
  'owner.email': () => onClient('the client has no account owner', 'assign one on the client'),
  'author.name': () => ({
    problem: 'the author is no longer in Accord',
    fix: 'write the name in the body instead',
    fixOn: 'draft',
  }),
  today: () => ({ problem: 'there is no date', fix: 'write it in the body', fixOn: 'draft' }),
};

function fieldGap(name: string, values: MergeValues): ReadinessGap {
  const reason: Reason = isMergeField(name)
    ? reasons[name](values)
    : { problem: 'not a merge field', fix: 'correct or remove it in the body', fixOn: 'draft' };
  return { message: `{{${name}}}: ${reason.problem} — ${reason.fix}`, fixOn: reason.fixOn };
}

/**
 * What keeps a proposal from being submitted or sent: an amount of zero, and each `{{…}}` left in
 * its body (merge fields with `values`, the current ones, before asking), with the reason it is
 * empty and where to fill it. Empty when the proposal is ready.
 */
export function readinessGaps(
  proposal: { body: string; amountCents: number },
  values: MergeValues,
): ReadinessGap[] {
  const gaps: ReadinessGap[] = [];
  if (proposal.amountCents <= 0) {
    gaps.push({ message: 'Amount is zero — enter it in the draft’s Amount field', fixOn: 'draft' });
  }
  for (const name of unfilledMergeFields(proposal.body)) gaps.push(fieldGap(name, values));
  return gaps;
}
