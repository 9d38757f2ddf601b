import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import {
  auditLog,
  notifications,
  proposals,
  proposalViews,
  proposalViewTotals,
  settings,
  shareLinkRateLimits,
} from '@/db/schema';
import type { ProposalStatus } from '@/lib/proposals';
import { executeAction } from '@/server/action';
import type { CurrentUser } from '@/server/auth/session';
import { sendProposalCommand, setShareLinkCommand } from '@/server/proposals/commands';
import {
  acceptSharedProposal,
  confirmShareLinkView,
  getSharedProposal,
  logShareLinkRequest,
  proposalViewLogCap,
} from '@/server/proposals/share';
import { limitShareLinkRequest, shareLinkLimits } from '@/server/proposals/share-rate-limit';
import { createShareToken, hashShareToken } from '@/server/proposals/share-token';
import { setShareLinkSettingsCommand } from '@/server/settings/commands';
import { getShareLinkSettings, shareLinkSettingsKey } from '@/server/settings/queries';
import { createClientRecord } from '../support/client-factories';
import { auditEntriesFor, createActor, expectOk } from '../support/factories';
import { createProposal, readProposal } from '../support/proposal-factories';

const day = 24 * 60 * 60 * 1000;
const browser = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/140.0 Safari/537.36';

/** A coordinator's proposal on an executive's account, in `status`, with a live link. */
async function linkedProposal(
  status: ProposalStatus,
  overrides: Partial<typeof proposals.$inferInsert> = {},
) {
  const author = await createActor('coordinator');
  const owner = await createActor('executive');
  const client = await createClientRecord({ name: 'Fabrikam', ownerId: owner.id });
  const { token, hash } = createShareToken();
  const proposal = await createProposal(db, {
    clientId: client.id,
    authorId: author.id,
    status,
    title: 'Rebrand for Fabrikam',
    body: 'The secret scope of work.',
    validUntil: '2099-12-31',
    sentAt: new Date(),
    shareTokenHash: hash,
    shareLinkCreatedAt: new Date(),
    ...overrides,
  });
  return { author, owner, client, proposal, token };
}

function shareLink(
  actor: CurrentUser,
  proposal: { id: string; version: number },
  enabled: boolean,
) {
  return executeAction(setShareLinkCommand, actor, {
    id: proposal.id,
    version: String(proposal.version),
    enabled: String(enabled),
  });
}

afterEach(async () => {
  delete process.env.TRUSTED_PROXY_HOPS;
  await db.delete(settings).where(eq(settings.key, shareLinkSettingsKey));
  await db.delete(shareLinkRateLimits);
});

