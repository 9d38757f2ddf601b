import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import {
  auditLog,
  dealStageChanges,
  deals,
  notifications,
  proposalReviews,
  proposals,
  proposalTemplates,
  proposalVersions,
  proposalViews,
  settings,
} from '@/db/schema';
import { proposalListSchema } from '@/lib/validation/proposals';
import { executeAction } from '@/server/action';
import type { CurrentUser } from '@/server/auth/session';
import {
  createProposalCommand,
  reviewProposalCommand,
  reviseProposalCommand,
  sendProposalCommand,
  setShareLinkCommand,
  submitProposalCommand,
  updateProposalCommand,
  withdrawProposalCommand,
} from '@/server/proposals/commands';
import {
  getProposalPage,
  getReviewQueue,
  listClientProposals,
  listProposals,
} from '@/server/proposals/queries';
import {
  acceptSharedProposal,
  confirmShareLinkView,
  declineSharedProposal,
  getSharedProposal,
  logShareLinkRequest,
} from '@/server/proposals/share';
import { hashShareToken } from '@/server/proposals/share-token';
import { searchProviders } from '@/server/search/providers';
import { auditEntriesFor, createActor, expectOk } from '../support/factories';
import {
  createClientRecord,
  createContactRecord,
  setVisibility,
} from '../support/client-factories';
import { createDealRecord } from '../support/deal-factories';
import { createPublishedTemplate } from '../support/pipeline-factories';
import { readProposal } from '../support/proposal-factories';

const notFoundError = expect.objectContaining({ digest: expect.stringContaining('404') });

/** A team: coordinator author, executive account owner (default reviewer), and a manager. */
async function team() {
  const coordinator = await createActor('coordinator');
  const executive = await createActor('executive');
  const manager = await createActor('manager');
  const client = await createClientRecord({
    name: 'Northwind Traders',
    industry: 'Retail',
    ownerId: executive.id,
    coordinatorId: coordinator.id,
  });
  return { coordinator, executive, manager, client };
}

async function draft(author: CurrentUser, clientId: string, extra: Record<string, string> = {}) {
  const created = expectOk(
    await executeAction(createProposalCommand, author, { clientId, ...extra }),
  );
  const row = await readProposal(created.id);
  expectOk(
    await executeAction(updateProposalCommand, author, {
      id: row.id,
      version: String(row.version),
      title: row.title,
      body: row.body || '# Scope\n\nWe will help.',
      amount: extra.amount ?? '25000',
      currency: 'USD',
      validUntil: extra.validUntil ?? '2099-12-31',
      reviewerId: row.reviewerId ?? '',
    }),
  );
  return readProposal(created.id);
}

async function step(command: typeof submitProposalCommand, actor: CurrentUser, id: string) {
  const { version } = await readProposal(id);
  return executeAction(command, actor, { id, version: String(version) });
}

/** Sends the proposal and returns its client link's token, which only this answer carries. */
async function send(actor: CurrentUser, id: string) {
  const { version } = await readProposal(id);
  return expectOk(await executeAction(sendProposalCommand, actor, { id, version: String(version) }))
    .shareToken;
}

async function decide(actor: CurrentUser, id: string, decision: string, comment = '') {
  const { version } = await readProposal(id);
  return executeAction(reviewProposalCommand, actor, {
    id,
    version: String(version),
    decision,
    comment,
  });
}

beforeEach(async () => {
  await setVisibility('open');
  await db.delete(settings).where(eq(settings.key, 'proposals.review'));
});

