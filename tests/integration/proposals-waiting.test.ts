import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { proposalStatuses, type ProposalStatus } from '@/lib/proposals';
import { roles } from '@/lib/roles';
import { getReviewQueue, listProposalsWaitingOnMe } from '@/server/proposals/queries';
import { createClientRecord, setVisibility } from '../support/client-factories';
import { asCurrentUser, createActor, createUser } from '../support/factories';
import { createProposal } from '../support/proposal-factories';

/** One proposal of `authorId` in each status, at `clientId`; their ids by status. */
async function proposalsInEveryStatus(authorId: string, clientId: string) {
  const byStatus = new Map<ProposalStatus, string>();
  for (const status of proposalStatuses) {
    const proposal = await createProposal(db, { authorId, clientId, status });
    byStatus.set(status, proposal.id);
  }
  return byStatus;
}

const idsOf = (rows: { id: string }[]) => rows.map((row) => row.id).sort();

beforeEach(async () => {
  await setVisibility('open');
});

describe('proposals waiting on me', () => {
  it('lists, for every role, only their own proposals to revise or to send', async () => {
    const other = await createActor('coordinator');
    for (const role of roles) {
      const author = await createActor(role);
      const client = await createClientRecord();
      const mine = await proposalsInEveryStatus(author.id, client.id);
      await proposalsInEveryStatus(other.id, client.id);

      const waiting = await listProposalsWaitingOnMe(author);
      expect(idsOf(waiting)).toEqual([mine.get('changes_requested'), mine.get('approved')].sort());
      expect(waiting.find((row) => row.id === mine.get('approved'))).toMatchObject({
        status: 'approved',
        clientName: client.name,
      });
    }
  });

  it('hides, under `assigned`, a proposal whose account the author no longer sees', async () => {
    for (const role of ['coordinator', 'executive'] as const) {
      const authorRow = await createUser({ role });
      const author = asCurrentUser(authorRow);
      const own = await createClientRecord(
        role === 'coordinator' ? { coordinatorId: authorRow.id } : { ownerId: authorRow.id },
      );
      const elsewhere = await createClientRecord();
      const visible = await createProposal(db, {
        authorId: author.id,
        clientId: own.id,
        status: 'approved',
      });
      await createProposal(db, {
        authorId: author.id,
        clientId: elsewhere.id,
        status: 'changes_requested',
      });
      await setVisibility('assigned');
      expect(idsOf(await listProposalsWaitingOnMe(author))).toEqual([visible.id]);
      await setVisibility('open');
    }
  });

  it('keeps the review queue to reviewers: an executive sees what is assigned to them, never their own', async () => {
    const author = await createActor('coordinator');
    const executive = await createActor('executive');
    const manager = await createActor('manager');
    const client = await createClientRecord({ ownerId: executive.id });
    const toReview = await createProposal(db, {
      authorId: author.id,
      clientId: client.id,
      status: 'in_review',
      reviewerId: executive.id,
    });
    const executivesOwn = await createProposal(db, {
      authorId: executive.id,
      clientId: client.id,
      status: 'in_review',
      reviewerId: executive.id,
    });
    expect(idsOf(await getReviewQueue(executive))).toEqual([toReview.id]);
    const managersQueue = idsOf(await getReviewQueue(manager));
    expect(managersQueue).toEqual(expect.arrayContaining([toReview.id, executivesOwn.id]));
    await expect(getReviewQueue(author)).rejects.toThrow();
    expect(await listProposalsWaitingOnMe(executive)).toEqual([]);
  });
});