describe('what a share link shows', () => {
  it('shows an open proposal whole, with who to contact', async () => {
    const { author, token } = await linkedProposal('sent');
    expect(await getSharedProposal(token)).toMatchObject({
      state: 'open',
      proposal: { title: 'Rebrand for Fabrikam', body: 'The secret scope of work.' },
      contact: { name: author.name, email: author.email },
    });
  });

  it('says only that it expired, once expired or past its valid-until date', async () => {
    const expired = await linkedProposal('expired', { validUntil: '2020-01-31' });
    const lapsed = await linkedProposal('sent', { validUntil: '2020-01-31' });
    for (const { token, author } of [expired, lapsed]) {
      const shared = await getSharedProposal(token);
      expect(shared).toEqual({
        id: expect.any(String),
        state: 'expired',
        contact: { name: author.name, email: author.email },
      });
      expect(JSON.stringify(shared)).not.toContain('secret scope');
    }
    expect(await acceptSharedProposal({ token: expired.token, name: 'Ada Byron' }, null)).toEqual({
      ok: false,
      error: 'This proposal has expired. Ask your account team for a new one.',
    });
  });

  it('names the account owner as the contact when the author has left', async () => {
    const { author, owner, token } = await linkedProposal('expired');
    await db.execute(sql`update users set active = false where id = ${author.id}`);
    expect(await getSharedProposal(token)).toMatchObject({
      contact: { name: owner.name, email: owner.email },
    });
  });

  it('gives no contact when nobody on the account is active', async () => {
    const { author, owner, token } = await linkedProposal('expired');
    await db.execute(sql`update users set active = false where id in (${author.id}, ${owner.id})`);
    expect(await getSharedProposal(token)).toMatchObject({ state: 'expired', contact: null });
  });

  it('shows an accepted or declined answer for 30 days by default, then only that it is closed', async () => {
    const respondedAt = new Date('2026-03-01T12:00:00Z');
    const accepted = await linkedProposal('accepted', {
      respondedAt,
      responderName: 'Ada Byron',
    });
    const declined = await linkedProposal('declined', {
      respondedAt,
      responseComment: 'Too expensive',
    });
    const within = new Date(respondedAt.getTime() + 29 * day);
    const after = new Date(respondedAt.getTime() + 30 * day + 1);

    const answered = await getSharedProposal(accepted.token, within);
    expect(answered).toMatchObject({
      state: 'answered',
      answer: { status: 'accepted', responderName: 'Ada Byron', title: 'Rebrand for Fabrikam' },
    });
    expect(JSON.stringify(answered)).not.toContain('secret scope');
    expect(await getSharedProposal(declined.token, within)).toMatchObject({
      state: 'answered',
      answer: { status: 'declined', responseComment: 'Too expensive' },
    });
    for (const { token, author } of [accepted, declined]) {
      expect(await getSharedProposal(token, after)).toEqual({
        id: expect.any(String),
        state: 'closed',
        contact: { name: author.name, email: author.email },
      });
    }
  });

  it('follows the answered-window setting a manager sets', async () => {
    const manager = await createActor('manager');
    const respondedAt = new Date('2026-03-01T12:00:00Z');
    const { token } = await linkedProposal('accepted', { respondedAt, responderName: 'Ada' });
    expectOk(await executeAction(setShareLinkSettingsCommand, manager, { answeredLinkDays: '5' }));
    expect(await getShareLinkSettings()).toEqual({ answeredLinkDays: 5 });
    expect(await getSharedProposal(token, new Date(respondedAt.getTime() + 4 * day))).toMatchObject(
      { state: 'answered' },
    );
    expect(await getSharedProposal(token, new Date(respondedAt.getTime() + 6 * day))).toMatchObject(
      { state: 'closed' },
    );
    expectOk(await executeAction(setShareLinkSettingsCommand, manager, { answeredLinkDays: '0' }));
    expect(await getSharedProposal(token, respondedAt)).toMatchObject({ state: 'closed' });
    expect(await auditEntriesFor(shareLinkSettingsKey)).toMatchObject([
      { action: 'settings.updated', after: { answeredLinkDays: 5 } },
      { action: 'settings.updated', after: { answeredLinkDays: 0 } },
    ]);
  });

  it('refuses bad answered-window input and anyone but a manager, changing nothing', async () => {
    const manager = await createActor('manager');
    for (const answeredLinkDays of ['-1', '2.5', 'soon', '400']) {
      expect(
        await executeAction(setShareLinkSettingsCommand, manager, { answeredLinkDays }),
      ).toMatchObject({ ok: false, fieldErrors: { answeredLinkDays: expect.any(Array) } });
    }
    for (const role of ['coordinator', 'executive'] as const) {
      expect(
        await executeAction(setShareLinkSettingsCommand, await createActor(role), {
          answeredLinkDays: '3',
        }),
      ).toMatchObject({ ok: false, code: 'forbidden' });
    }
    expect(await db.$count(settings, eq(settings.key, shareLinkSettingsKey))).toBe(0);
    expect(await getShareLinkSettings()).toEqual({ answeredLinkDays: 30 });
  });

  it('shows nothing for an unknown, malformed or revoked token', async () => {
    expect(await getSharedProposal(createShareToken().token)).toBeNull();
    expect(await getSharedProposal('short')).toBeNull();
    expect(await getSharedProposal('../../etc/passwd-and-more-characters')).toBeNull();
  });
});