describe('drafting from a template', () => {
  it('fills the merge fields, links the deal and defaults the reviewer to the account owner', async () => {
    const { coordinator, executive, client } = await team();
    await createContactRecord(client.id, { name: 'Ada Byron', isPrimary: true });
    const deal = await createDealRecord(client.id, {
      name: 'Spring launch',
      amountCents: 4_200_000,
    });
    const template = await createPublishedTemplate(
      'Dear {{contact.name}}, {{client.name}} ({{client.industry}}) · {{deal.name}} for {{deal.amount}}. {{unknown.field}} {{client.website}}',
    );
    const { id } = expectOk(
      await executeAction(createProposalCommand, coordinator, {
        clientId: client.id,
        dealId: deal.id,
        templateId: template.id,
      }),
    );
    const proposal = await readProposal(id);
    expect(proposal.body).toBe(
      'Dear Ada Byron, Northwind Traders (Retail) · Spring launch for $42,000. {{unknown.field}} {{client.website}}',
    );
    expect(proposal).toMatchObject({
      status: 'draft',
      dealId: deal.id,
      amountCents: 4_200_000,
      authorId: coordinator.id,
      reviewerId: executive.id,
    });
    expect((await auditEntriesFor(id)).map((entry) => entry.action)).toEqual(['proposal.created']);
  });

  it('refuses a template that is not published and a deal of another client', async () => {
    const { coordinator, client } = await team();
    const other = await createClientRecord();
    const otherDeal = await createDealRecord(other.id);
    const template = await createPublishedTemplate('x');
    await db
      .update(proposalTemplates)
      .set({ status: 'archived' })
      .where(eq(proposalTemplates.id, template.id));
    const archived = await executeAction(createProposalCommand, coordinator, {
      clientId: client.id,
      templateId: template.id,
    });
    expect(archived).toMatchObject({ ok: false, fieldErrors: { templateId: expect.any(Array) } });
    const wrongDeal = await executeAction(createProposalCommand, coordinator, {
      clientId: client.id,
      dealId: otherDeal.id,
    });
    expect(wrongDeal).toMatchObject({ ok: false, fieldErrors: { dealId: expect.any(Array) } });
    expect(await listClientProposals(coordinator, client.id)).toEqual([]);
  });

  it('refuses a stale save and edits outside draft', async () => {
    const { coordinator, client } = await team();
    const proposal = await draft(coordinator, client.id);
    const stale = await executeAction(updateProposalCommand, coordinator, {
      id: proposal.id,
      version: String(proposal.version - 1),
      title: 'Overwritten',
      body: 'x',
      amount: '1',
      currency: 'USD',
    });
    expect(stale).toMatchObject({ ok: false, code: 'stale' });
    expectOk(await step(submitProposalCommand, coordinator, proposal.id));
    const submitted = await readProposal(proposal.id);
    const locked = await executeAction(updateProposalCommand, coordinator, {
      id: proposal.id,
      version: String(submitted.version),
      title: 'Changed in review',
      body: 'x',
      amount: '1',
      currency: 'USD',
    });
    expect(locked).toMatchObject({ ok: false, error: expect.stringContaining('Only a draft') });
    expect((await readProposal(proposal.id)).title).toBe(proposal.title);
  });

  it('refuses the author as their own reviewer', async () => {
    const { executive, client } = await team();
    const proposal = await draft(executive, client.id);
    expect(proposal.reviewerId).toBeNull();
    const result = await executeAction(updateProposalCommand, executive, {
      id: proposal.id,
      version: String(proposal.version),
      title: 'Mine',
      body: 'x',
      amount: '1',
      currency: 'USD',
      reviewerId: executive.id,
    });
    expect(result).toMatchObject({ ok: false, fieldErrors: { reviewerId: expect.any(Array) } });
  });
});

