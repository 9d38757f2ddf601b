import { and, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import {
  budgetEntries,
  clients,
  competitors,
  documents,
  feedback,
  invoices,
  materials,
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

/** A competitor of the account, linked to it. */
async function linkedCompetitor(user: CurrentUser, clientId: string) {
  const competitor = await readOne(
    db
      .insert(competitors)
      .values({ name: `${marker} Rival` })
      .returning(),
  );
  expectOk(
    await executeAction(linkCompetitorCommand, user, { clientId, competitorId: competitor.id }),
  );
  return competitor;
}

/** A research note on the account. */
async function researchNoteOn(user: CurrentUser, clientId: string) {
  expectOk(
    await executeAction(addResearchNoteCommand, user, {
      clientId,
      topic: 'market',
      sourceUrl: '',
      summary: `${marker} research: the market is growing.`,
    }),
  );
  return readOne(db.select().from(researchNotes).where(eq(researchNotes.clientId, clientId)));
}

/** An invoice drafted by `drafter` and issued by `issuer`, so it has a number to search by. */
async function issuedInvoice(drafter: CurrentUser, issuer: CurrentUser, clientId: string) {
  const draft = await draftInvoice(drafter, clientId);
  expectOk(
    await executeAction(issueInvoiceCommand, issuer, {
      id: draft.id,
      version: String(draft.version),
    }),
  );
  return readOne(db.select().from(invoices).where(eq(invoices.id, draft.id)));
}

/** A campaign coordinated by `coordinator`, with one committed budget entry. */
async function campaignWithEntry(user: CurrentUser, clientId: string, coordinator: CurrentUser) {
  const campaign = await createCampaignRecord(user, clientId, {
    name: `${marker} Campaign`,
    coordinatorId: coordinator.id,
  });
  expectOk(await executeAction(addBudgetEntryCommand, user, entryForm(campaign.id)));
  const budgetEntry = await readOne(
    db.select().from(budgetEntries).where(eq(budgetEntries.campaignId, campaign.id)),
  );
  return { campaign, budgetEntry };
}

/** Feedback on the account, routed to `routedTo`. */
async function routedFeedback(
  user: CurrentUser,
  clientId: string,
  contactId: string,
  routedTo: CurrentUser,
) {
  const { id } = expectOk(
    await executeAction(logFeedbackCommand, user, {
      clientId,
      contactId,
      meetingId: '',
      channel: 'call',
      sentiment: 'negative',
      category: '',
      body: `${marker} feedback: the reports were late again.`,
      routedToId: routedTo.id,
    }),
  );
  return id;
}

/** The report run `owner` filed on their book, filtered to the account, and its document. */
async function filedReport(owner: CurrentUser, clientId: string) {
  expectOk(
    await executeAction(fileReportCommand, owner, {
      report: 'pipeline',
      format: 'csv',
      range: 'thisQuarter',
      client: clientId,
    }),
  );
  const reportRun = await readOne(
    db.select().from(reportRuns).where(eq(reportRuns.runById, owner.id)),
  );
  const reportDocument = await readOne(
    db
      .select()
      .from(documents)
      .where(and(eq(documents.recordKind, 'report'), eq(documents.recordId, reportRun.id))),
  );
  return { reportRun, reportDocument };
}

/**
 * One account with one record of every type, built while visibility is `open` by its owner and
 * coordinator, with the outsiders named on some of them the way they could be before the setting
 * was switched: the outside executive owns its deal, the outside coordinator coordinates its
 * campaign and answers its feedback, and both are invited to its meeting. Independent records are made side by side; rows that
 * later steps change are read back last, so their versions are current.
 */
export async function createAccountWithEveryRecord() {
  const people = await createPeople();
  const { owner, coordinator, outsideCoordinator, outsideExecutive, manager } = people;
  const everyone = [owner, coordinator, outsideCoordinator, outsideExecutive, manager];
  const client = await createClientRecord({
    name: `${marker} Account`,
    ownerId: owner.id,
    coordinatorId: coordinator.id,
  });
  const [contact, competitor, researchNote, deal, invoice, document, campaignAndEntry] =
    await Promise.all([
      createContactRecord(client.id, { name: `${marker} Contact`, email: 'contact@vislab.test' }),
      linkedCompetitor(coordinator, client.id),
      researchNoteOn(coordinator, client.id),
      createDealRecord(client.id, {
        name: `${marker} Deal`,
        expectedClose: daysFromToday(0),
        ownerId: outsideExecutive.id,
        coordinatorId: coordinator.id,
      }),
      issuedInvoice(coordinator, owner, client.id),
      upload(
        coordinator,
        { recordKind: 'client', recordId: client.id },
        `${marker}-brief.pdf`,
        pdfBytes,
      ).then(uploaded),
      campaignWithEntry(coordinator, client.id, outsideCoordinator),
    ]);
  const [proposal, meeting, feedTokens, feedbackId, material, report] = await Promise.all([
    createProposal(db, {
      clientId: client.id,
      dealId: deal.id,
      title: `${marker} Proposal`,
      authorId: coordinator.id,
      status: 'sent',
      validUntil: '2099-12-31',
      sentAt: new Date(),
      shareTokenHash: createShareToken().hash,
      shareLinkCreatedAt: new Date(),
    }),
    scheduleMeeting(
      coordinator,
      everyone.map((user) => user.id),
      { clientId: client.id, title: `${marker} Meeting`, date: daysFromToday(1) },
    ),
    Promise.all(everyone.map(async (user) => [user.id, await feedTokenOf(user)] as const)),
    routedFeedback(coordinator, client.id, contact.id, outsideCoordinator),
    readyMaterial(coordinator, owner, client.id),
    filedReport(owner, client.id),
  ]);
  const [contract] = await Promise.all([
    createContractRecord(client.id, { title: `${marker} Contract`, proposalId: proposal.id }),
    executeAction(attachMaterialCommand, coordinator, {
      materialId: material.id,
      targetKind: 'proposal',
      targetId: proposal.id,
    }).then(expectOk),
  ]);
  return {
    people,
    competitor,
    researchNote,
    feedTokens: new Map(feedTokens),
    materialFile: material.file,
    ...campaignAndEntry,
    ...report,
    client: await readOne(db.select().from(clients).where(eq(clients.id, client.id))),
    contact,
    deal,
    proposal: await readOne(db.select().from(proposals).where(eq(proposals.id, proposal.id))),
    contract,
    invoice,
    document: await readOne(db.select().from(documents).where(eq(documents.id, document.id))),
    meeting,
    feedback: await readOne(db.select().from(feedback).where(eq(feedback.id, feedbackId))),
    material: await readOne(db.select().from(materials).where(eq(materials.id, material.id))),
  };
}

export type AccountFixture = Awaited<ReturnType<typeof createAccountWithEveryRecord>>;