describe('revoking and making links', () => {
  it('lets the author, the account owner and a manager revoke a link in any state', async () => {
    const manager = await createActor('manager');
    for (const status of ['sent', 'accepted', 'declined', 'expired'] as const) {
      const cases = await Promise.all([linkedProposal(status), linkedProposal(status)]);
      const third = await linkedProposal(status);
      const revokers = [
        [cases[0], cases[0].author],
        [cases[1], cases[1].owner],
        [third, manager],
      ] as const;
      for (const [{ proposal, token }, actor] of revokers) {
        expectOk(await shareLink(actor, await readProposal(proposal.id), false));
        expect(await readProposal(proposal.id)).toMatchObject({
          status,
          shareTokenHash: null,
          shareLinkCreatedAt: null,
        });
        expect(await getSharedProposal(token)).toBeNull();
        expect(await auditEntriesFor(proposal.id)).toMatchObject([
          { action: 'proposal.share_link_revoked', actorId: actor.id },
        ]);
      }
    }
  });

  it('refuses other coordinators and executives, per role, and changes nothing', async () => {
    const { proposal, token } = await linkedProposal('accepted', {
      respondedAt: new Date(),
      responderName: 'Ada',
    });
    for (const role of ['coordinator', 'executive'] as const) {
      const stranger = await createActor(role);
      expect(await shareLink(stranger, proposal, false)).toMatchObject({
        ok: false,
        code: 'forbidden',
      });
    }
    expect(await readProposal(proposal.id)).toMatchObject({
      shareTokenHash: hashShareToken(token),
      version: proposal.version,
    });
    expect(await auditEntriesFor(proposal.id)).toEqual([]);
  });

  it('makes a new link that replaces the old, only while sent and still valid', async () => {
    const { author, proposal, token } = await linkedProposal('sent');
    const made = expectOk(await shareLink(author, proposal, true));
    expect(made.shareToken).toMatch(/^[\w-]{43}$/);
    expect(await getSharedProposal(token)).toBeNull();
    expect(await getSharedProposal(made.shareToken!)).toMatchObject({ state: 'open' });

    await db
      .update(proposals)
      .set({ validUntil: '2020-01-31' })
      .where(eq(proposals.id, proposal.id));
    expect(await shareLink(author, await readProposal(proposal.id), true)).toMatchObject({
      ok: false,
      error: expect.stringContaining('valid-until date has passed'),
    });
    const answered = await linkedProposal('accepted');
    expect(await shareLink(answered.author, answered.proposal, true)).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    expect(await getSharedProposal(answered.token)).not.toBeNull();
  });

  it('keeps only the hash: the token is in no table, not even the audit log', async () => {
    const executive = await createActor('executive');
    const client = await createClientRecord({ ownerId: executive.id });
    const proposal = await createProposal(db, {
      clientId: client.id,
      authorId: executive.id,
      amountCents: 100,
      validUntil: '2099-12-31',
    });
    const { shareToken } = expectOk(
      await executeAction(sendProposalCommand, executive, {
        id: proposal.id,
        version: String(proposal.version),
      }),
    );
    const remade = expectOk(await shareLink(executive, await readProposal(proposal.id), true));
    const stored = await readProposal(proposal.id);
    expect(stored.shareTokenHash).toBe(hashShareToken(remade.shareToken!));
    for (const token of [shareToken, remade.shareToken!]) {
      const [found] = await db.execute<{ n: number }>(sql`
        select (select count(*) from proposals p where p::text like ${`%${token}%`})
             + (select count(*) from audit_log a where a::text like ${`%${token}%`}) as n`);
      expect(Number(found?.n)).toBe(0);
    }
    expect(await db.$count(auditLog, eq(auditLog.entityId, proposal.id))).toBeGreaterThan(0);
  });

  it('keeps links made before hashing working once the migration hashed them', async () => {
    const legacy = 'Abc_-123legacyToken4567890abcdef';
    const { proposal } = await linkedProposal('sent', { shareTokenHash: null });
    // The state before migration 0008: the raw token in its own column.
    await db.execute(sql`alter table proposals add column share_token varchar(64)`);
    try {
      await db.execute(sql`update proposals set share_token = ${legacy} where id = ${proposal.id}`);
      const migration = await readFile(
        path.join(process.cwd(), 'db/migrations/0008_hash_share_tokens.sql'),
        'utf8',
      );
      for (const statement of migration.split('--> statement-breakpoint')) {
        await db.execute(sql.raw(statement));
      }
    } finally {
      await db.execute(sql`alter table proposals drop column share_token`);
    }
    expect(await readProposal(proposal.id)).toMatchObject({
      shareTokenHash: hashShareToken(legacy),
      shareLinkCreatedAt: expect.any(Date),
    });
    expect(await getSharedProposal(legacy)).toMatchObject({ state: 'open' });
  });
});