describe('the review cycle', () => {
  it('runs draft → review → changes → resubmit → approve → send, keeping versions and notifying', async () => {
    const { coordinator, executive, client } = await team();
    const proposal = await draft(coordinator, client.id);

    expectOk(await step(submitProposalCommand, coordinator, proposal.id));
    let row = await readProposal(proposal.id);
    expect(row).toMatchObject({ status: 'in_review', versionCount: 1 });
    expect(row.reviewDueAt!.getTime() - row.submittedAt!.getTime()).toBe(24 * 3_600_000);
    expect((await getReviewQueue(executive)).map((item) => item.id)).toEqual([proposal.id]);
    const [requested] = await db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, executive.id));
    expect(requested).toMatchObject({
      kind: 'review_requested',
      href: `/proposals/${proposal.id}`,
    });

    const noComment = await decide(executive, proposal.id, 'changes_requested');
    expect(noComment).toMatchObject({ ok: false, fieldErrors: { comment: expect.any(Array) } });
    expectOk(await decide(executive, proposal.id, 'changes_requested', 'Add the timeline.'));
    expect((await readProposal(proposal.id)).status).toBe('changes_requested');

    expectOk(await step(reviseProposalCommand, coordinator, proposal.id));
    row = await readProposal(proposal.id);
    expectOk(
      await executeAction(updateProposalCommand, coordinator, {
        id: row.id,
        version: String(row.version),
        title: row.title,
        body: `${row.body}\n\n## Timeline\n\nFour weeks.`,
        amount: '25000',
        currency: 'USD',
        reviewerId: executive.id,
      }),
    );
    expectOk(await step(submitProposalCommand, coordinator, proposal.id));
    expectOk(await decide(executive, proposal.id, 'approved'));
    expect((await readProposal(proposal.id)).status).toBe('approved');

    const token = await send(coordinator, proposal.id);
    row = await readProposal(proposal.id);
    expect(row.status).toBe('sent');
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(row.shareTokenHash).toBe(hashShareToken(token));

    const versions = await db
      .select()
      .from(proposalVersions)
      .where(eq(proposalVersions.proposalId, proposal.id));
    expect(versions.map((version) => version.number).sort()).toEqual([1, 2]);
    expect(versions.find((version) => version.number === 2)?.body).toContain('Four weeks.');
    const reviews = await db
      .select()
      .from(proposalReviews)
      .where(eq(proposalReviews.proposalId, proposal.id));
    expect(reviews.map((review) => [review.decision, review.versionNumber]).sort()).toEqual([
      ['approved', 2],
      ['changes_requested', 1],
    ]);
    const authorNotes = await db
      .select({ kind: notifications.kind })
      .from(notifications)
      .where(eq(notifications.userId, coordinator.id));
    expect(authorNotes.map((note) => note.kind).sort()).toEqual([
      'changes_requested',
      'proposal_approved',
    ]);
    const page = await getProposalPage(coordinator, proposal.id);
    expect(page.versions).toHaveLength(2);
    expect(page.reviews).toHaveLength(2);
  });

  it('never lets a coordinator, another executive or the author decide; a manager may', async () => {
    const { coordinator, executive, manager, client } = await team();
    const otherExecutive = await createActor('executive');
    const proposal = await draft(coordinator, client.id);
    expectOk(await step(submitProposalCommand, coordinator, proposal.id));
    const before = await readProposal(proposal.id);

    expect(await decide(coordinator, proposal.id, 'approved')).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await decide(otherExecutive, proposal.id, 'approved')).toMatchObject({ ok: false });
    expect(await readProposal(proposal.id)).toMatchObject({
      status: 'in_review',
      version: before.version,
    });
    expect(await getReviewQueue(otherExecutive)).toEqual([]);

    expectOk(await decide(manager, proposal.id, 'rejected', 'Out of budget.'));
    expect((await readProposal(proposal.id)).status).toBe('rejected');
    expect(await decide(executive, proposal.id, 'approved')).toMatchObject({ ok: false });
  });

  it('refuses self-approval for managers and executives, even when assigned', async () => {
    const { manager, executive, client } = await team();
    const proposal = await draft(manager, client.id, { reviewerId: executive.id });
    expectOk(await step(submitProposalCommand, manager, proposal.id));
    expect(await decide(manager, proposal.id, 'approved')).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect((await getReviewQueue(manager)).map((row) => row.id)).not.toContain(proposal.id);
    await db
      .update(proposals)
      .set({ reviewerId: executive.id, authorId: executive.id })
      .where(eq(proposals.id, proposal.id));
    expect(await decide(executive, proposal.id, 'approved')).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect((await readProposal(proposal.id)).status).toBe('in_review');
  });

  it('lets only the author submit, and needs a reviewer', async () => {
    const { coordinator, client } = await team();
    const other = await createActor('coordinator');
    const proposal = await draft(coordinator, client.id);
    expect(await step(submitProposalCommand, other, proposal.id)).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    await db.update(proposals).set({ reviewerId: null }).where(eq(proposals.id, proposal.id));
    expect(await step(submitProposalCommand, coordinator, proposal.id)).toMatchObject({
      ok: false,
      fieldErrors: { reviewerId: expect.any(Array) },
    });
    expect((await readProposal(proposal.id)).status).toBe('draft');
  });

  it('lets the backup reviewer decide once the review was escalated to them', async () => {
    const { coordinator, client } = await team();
    const backup = await createActor('executive');
    const proposal = await draft(coordinator, client.id);
    expectOk(await step(submitProposalCommand, coordinator, proposal.id));
    expect(await decide(backup, proposal.id, 'approved')).toMatchObject({ ok: false });
    await db
      .update(proposals)
      .set({ backupReviewerId: backup.id, escalatedAt: new Date() })
      .where(eq(proposals.id, proposal.id));
    expect((await getReviewQueue(backup)).map((row) => row.id)).toEqual([proposal.id]);
    expectOk(await decide(backup, proposal.id, 'approved'));
  });
});

