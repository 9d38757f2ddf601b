import {
  bulkReassignCampaignCoordinatorCommand,
  bulkSetCampaignStatusCommand,
} from '@/server/campaigns/bulk';
import { createCampaignCommand, updateCampaignCommand } from '@/server/campaigns/commands';
import {
  addBudgetEntryCommand,
  deleteBudgetEntryCommand,
  updateBudgetEntryCommand,
} from '@/server/campaigns/entries';
import {
  linkCampaignDealCommand,
  linkCampaignMeetingCommand,
  unlinkCampaignDealCommand,
  unlinkCampaignMeetingCommand,
} from '@/server/campaigns/links';
import {
  cancelMeetingCommand,
  completeMeetingCommand,
  createMeetingCommand,
  moveMeetingCommand,
  updateMeetingCommand,
} from '@/server/meetings/commands';
import type { CurrentUser } from '@/server/auth/session';
import {
  campaignForm,
  createCampaignRecord,
  entryForm,
  readBudgetEntries,
} from '../../support/campaign-factories';
import { createDealRecord } from '../../support/deal-factories';
import { daysFromToday, meetingInput, scheduleMeeting } from '../../support/meeting-factories';
import { registerAction } from '../action-entry';
import {
  accountOwnedBy,
  alreadyDone,
  anyRecord,
  setUp,
  ticked,
  versionOf,
  type World,
} from '../world';

// Every attendee is in many fixtures' meetings at the same hour: saving over them is on purpose.
const overlapping = { acknowledgeOverlap: true };

/** A meeting on the actor's account that the actor attends, `daysAhead` days from today. */
async function meetingOf(actor: CurrentUser, world: World, daysAhead = 1) {
  const client = await accountOwnedBy(actor.id);
  return scheduleMeeting(world.otherManager, [actor.id], {
    clientId: client.id,
    date: daysFromToday(daysAhead),
    ...overlapping,
  });
}

const meetingStep = (meeting: { id: string; version: number }) => ({
  meetingId: meeting.id,
  version: versionOf(meeting),
});

async function campaignOf(actor: CurrentUser, world: World) {
  const client = await accountOwnedBy(actor.id);
  return createCampaignRecord(world.otherManager, client.id);
}

async function campaignAndDeal(actor: CurrentUser, world: World) {
  const campaign = await campaignOf(actor, world);
  const deal = await createDealRecord(campaign.clientId, { ownerId: actor.id });
  return { campaignId: campaign.id, dealId: deal.id };
}

async function campaignAndMeeting(actor: CurrentUser, world: World) {
  const campaign = await campaignOf(actor, world);
  const meeting = await scheduleMeeting(world.otherManager, [actor.id], {
    clientId: campaign.clientId,
    ...overlapping,
  });
  return { campaignId: campaign.id, meetingId: meeting.id };
}

async function budgetEntryOf(actor: CurrentUser, world: World) {
  const campaign = await campaignOf(actor, world);
  await setUp(addBudgetEntryCommand, world.otherManager, entryForm(campaign.id));
  const [entry] = await readBudgetEntries(campaign.id);
  if (!entry) throw new Error('budget entry not added');
  return entry;
}