describe('sending', () => {
  it('refuses a proposal whose valid-until date has passed, changing nothing', async () => {
    const executive = await createActor('executive');
    const client = await createClientRecord({ ownerId: executive.id });
    const draft = await createProposal(db, {
      clientId: client.id,
      authorId: executive.id,
      amountCents: 100,
      validUntil: '2020-01-31',
    });
    const approved = await createProposal(db, {
      clientId: client.id,
      authorId: executive.id,
      status: 'approved',
      validUntil: '2020-01-31',
    });
    for (const proposal of [draft, approved]) {
      expect(
        await executeAction(sendProposalCommand, executive, {
          id: proposal.id,
          version: String(proposal.version),
        }),
      ).toMatchObject({ ok: false, error: expect.stringContaining('valid-until date has passed') });
      expect(await readProposal(proposal.id)).toMatchObject({
        status: proposal.status,
        version: proposal.version,
        shareTokenHash: null,
      });
    }
    const today = new Date().toISOString().slice(0, 10);
    await db.update(proposals).set({ validUntil: today }).where(eq(proposals.id, draft.id));
    expectOk(
      await executeAction(sendProposalCommand, executive, {
        id: draft.id,
        version: String(draft.version),
      }),
    );
  });
});

describe('the rate limit of /p/', () => {
  const request = (token: string, headers: Record<string, string> = {}) =>
    limitShareLinkRequest(`/p/${token}`, new Headers(headers), new Date('2026-03-01T12:01:00Z'));

  it('answers 429 to an address after a bounded number of guesses, even for a real link', async () => {
    const { token } = await linkedProposal('sent');
    for (let guess = 0; guess < shareLinkLimits.guessesPerAddress; guess += 1) {
      expect(await request(createShareToken().token)).toBeNull();
    }
    const refused = await request(createShareToken().token);
    expect(refused?.status).toBe(429);
    expect(refused?.headers.get('retry-after')).toBe(String(14 * 60));
    expect((await request(token))?.status).toBe(429);
    expect((await request('malformed'))?.status).toBe(429);
  });

  it("counts a link's file downloads with its page views, under the same limit", async () => {
    const { token } = await linkedProposal('sent');
    const download = `/p/${token}/materials/${randomUUID()}`;
    const at = new Date('2026-03-01T12:01:00Z');
    for (let hit = 0; hit < shareLinkLimits.requestsPerLink; hit += 1) {
      expect(
        await limitShareLinkRequest(hit % 2 ? download : `/p/${token}`, new Headers(), at),
      ).toBeNull();
    }
    expect((await limitShareLinkRequest(download, new Headers(), at))?.status).toBe(429);
    expect((await request(token))?.status).toBe(429);
  });

  it('counts addresses apart behind a trusted proxy', async () => {
    process.env.TRUSTED_PROXY_HOPS = '1';
    for (let guess = 0; guess <= shareLinkLimits.guessesPerAddress; guess += 1) {
      await request(createShareToken().token, { 'x-forwarded-for': '198.51.100.7' });
    }
    expect(
      (await request(createShareToken().token, { 'x-forwarded-for': '198.51.100.7' }))?.status,
    ).toBe(429);
    expect(
      await request(createShareToken().token, { 'x-forwarded-for': '203.0.113.8' }),
    ).toBeNull();
    const buckets = await db.select().from(shareLinkRateLimits);
    expect(JSON.stringify(buckets)).not.toContain('198.51.100.7');
  });

  it('answers 429 to one link asked for too often, until the window ends', async () => {
    const { token } = await linkedProposal('sent');
    const other = await linkedProposal('sent');
    for (let hit = 0; hit < shareLinkLimits.requestsPerLink; hit += 1) {
      expect(await request(token)).toBeNull();
    }
    expect((await request(token))?.status).toBe(429);
    expect(await request(other.token)).toBeNull();
    const nextWindow = new Date(
      new Date('2026-03-01T12:01:00Z').getTime() + shareLinkLimits.windowMinutes * 60_000,
    );
    expect(await limitShareLinkRequest(`/p/${token}`, new Headers(), nextWindow)).toBeNull();
    const windows = await db.select().from(shareLinkRateLimits);
    expect(windows.every((row) => row.windowStart >= new Date('2026-03-01T12:15:00Z'))).toBe(true);
  });
});