describe('sending', () => {
  it('lets an executive send a small proposal directly, but not a coordinator or a large one', async () => {
    const { coordinator, executive, client } = await team();
    const small = await draft(executive, client.id, { amount: '5000' });
    expectOk(await step(sendProposalCommand, executive, small.id));
    expect(await readProposal(small.id)).toMatchObject({ status: 'sent', versionCount: 1 });

    const large = await draft(executive, client.id, { amount: '250000' });
    expect(await step(sendProposalCommand, executive, large.id)).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    const byCoordinator = await draft(coordinator, client.id, { amount: '10' });
    expect(await step(sendProposalCommand, coordinator, byCoordinator.id)).toMatchObject({
      ok: false,
    });
    await db
      .insert(settings)
      .values({ key: 'proposals.review', value: { reviewThresholdCents: 100_000_000 } });
    expectOk(await step(sendProposalCommand, executive, large.id));
  });

  it('lets each role send and withdraw only as the author, the account owner or a manager', async () => {
    const { executive, manager, client } = await team();
    // Another executive writes it (small enough to go without review); `executive` owns the account.
    const author = await createActor('executive');
    const proposal = await draft(author, client.id, { amount: '100' });
    for (const role of ['coordinator', 'executive'] as const) {
      const stranger = await createActor(role);
      expect(await step(sendProposalCommand, stranger, proposal.id)).toMatchObject({
        ok: false,
        code: 'forbidden',
      });
    }
    expect(await readProposal(proposal.id)).toMatchObject({ status: 'draft' });
    await send(author, proposal.id);
    for (const role of ['coordinator', 'executive'] as const) {
      const stranger = await createActor(role);
      expect(await step(withdrawProposalCommand, stranger, proposal.id)).toMatchObject({
        ok: false,
        code: 'forbidden',
      });
    }
    expect(await readProposal(proposal.id)).toMatchObject({ status: 'sent' });
    expectOk(await step(withdrawProposalCommand, manager, proposal.id));
    const owned = await draft(author, client.id, { amount: '100' });
    await send(executive, owned.id);
    expectOk(await step(withdrawProposalCommand, executive, owned.id));
    expect(await readProposal(owned.id)).toMatchObject({ status: 'withdrawn' });
  });

  it('withdraws with the link revoked, and only the author, owner or a manager may', async () => {
    const { executive, client } = await team();
    const stranger = await createActor('coordinator');
    const proposal = await draft(executive, client.id, { amount: '100' });
    const shareToken = await send(executive, proposal.id);
    expect(await step(withdrawProposalCommand, stranger, proposal.id)).toMatchObject({ ok: false });
    expect(await getSharedProposal(shareToken)).not.toBeNull();
    expectOk(await step(withdrawProposalCommand, executive, proposal.id));
    expect(await readProposal(proposal.id)).toMatchObject({
      status: 'withdrawn',
      shareTokenHash: null,
    });
    expect(await getSharedProposal(shareToken)).toBeNull();
  });
});

