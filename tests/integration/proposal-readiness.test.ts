import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { deals, proposalVersions } from '@/db/schema';
import { executeAction } from '@/server/action';
import type { CurrentUser } from '@/server/auth/session';
import {
  createProposalCommand,
  sendProposalCommand,
  submitProposalCommand,
  updateProposalCommand,
} from '@/server/proposals/commands';
import { proposalPdf } from '@/server/proposals/pdf';
import { getCurrentMergeValues } from '@/server/proposals/readiness';
import { getSharedProposal } from '@/server/proposals/share';
import { auditEntriesFor, createActor, expectOk } from '../support/factories';
import {
  createClientRecord,
  createContactRecord,
  setVisibility,
} from '../support/client-factories';
import { createDealRecord } from '../support/deal-factories';
import { pdfText } from '../support/pdf-text';
import { createPublishedTemplate } from '../support/pipeline-factories';
import { createProposal, readProposal } from '../support/proposal-factories';

async function step(command: typeof submitProposalCommand, actor: CurrentUser, id: string) {
  const { version } = await readProposal(id);
  return executeAction(command, actor, { id, version: String(version) });
}

/** Saves the draft as the editor would, keeping its body unless told otherwise. */
async function save(actor: CurrentUser, id: string, changes: { body?: string; amount?: string }) {
  const row = await readProposal(id);
  return executeAction(updateProposalCommand, actor, {
    id,
    version: String(row.version),
    title: row.title,
    body: changes.body ?? row.body,
    amount: changes.amount ?? (row.amountCents / 100).toFixed(2),
    currency: row.currency,
    validUntil: '2099-12-31',
    reviewerId: row.reviewerId ?? '',
  });
}

const template =
  'Dear {{contact.name}},\n\n{{client.name}}: {{deal.name}} for {{deal.amount}}. {{client.nmae}}';

/** A coordinator's draft from a template, for a client with no primary contact, on a $0 deal. */
async function unreadyDraft() {
  const author = await createActor('coordinator');
  const owner = await createActor('executive');
  const client = await createClientRecord({ name: 'Northwind Traders', ownerId: owner.id });
  const deal = await createDealRecord(client.id, { name: 'Spring launch', amountCents: 0 });
  const { id: templateId } = await createPublishedTemplate(template);
  const { id } = expectOk(
    await executeAction(createProposalCommand, author, {
      clientId: client.id,
      dealId: deal.id,
      templateId,
    }),
  );
  return { author, owner, client, deal, id };
}

const missingForUnready = [
  'Amount is zero — enter it in the draft’s Amount field',
  '{{contact.name}}: the client has no primary contact — add or mark one on the client',
  '{{deal.amount}}: the deal amount is empty — set it on the deal',
  '{{client.nmae}}: not a merge field — correct or remove it in the body',
];

beforeEach(async () => {
  await setVisibility('open');
});

describe('a proposal that is not ready to send', () => {
  it('keeps the fields a $0 deal and a missing contact cannot fill, and the amount at zero', async () => {
    const { id } = await unreadyDraft();
    const proposal = await readProposal(id);
    expect(proposal.amountCents).toBe(0);
    expect(proposal.body).toBe(
      'Dear {{contact.name}},\n\nNorthwind Traders: Spring launch for {{deal.amount}}. {{client.nmae}}',
    );
  });

  it('cannot be submitted: the refusal lists each missing value and where to fill it', async () => {
    const { author, id } = await unreadyDraft();
    const before = await readProposal(id);
    const result = await step(submitProposalCommand, author, id);
    if (result.ok) throw new Error('submitted');
    expect(result.fieldErrors?.missing).toEqual(missingForUnready);
    expect(result.error).toBe(
      `This proposal cannot be submitted yet:\n${missingForUnready.map((line) => `• ${line}`).join('\n')}`,
    );
    // Nothing changed: no status, no version snapshot, no audit entry.
    expect(await readProposal(id)).toEqual(before);
    expect(
      await db.select().from(proposalVersions).where(eq(proposalVersions.proposalId, id)),
    ).toEqual([]);
    expect((await auditEntriesFor(id)).map((entry) => entry.action)).toEqual(['proposal.created']);
  });

  it('cannot be sent directly by an executive author either', async () => {
    const executive = await createActor('executive');
    const client = await createClientRecord({ ownerId: executive.id });
    const { id } = expectOk(
      await executeAction(createProposalCommand, executive, { clientId: client.id }),
    );
    expectOk(await save(executive, id, { body: 'For {{contact.title}} at {{client.name}}.' }));
    await createContactRecord(client.id, { name: 'Ada Byron', isPrimary: true, title: null });

    const result = await step(sendProposalCommand, executive, id);
    if (result.ok) throw new Error('sent');
    expect(result.fieldErrors?.missing).toEqual([
      'Amount is zero — enter it in the draft’s Amount field',
      '{{contact.title}}: the primary contact has no title — set it on the client’s contact',
    ]);
    expect(result.error).toMatch(/^This proposal cannot be sent yet:\n• Amount is zero/);
    expect((await readProposal(id)).status).toBe('draft');
  });

  it('is ready once the values exist: submitting fills them in the body and the snapshot', async () => {
    const { author, client, deal, id } = await unreadyDraft();
    await createContactRecord(client.id, { name: 'Ada Byron', isPrimary: true });
    await db.update(deals).set({ amountCents: 4_200_000 }).where(eq(deals.id, deal.id));
    const { body } = await readProposal(id);
    expectOk(await save(author, id, { body: body.replace(' {{client.nmae}}', ''), amount: '0' }));
    // Saving already filled what exists; only the amount is still missing.
    expect((await readProposal(id)).body).toBe(
      'Dear Ada Byron,\n\nNorthwind Traders: Spring launch for $42,000.',
    );
    const stillZero = await step(submitProposalCommand, author, id);
    expect(stillZero.ok === false && stillZero.fieldErrors?.missing).toEqual([
      'Amount is zero — enter it in the draft’s Amount field',
    ]);

    expectOk(await save(author, id, { amount: '42000' }));
    expectOk(await step(submitProposalCommand, author, id));
    const submitted = await readProposal(id);
    expect(submitted.status).toBe('in_review');
    const [version] = await db
      .select()
      .from(proposalVersions)
      .where(eq(proposalVersions.proposalId, id));
    expect(version?.body).toBe(submitted.body);
  });

  it('fills at submit a field whose value appeared after the last save', async () => {
    const { author, client, deal, id } = await unreadyDraft();
    const { body } = await readProposal(id);
    expectOk(await save(author, id, { body: body.replace(' {{client.nmae}}', ''), amount: '500' }));
    await createContactRecord(client.id, { name: 'Ada Byron', isPrimary: true });
    await db.update(deals).set({ amountCents: 50_000 }).where(eq(deals.id, deal.id));

    expectOk(await step(submitProposalCommand, author, id));
    const submitted = await readProposal(id);
    expect(submitted.body).toBe('Dear Ada Byron,\n\nNorthwind Traders: Spring launch for $500.');
    const [version] = await db
      .select()
      .from(proposalVersions)
      .where(eq(proposalVersions.proposalId, id));
    expect(version?.body).toBe(submitted.body);
  });

  it('asks the permission first: someone who may not submit learns nothing about the gaps', async () => {
    const { owner, id } = await unreadyDraft();
    const result = await step(submitProposalCommand, owner, id);
    expect(result).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(result.ok === false && result.fieldErrors).toBeFalsy();
  });

  it('refuses to send an approved proposal that still has a placeholder, without changing it', async () => {
    const manager = await createActor('manager');
    const client = await createClientRecord();
    await createContactRecord(client.id, { name: 'Ada Byron', isPrimary: true });
    const approved = await createProposal(db, {
      clientId: client.id,
      status: 'approved',
      body: 'Dear {{contact.name}}',
      authorId: manager.id,
    });
    const result = await step(sendProposalCommand, manager, approved.id);
    expect(result).toMatchObject({ ok: false, fieldErrors: { missing: [expect.any(String)] } });
    expect(await readProposal(approved.id)).toEqual(approved);
  });
});