describe('the view log', () => {
  async function totals(proposalId: string) {
    const [row] = await db
      .select()
      .from(proposalViewTotals)
      .where(eq(proposalViewTotals.proposalId, proposalId));
    return row;
  }

  async function viewedNotifications(userId: string) {
    return db.$count(
      notifications,
      and(eq(notifications.userId, userId), eq(notifications.kind, 'proposal_viewed')),
    );
  }

  it('logs link previews without counting them as views or notifying the author', async () => {
    const { author, proposal, token } = await linkedProposal('sent');
    const visitor = { address: '203.0.113.9', userAgent: 'Slackbot-LinkExpanding 1.0' };
    const previewId = await logShareLinkRequest(proposal.id, visitor);
    const headId = await logShareLinkRequest(proposal.id, { address: null, userAgent: browser });
    expect(await confirmShareLinkView({ token, viewId: previewId }, visitor.userAgent)).toBe(false);
    expect(await confirmShareLinkView({ token, viewId: previewId }, null)).toBe(false);
    expect(await totals(proposal.id)).toMatchObject({ requests: 2, views: 0 });
    expect(await viewedNotifications(author.id)).toBe(0);

    expect(await confirmShareLinkView({ token, viewId: headId }, browser)).toBe(true);
    expect(await confirmShareLinkView({ token, viewId: headId }, browser)).toBe(false);
    expect(await totals(proposal.id)).toMatchObject({ requests: 2, views: 1 });
    expect(await viewedNotifications(author.id)).toBe(1);
    const rows = await db
      .select({ id: proposalViews.id, realView: proposalViews.realView })
      .from(proposalViews)
      .where(eq(proposalViews.proposalId, proposal.id));
    expect(rows).toEqual(
      expect.arrayContaining([
        { id: previewId, realView: false },
        { id: headId, realView: true },
      ]),
    );
  });

  it('refuses a report for another proposal’s request or with a bad token', async () => {
    const first = await linkedProposal('sent');
    const second = await linkedProposal('sent');
    const viewId = await logShareLinkRequest(first.proposal.id, {
      address: null,
      userAgent: browser,
    });
    expect(await confirmShareLinkView({ token: second.token, viewId }, browser)).toBe(false);
    expect(await confirmShareLinkView({ token: 'nope', viewId }, browser)).toBe(false);
    expect(await confirmShareLinkView({ token: first.token, viewId: 'x' }, browser)).toBe(false);
    expect(await confirmShareLinkView({ token: first.token, viewId: null }, browser)).toBe(false);
    expect(await totals(first.proposal.id)).toMatchObject({ views: 0 });
  });

  it('stores at most the cap of requests per proposal and counts the rest', async () => {
    const { proposal, token } = await linkedProposal('sent');
    await db.insert(proposalViewTotals).values({
      proposalId: proposal.id,
      requests: proposalViewLogCap - 2,
    });
    const ids = [];
    for (let request = 0; request < 5; request += 1) {
      ids.push(await logShareLinkRequest(proposal.id, { address: null, userAgent: browser }));
    }
    expect(ids.filter((id) => id !== null)).toHaveLength(2);
    expect(ids.slice(2)).toEqual([null, null, null]);
    expect(await db.$count(proposalViews, eq(proposalViews.proposalId, proposal.id))).toBe(2);
    expect(await totals(proposal.id)).toMatchObject({ requests: proposalViewLogCap + 3 });
    expect(await confirmShareLinkView({ token, viewId: null }, browser)).toBe(true);
    expect(await totals(proposal.id)).toMatchObject({ views: 1 });
  });
});