describe('the client share link', () => {
  async function sentProposal() {
    const members = await team();
    const deal = await createDealRecord(members.client.id, { stage: 'negotiation' });
    const proposal = await draft(members.executive, members.client.id, {
      amount: '100',
      dealId: deal.id,
    });
    const token = await send(members.executive, proposal.id);
    return { ...members, deal, proposal: await readProposal(proposal.id), token };
  }

  it('records views, notifies the author of the first, and acceptance wins the deal', async () => {
    const { executive, deal, proposal, token } = await sentProposal();
    const shared = await getSharedProposal(token);
    expect(shared).toMatchObject({
      state: 'open',
      proposal: { title: proposal.title, clientName: 'Northwind Traders' },
    });
    expect(shared?.state === 'open' && shared.proposal).not.toHaveProperty('authorId');
    for (let view = 0; view < 2; view += 1) {
      const viewId = await logShareLinkRequest(proposal.id, {
        address: '203.0.113.9',
        userAgent: 'Test browser',
      });
      expect(await confirmShareLinkView({ token, viewId }, 'Test browser')).toBe(true);
    }
    const views = await db
      .select()
      .from(proposalViews)
      .where(eq(proposalViews.proposalId, proposal.id));
    expect(views).toHaveLength(2);
    expect(views[0]?.ipHash).toMatch(/^[0-9a-f]{64}$/);
    expect(views[0]?.ipHash).not.toContain('203.0.113.9');
    const viewedNotes = await db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.userId, executive.id), eq(notifications.kind, 'proposal_viewed')),
      );
    expect(viewedNotes).toHaveLength(1);

    expect(await acceptSharedProposal({ token, name: ' ' }, null)).toMatchObject({
      ok: false,
      fieldErrors: { name: expect.any(Array) },
    });
    expectOk(
      await acceptSharedProposal(
        { token, name: 'Ada Byron' },
        { reported: '203.0.113.9', forwardedFor: '198.51.100.7' },
      ),
    );
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, proposal.id), eq(auditLog.action, 'proposal.accept')));
    expect(audit).toMatchObject({ ip: '203.0.113.9', forwardedFor: '198.51.100.7' });
    expect(await readProposal(proposal.id)).toMatchObject({
      status: 'accepted',
      responderName: 'Ada Byron',
    });
    const [won] = await db.select().from(deals).where(eq(deals.id, deal.id));
    expect(won).toMatchObject({ stage: 'won', probability: 100 });
    const changes = await db
      .select()
      .from(dealStageChanges)
      .where(eq(dealStageChanges.dealId, deal.id));
    expect(changes).toMatchObject([{ fromStage: 'negotiation', toStage: 'won', actorId: null }]);
    expect(await declineSharedProposal({ token, comment: 'Changed my mind' }, null)).toMatchObject({
      ok: false,
      error: 'This proposal has already been answered.',
    });
  });

  it('declines with a required comment and refuses revoked or expired links', async () => {
    const { executive, proposal, token } = await sentProposal();
    expect(await declineSharedProposal({ token, comment: '' }, null)).toMatchObject({
      ok: false,
      fieldErrors: { comment: expect.any(Array) },
    });
    expectOk(
      await executeAction(setShareLinkCommand, executive, {
        id: proposal.id,
        version: String((await readProposal(proposal.id)).version),
        enabled: 'false',
      }),
    );
    expect(await declineSharedProposal({ token, comment: 'No' }, null)).toMatchObject({
      ok: false,
      error: 'This link is no longer valid.',
    });
    const { shareToken: fresh } = expectOk(
      await executeAction(setShareLinkCommand, executive, {
        id: proposal.id,
        version: String((await readProposal(proposal.id)).version),
        enabled: 'true',
      }),
    );
    if (!fresh) throw new Error('no new link');
    expect(fresh).not.toBe(token);
    await db
      .update(proposals)
      .set({ validUntil: '2020-01-01' })
      .where(eq(proposals.id, proposal.id));
    expect(await acceptSharedProposal({ token: fresh, name: 'Ada Byron' }, null)).toMatchObject({
      ok: false,
      error: expect.stringContaining('expired'),
    });
    await db
      .update(proposals)
      .set({ validUntil: '2099-01-01' })
      .where(eq(proposals.id, proposal.id));
    expectOk(await declineSharedProposal({ token: fresh, comment: 'Too expensive' }, null));
    expect(await readProposal(proposal.id)).toMatchObject({
      status: 'declined',
      responseComment: 'Too expensive',
    });
  });

  it('shows nothing for an unknown or malformed token', async () => {
    expect(await getSharedProposal('x'.repeat(32))).toBeNull();
    expect(await getSharedProposal('short')).toBeNull();
  });
});

describe('record visibility', () => {
  it('hides another team’s proposals from list, page, queue, search and actions under assigned', async () => {
    const { coordinator, client } = await team();
    const proposal = await draft(coordinator, client.id);
    expectOk(await step(submitProposalCommand, coordinator, proposal.id));
    const outsider = await createActor('coordinator');
    const outsiderExecutive = await createActor('executive');
    await db
      .update(proposals)
      .set({ reviewerId: outsiderExecutive.id })
      .where(eq(proposals.id, proposal.id));
    await setVisibility('assigned');

    const list = await listProposals(outsider, proposalListSchema.parse({}));
    expect(list.rows.map((row) => row.id)).not.toContain(proposal.id);
    await expect(getProposalPage(outsider, proposal.id)).rejects.toEqual(notFoundError);
    expect(await getReviewQueue(outsiderExecutive)).toEqual([]);
    const provider = searchProviders.find((candidate) => candidate.label === 'Proposals')!;
    expect(await provider.search(outsider, proposal.title.slice(0, 8), 5)).toEqual([]);
    expect(await decide(outsiderExecutive, proposal.id, 'approved')).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(
      await executeAction(createProposalCommand, outsider, { clientId: client.id }),
    ).toMatchObject({
      ok: false,
    });

    const own = await listProposals(coordinator, proposalListSchema.parse({ q: 'Northwind' }));
    expect(own.rows.map((row) => row.id)).toContain(proposal.id);
  });
});