describe('merged values', () => {
  const name = '**Acme** <b>Bold</b> _& Sons_ {{today}} 1. [x](javascript:alert(1))';

  it('are stored escaped, so the share page and the PDF show Markdown and HTML as text', async () => {
    const executive = await createActor('executive');
    const client = await createClientRecord({ name, ownerId: executive.id });
    const { id: templateId } = await createPublishedTemplate('# For {{client.name}}\n\nHello.');
    const { id } = expectOk(
      await executeAction(createProposalCommand, executive, { clientId: client.id, templateId }),
    );
    const escaped =
      '\\*\\*Acme\\*\\* \\<b\\>Bold\\</b\\> \\_\\& Sons\\_ \\{\\{today\\}\\} 1\\. \\[x\\]\\(javascript\\:alert\\(1\\)\\)';
    expect((await readProposal(id)).body).toBe(`# For ${escaped}\n\nHello.`);

    const pdf = await proposalPdf(executive, id);
    if (!pdf) throw new Error('no PDF');
    // The heading wraps; pdfkit keeps the space at the end of a wrapped line.
    expect(pdfText(pdf.content).replace(/\n/g, '')).toContain(`For ${name}Hello.`);

    expectOk(await save(executive, id, { amount: '900' }));
    const { version } = await readProposal(id);
    const { shareToken } = expectOk(
      await executeAction(sendProposalCommand, executive, { id, version: String(version) }),
    );
    expect(await getSharedProposal(shareToken)).toMatchObject({
      state: 'open',
      proposal: { body: `# For ${escaped}\n\nHello.` },
    });
  });

  it('are filled, escaped, when the author types a field into the draft and saves', async () => {
    const author = await createActor('coordinator');
    const client = await createClientRecord({ name: 'Smith & <Sons>' });
    const { id } = expectOk(
      await executeAction(createProposalCommand, author, { clientId: client.id }),
    );
    expectOk(await save(author, id, { body: 'For {{ client.name }}, {{client.website}}.' }));
    expect((await readProposal(id)).body).toBe('For Smith \\& \\<Sons\\>, {{client.website}}.');
  });
});

describe('the editor’s merge values', () => {
  it('are the current ones, for whoever sees the client, and not found for anyone else', async () => {
    const { author, owner, client, id } = await unreadyDraft();
    await createContactRecord(client.id, { name: 'Ada Byron', isPrimary: true });
    const outsider = await createActor('coordinator');
    const manager = await createActor('manager');
    await setVisibility('assigned');
    expect(await getCurrentMergeValues(owner, id)).toMatchObject({
      'client.name': 'Northwind Traders',
      'contact.name': 'Ada Byron',
      'deal.name': 'Spring launch',
      'deal.amount': null,
      'author.name': author.name,
    });
    expect(await getCurrentMergeValues(manager, id)).toMatchObject({ 'contact.name': 'Ada Byron' });
    await expect(getCurrentMergeValues(outsider, id)).rejects.toMatchObject({
      digest: expect.stringContaining('404'),
    });
  });
});
