import { and, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import {
  budgetEntries,
  campaigns,
  clients,
  competitors,
  contacts,
  contracts,
  deals,
  documents,
  feedback,
  invoices,
  materials,
  meetings,
  proposals,
  reportRuns,
  researchNotes,
} from '@/db/schema';
import { executeAction } from '@/server/action';
import type { CurrentUser } from '@/server/auth/session';
import { linkCompetitorCommand } from '@/server/clients/commands/competitor-links';
import { addResearchNoteCommand } from '@/server/clients/commands/research';
import { logFeedbackCommand } from '@/server/feedback/commands';
import { issueInvoiceCommand } from '@/server/invoices/commands';
import {
  approveMaterialCommand,
  attachMaterialCommand,
  createMaterialCommand,
  startMaterialCommand,
  submitMaterialCommand,
} from '@/server/materials/commands';
import { createCalendarFeedCommand } from '@/server/meetings/feed';
import { createShareToken } from '@/server/proposals/share-token';
import { fileReportCommand } from '@/server/reports/commands';
import { addBudgetEntryCommand } from '@/server/campaigns/entries';
import { createCampaignRecord, entryForm } from './campaign-factories';
import { createClientRecord, createContactRecord } from './client-factories';
import { createContractRecord } from './contract-factories';
import { createDealRecord } from './deal-factories';
import { pdfBytes, upload, uploaded } from './document-factories';
import { createActor, expectOk } from './factories';
import { draftInvoice } from './invoice-factories';
import { daysFromToday, scheduleMeeting } from './meeting-factories';
import { createProposal } from './proposal-factories';

/** The word in every record's name, so one search term or one CSV scan finds them all. */
export const marker = 'Vislab';

/** The people around the account: its two insiders, one outsider of each role, and a manager. */
async function createPeople() {
  const [owner, coordinator, outsideCoordinator, outsideExecutive, manager] = await Promise.all([
    createActor('executive'),
    createActor('coordinator'),
    createActor('coordinator'),
    createActor('executive'),
    createActor('manager'),
  ]);
  return { owner, coordinator, outsideCoordinator, outsideExecutive, manager };
}

/** A calendar subscription token of `user`'s own. */
async function feedTokenOf(user: CurrentUser) {
  const { path } = expectOk(await executeAction(createCalendarFeedCommand, user, {}));
  return path.replace('/calendar/feed/', '').replace(/\.ics$/, '');
}

/** A ready material on `clientId` with one file, made by `maker` and approved by `approver`. */
async function readyMaterial(maker: CurrentUser, approver: CurrentUser, clientId: string) {
  const { id } = expectOk(
    await executeAction(createMaterialCommand, maker, {
      clientId,
      dealId: '',
      campaignId: '',
      kind: 'presentation',
      title: `${marker} Material`,
      brief: '',
      tags: 'launch',
      assigneeId: maker.id,
      dueDate: daysFromToday(3),
    }),
  );
  expectOk(await executeAction(startMaterialCommand, maker, { id, version: '1' }));
  const file = uploaded(
    await upload(maker, { recordKind: 'material', recordId: id }, `${marker}-deck.pdf`, pdfBytes),
  );
  expectOk(await executeAction(submitMaterialCommand, maker, { id, version: '2' }));
  expectOk(await executeAction(approveMaterialCommand, approver, { id, version: '3' }));
  return { id, file };
}

async function readOne<T>(rows: Promise<T[]>) {
  const [row] = await rows;
  if (!row) throw new Error('fixture row missing');
  return row;
}

/**
 * One account with one record of every type, built while visibility is `open` by its owner and
 * coordinator, with the outsiders invited to its meeting and routed its feedback the way they
 * could be before the setting was switched. Rows are read back last, so versions are current.
 */
export async function createAccountWithEveryRecord() {
  const people = await createPeople();
  const { owner, coordinator, outsideCoordinator, outsideExecutive, manager } = people;
  const client = await createClientRecord({
    name: `${marker} Account`,
    ownerId: owner.id,
    coordinatorId: coordinator.id,
  });
  const contact = await createContactRecord(client.id, {
    name: `${marker} Contact`,
    email: 'contact@vislab.test',
  });
  const competitor = await readOne(
    db
      .insert(competitors)
      .values({ name: `${marker} Rival` })
      .returning(),
  );
  expectOk(
    await executeAction(linkCompetitorCommand, coordinator, {
      clientId: client.id,
      competitorId: competitor.id,
    }),
  );
  expectOk(
    await executeAction(addResearchNoteCommand, coordinator, {
      clientId: client.id,
      topic: 'market',
      sourceUrl: '',
      summary: `${marker} research: the market is growing.`,
    }),
  );
  const deal = await createDealRecord(client.id, {
    name: `${marker} Deal`,
    expectedClose: daysFromToday(0),
    ownerId: owner.id,
    coordinatorId: coordinator.id,
  });
  const share = createShareToken();
  const proposal = await createProposal(db, {
    clientId: client.id,
    dealId: deal.id,
    title: `${marker} Proposal`,
    authorId: coordinator.id,
    status: 'sent',
    validUntil: '2099-12-31',
    sentAt: new Date(),
    shareTokenHash: share.hash,
    shareLinkCreatedAt: new Date(),
  });
  const contract = await createContractRecord(client.id, {
    title: `${marker} Contract`,
    proposalId: proposal.id,
  });
  const draft = await draftInvoice(coordinator, client.id);
  expectOk(
    await executeAction(issueInvoiceCommand, owner, {
      id: draft.id,
      version: String(draft.version),
    }),
  );
  const document = uploaded(
    await upload(
      coordinator,
      { recordKind: 'client', recordId: client.id },
      `${marker}-brief.pdf`,
      pdfBytes,
    ),
  );
  const everyone = [owner, coordinator, outsideCoordinator, outsideExecutive, manager];
  const meeting = await scheduleMeeting(
    coordinator,
    everyone.map((user) => user.id),
    { clientId: client.id, title: `${marker} Meeting`, date: daysFromToday(1) },
  );
  const feedTokens = new Map(
    await Promise.all(everyone.map(async (user) => [user.id, await feedTokenOf(user)] as const)),
  );
  const { id: feedbackId } = expectOk(
    await executeAction(logFeedbackCommand, coordinator, {
      clientId: client.id,
      contactId: contact.id,
      meetingId: '',
      channel: 'call',
      sentiment: 'negative',
      category: '',
      body: `${marker} feedback: the reports were late again.`,
      routedToId: outsideCoordinator.id,
    }),
  );
  const material = await readyMaterial(coordinator, owner, client.id);
  expectOk(
    await executeAction(attachMaterialCommand, coordinator, {
      materialId: material.id,
      targetKind: 'proposal',
      targetId: proposal.id,
    }),
  );
  const campaign = await createCampaignRecord(coordinator, client.id, {
    name: `${marker} Campaign`,
  });
  expectOk(await executeAction(addBudgetEntryCommand, coordinator, entryForm(campaign.id)));
  expectOk(
    await executeAction(fileReportCommand, owner, {
      report: 'pipeline',
      format: 'csv',
      range: 'thisQuarter',
      client: client.id,
    }),
  );
  const reportRun = await readOne(
    db.select().from(reportRuns).where(eq(reportRuns.runById, owner.id)),
  );
  return {
    people,
    competitor,
    researchNote: await readOne(
      db.select().from(researchNotes).where(eq(researchNotes.clientId, client.id)),
    ),
    feedTokens,
    materialFile: material.file,
    client: await readOne(db.select().from(clients).where(eq(clients.id, client.id))),
    contact: await readOne(db.select().from(contacts).where(eq(contacts.id, contact.id))),
    deal: await readOne(db.select().from(deals).where(eq(deals.id, deal.id))),
    proposal: await readOne(db.select().from(proposals).where(eq(proposals.id, proposal.id))),
    contract: await readOne(db.select().from(contracts).where(eq(contracts.id, contract.id))),
    invoice: await readOne(db.select().from(invoices).where(eq(invoices.id, draft.id))),
    document: await readOne(db.select().from(documents).where(eq(documents.id, document.id))),
    meeting: await readOne(db.select().from(meetings).where(eq(meetings.id, meeting.id))),
    feedback: await readOne(db.select().from(feedback).where(eq(feedback.id, feedbackId))),
    material: await readOne(db.select().from(materials).where(eq(materials.id, material.id))),
    campaign: await readOne(db.select().from(campaigns).where(eq(campaigns.id, campaign.id))),
    budgetEntry: await readOne(
      db.select().from(budgetEntries).where(eq(budgetEntries.campaignId, campaign.id)),
    ),
    reportRun,
    reportDocument: await readOne(
      db
        .select()
        .from(documents)
        .where(and(eq(documents.recordKind, 'report'), eq(documents.recordId, reportRun.id))),
    ),
  };
}

export type AccountFixture = Awaited<ReturnType<typeof createAccountWithEveryRecord>>;

/**
 * One fingerprint of every row of every table in the public schema: equal before and after a
 * refused action exactly when it changed nothing.
 */
export async function databaseChecksum() {
  const tables = await db.execute<{ name: string }>(
    sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  const perTable = tables.map(
    ({ name }) =>
      sql`(select md5(coalesce(string_agg(t::text, ',' order by t::text), '')) from ${sql.identifier(name)} t)`,
  );
  const [row] = await db.execute<{ checksum: string }>(
    sql`select md5(array_to_string(array[${sql.join(perTable, sql`, `)}], '|')) as checksum`,
  );
  return row?.checksum;
}