export const calendarActions = {
  createMeetingCommand: registerAction(createMeetingCommand, {
    permission: 'meetings.write',
    fixtures: anyRecord(async (actor) => ({
      input: meetingInput((await accountOwnedBy(actor.id)).id, [actor.id], overlapping),
    })),
  }),
  updateMeetingCommand: registerAction(updateMeetingCommand, {
    permission: 'meetings.write',
    fixtures: anyRecord(async (actor, world) => {
      const meeting = await meetingOf(actor, world);
      return {
        input: {
          ...meetingInput(meeting.clientId, [actor.id], overlapping),
          ...meetingStep(meeting),
          title: 'Moved review',
        },
      };
    }),
  }),
  moveMeetingCommand: registerAction(moveMeetingCommand, {
    permission: 'meetings.write',
    fixtures: anyRecord(async (actor, world) => ({
      input: {
        ...meetingStep(await meetingOf(actor, world)),
        date: daysFromToday(2),
        startTime: '14:00',
        endTime: '15:00',
        timeZone: 'UTC',
        ...overlapping,
      },
    })),
  }),
  cancelMeetingCommand: registerAction(cancelMeetingCommand, {
    permission: 'meetings.write',
    fixtures: anyRecord(async (actor, world) => ({
      input: meetingStep(await meetingOf(actor, world)),
    })),
  }),
  completeMeetingCommand: registerAction(completeMeetingCommand, {
    permission: 'meetings.write',
    fixtures: anyRecord(async (actor, world) => ({
      input: { ...meetingStep(await meetingOf(actor, world, -1)), outcomeNotes: 'Agreed scope.' },
    })),
  }),
  createCampaignCommand: registerAction(createCampaignCommand, {
    permission: 'campaigns.write',
    fixtures: anyRecord(async (actor) => ({
      input: campaignForm((await accountOwnedBy(actor.id)).id),
    })),
  }),
  updateCampaignCommand: registerAction(updateCampaignCommand, {
    permission: 'campaigns.write',
    fixtures: anyRecord(async (actor, world) => {
      const campaign = await campaignOf(actor, world);
      const { clientId: _clientId, ...fields } = campaignForm(campaign.clientId, {
        name: 'Autumn launch',
      });
      return { input: { ...fields, id: campaign.id, version: versionOf(campaign) } };
    }),
  }),
  bulkSetCampaignStatusCommand: registerAction(bulkSetCampaignStatusCommand, {
    permission: 'campaigns.write',
    fixtures: anyRecord(async (actor, world) => ({
      input: { selection: ticked(await campaignOf(actor, world)), status: 'running' },
    })),
  }),
  bulkReassignCampaignCoordinatorCommand: registerAction(bulkReassignCampaignCoordinatorCommand, {
    permission: 'campaigns.write',
    fixtures: anyRecord(async (actor, world) => ({
      input: {
        selection: ticked(await campaignOf(actor, world)),
        coordinatorId: world.otherCoordinator.id,
      },
    })),
  }),
  addBudgetEntryCommand: registerAction(addBudgetEntryCommand, {
    permission: 'campaigns.write',
    fixtures: anyRecord(async (actor, world) => ({
      input: entryForm((await campaignOf(actor, world)).id),
    })),
  }),
  updateBudgetEntryCommand: registerAction(updateBudgetEntryCommand, {
    permission: 'campaigns.write',
    fixtures: anyRecord(async (actor, world) => {
      const entry = await budgetEntryOf(actor, world);
      const { campaignId: _campaignId, ...fields } = entryForm('', { amount: '150.00' });
      return { input: { ...fields, entryId: String(entry.id), version: versionOf(entry) } };
    }),
  }),
  deleteBudgetEntryCommand: registerAction(deleteBudgetEntryCommand, {
    permission: 'campaigns.write',
    fixtures: anyRecord(async (actor, world) => {
      const entry = await budgetEntryOf(actor, world);
      return { input: { entryId: String(entry.id), version: versionOf(entry) } };
    }),
  }),
  linkCampaignDealCommand: registerAction(linkCampaignDealCommand, {
    permission: 'campaigns.write',
    fixtures: anyRecord(async (actor, world) => ({
      input: await campaignAndDeal(actor, world),
    })),
  }),
  unlinkCampaignDealCommand: registerAction(unlinkCampaignDealCommand, {
    permission: 'campaigns.write',
    fixtures: alreadyDone(linkCampaignDealCommand, campaignAndDeal),
  }),
  linkCampaignMeetingCommand: registerAction(linkCampaignMeetingCommand, {
    permission: 'campaigns.write',
    fixtures: anyRecord(async (actor, world) => ({
      input: await campaignAndMeeting(actor, world),
    })),
  }),
  unlinkCampaignMeetingCommand: registerAction(unlinkCampaignMeetingCommand, {
    permission: 'campaigns.write',
    fixtures: alreadyDone(linkCampaignMeetingCommand, campaignAndMeeting),
  }),
};
