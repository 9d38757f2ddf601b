import { describe, expect, it } from 'vitest';
import {
  isProposalEditable,
  nextProposalStatus,
  proposalStatuses,
  requiresReview,
  type ProposalStatus,
  type ProposalTransition,
} from '@/lib/proposals';
import { proposalAbilities } from '@/server/proposals/abilities';
import type { CurrentUser } from '@/server/auth/session';

/** DESIGN.md's proposal life cycle, written out longhand: every allowed move and nothing else. */
const allowed: Record<ProposalTransition, Partial<Record<ProposalStatus, ProposalStatus>>> = {
  submit: { draft: 'in_review' },
  approve: { in_review: 'approved' },
  requestChanges: { in_review: 'changes_requested' },
  reject: { in_review: 'rejected' },
  revise: { changes_requested: 'draft' },
  send: { approved: 'sent' },
  sendWithoutReview: { draft: 'sent' },
  accept: { sent: 'accepted' },
  decline: { sent: 'declined' },
  expire: { sent: 'expired' },
  withdraw: {
    draft: 'withdrawn',
    in_review: 'withdrawn',
    changes_requested: 'withdrawn',
    approved: 'withdrawn',
    sent: 'withdrawn',
  },
};

describe('proposal life cycle', () => {
  for (const [transition, moves] of Object.entries(allowed) as [
    ProposalTransition,
    Partial<Record<ProposalStatus, ProposalStatus>>,
  ][]) {
    for (const status of proposalStatuses) {
      const expected = moves[status] ?? null;
      it(`${transition} from ${status} ${expected ? `→ ${expected}` : 'is refused'}`, () => {
        expect(nextProposalStatus(status, transition)).toBe(expected);
      });
    }
  }

  it('keeps the body editable only in draft', () => {
    expect(proposalStatuses.filter(isProposalEditable)).toEqual(['draft']);
  });

  it('requires review above the threshold, and always for coordinators', () => {
    expect(requiresReview(1_000_000, 1_000_000, 'executive')).toBe(false);
    expect(requiresReview(1_000_001, 1_000_000, 'executive')).toBe(true);
    expect(requiresReview(1_000_001, 1_000_000, 'manager')).toBe(true);
    expect(requiresReview(100, 1_000_000, 'manager')).toBe(false);
    expect(requiresReview(100, 1_000_000, 'coordinator')).toBe(true);
  });
});

describe('what a viewer may do to a proposal', () => {
  const user = (id: string, role: CurrentUser['role']): CurrentUser => ({
    id,
    role,
    name: id,
    email: `${id}@example.test`,
    timeZone: 'UTC',
    locale: 'en-US',
    timeZoneChosen: true,
    mustChangePassword: false,
  });
  const coordinator = user('coordinator', 'coordinator');
  const executive = user('executive', 'executive');
  const otherExecutive = user('other-executive', 'executive');
  const manager = user('manager', 'manager');
  const proposal = (status: ProposalStatus, overrides = {}) => ({
    status,
    authorId: coordinator.id,
    authorRole: 'coordinator' as const,
    reviewerId: executive.id,
    backupReviewerId: null,
    clientOwnerId: executive.id,
    amountCents: 500_000,
    validUntil: null,
    shareTokenHash: null,
    ...overrides,
  });
  const threshold = 1_000_000;

  it('offers review to the assigned executive and managers, never to the author or a coordinator', () => {
    const inReview = proposal('in_review');
    expect(proposalAbilities(executive, inReview, threshold).review).toBe(true);
    expect(proposalAbilities(manager, inReview, threshold).review).toBe(true);
    expect(proposalAbilities(otherExecutive, inReview, threshold).review).toBe(false);
    expect(proposalAbilities(coordinator, inReview, threshold).review).toBe(false);
    const ownByManager = proposal('in_review', { authorId: manager.id, authorRole: 'manager' });
    expect(proposalAbilities(manager, ownByManager, threshold).review).toBe(false);
    const escalated = proposal('in_review', { backupReviewerId: otherExecutive.id });
    expect(proposalAbilities(otherExecutive, escalated, threshold).review).toBe(true);
  });

  it('offers submit to the author only, and editing only in draft', () => {
    expect(proposalAbilities(coordinator, proposal('draft'), threshold)).toMatchObject({
      submit: true,
      edit: true,
      send: false,
    });
    expect(proposalAbilities(executive, proposal('draft'), threshold).submit).toBe(false);
    expect(proposalAbilities(coordinator, proposal('in_review'), threshold).edit).toBe(false);
  });

  it('offers sending without review to an executive author under the threshold', () => {
    const own = { authorId: executive.id, authorRole: 'executive' as const, reviewerId: null };
    expect(proposalAbilities(executive, proposal('draft', own), threshold).send).toBe(true);
    const large = proposal('draft', { ...own, amountCents: threshold + 1 });
    expect(proposalAbilities(executive, large, threshold).send).toBe(false);
    expect(proposalAbilities(coordinator, proposal('approved'), threshold).send).toBe(true);
    expect(proposalAbilities(otherExecutive, proposal('approved'), threshold).send).toBe(false);
    expect(proposalAbilities(manager, proposal('sent'), threshold)).toMatchObject({
      makeShareLink: true,
      withdraw: true,
      send: false,
    });
  });

  it('offers no sending once the valid-until date has passed, and says why', () => {
    const late = { validUntil: '2020-01-31' };
    expect(proposalAbilities(coordinator, proposal('approved', late), threshold)).toMatchObject({
      send: false,
      sendTooLate: true,
    });
    expect(proposalAbilities(coordinator, proposal('approved'), threshold).sendTooLate).toBe(false);
    expect(proposalAbilities(coordinator, proposal('sent', late), threshold).makeShareLink).toBe(
      false,
    );
  });

  it('offers revoking a link in any state to the author, the account owner and managers', () => {
    const linked = { shareTokenHash: 'f'.repeat(64) };
    for (const status of ['sent', 'accepted', 'declined', 'expired'] as const) {
      for (const viewer of [coordinator, executive, manager]) {
        expect(proposalAbilities(viewer, proposal(status, linked), threshold).revokeShareLink).toBe(
          true,
        );
      }
      expect(
        proposalAbilities(otherExecutive, proposal(status, linked), threshold).revokeShareLink,
      ).toBe(false);
    }
    expect(proposalAbilities(manager, proposal('accepted'), threshold).revokeShareLink).toBe(false);
  });
});
