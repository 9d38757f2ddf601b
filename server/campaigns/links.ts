import 'server-only';
import { and, eq } from 'drizzle-orm';
import { campaignDeals, campaignMeetings, deals, meetings } from '@/db/schema';
import { linkCampaignDealSchema, linkCampaignMeetingSchema } from '@/lib/validation/campaigns';
import { defineAction } from '@/server/action';
import { conflict, notFound } from '@/server/errors';
import { lockCampaign, recordCampaignChange } from './records';

export const linkCampaignDealCommand = defineAction({
  schema: linkCampaignDealSchema,
  permission: 'campaigns.write',
  async run(input, context) {
    const campaign = await lockCampaign(context.tx, context.user, input.campaignId);
    // The deal must be the campaign's client's, so it is visible exactly when the campaign is.
    const [deal] = await context.tx
      .select({ id: deals.id, name: deals.name })
      .from(deals)
      .where(and(eq(deals.id, input.dealId), eq(deals.clientId, campaign.clientId)));
    if (!deal) throw conflict("Choose one of the client's deals.", { dealId: ['Choose a deal.'] });
    const linked = await context.tx
      .insert(campaignDeals)
      .values({ campaignId: campaign.id, dealId: deal.id, createdById: context.user.id })
      .onConflictDoNothing()
      .returning();
    if (linked.length === 0) throw conflict('This deal is already linked to the campaign.');
    await recordCampaignChange(
      context,
      campaign,
      { action: 'deal_linked', after: { dealId: deal.id } },
      `Deal ${deal.name} linked to campaign ${campaign.name}`,
    );
    return { campaignId: campaign.id };
  },
});

export const unlinkCampaignDealCommand = defineAction({
  schema: linkCampaignDealSchema,
  permission: 'campaigns.write',
  async run(input, context) {
    const campaign = await lockCampaign(context.tx, context.user, input.campaignId);
    const removed = await context.tx
      .delete(campaignDeals)
      .where(and(eq(campaignDeals.campaignId, campaign.id), eq(campaignDeals.dealId, input.dealId)))
      .returning();
    if (removed.length === 0) throw notFound('link');
    await recordCampaignChange(
      context,
      campaign,
      { action: 'deal_unlinked', before: { dealId: input.dealId } },
      `Deal unlinked from campaign ${campaign.name}`,
    );
    return { campaignId: campaign.id };
  },
});

export const linkCampaignMeetingCommand = defineAction({
  schema: linkCampaignMeetingSchema,
  permission: 'campaigns.write',
  async run(input, context) {
    const campaign = await lockCampaign(context.tx, context.user, input.campaignId);
    const [meeting] = await context.tx
      .select({ id: meetings.id, title: meetings.title })
      .from(meetings)
      .where(and(eq(meetings.id, input.meetingId), eq(meetings.clientId, campaign.clientId)));
    if (!meeting) {
      throw conflict("Choose one of the client's meetings.", { meetingId: ['Choose a meeting.'] });
    }
    const linked = await context.tx
      .insert(campaignMeetings)
      .values({ campaignId: campaign.id, meetingId: meeting.id, createdById: context.user.id })
      .onConflictDoNothing()
      .returning();
    if (linked.length === 0) throw conflict('This meeting is already linked to the campaign.');
    await recordCampaignChange(
      context,
      campaign,
      { action: 'meeting_linked', after: { meetingId: meeting.id } },
      `Meeting ${meeting.title} linked to campaign ${campaign.name}`,
    );
    return { campaignId: campaign.id };
  },
});

export const unlinkCampaignMeetingCommand = defineAction({
  schema: linkCampaignMeetingSchema,
  permission: 'campaigns.write',
  async run(input, context) {
    const campaign = await lockCampaign(context.tx, context.user, input.campaignId);
    const removed = await context.tx
      .delete(campaignMeetings)
      .where(
        and(
          eq(campaignMeetings.campaignId, campaign.id),
          eq(campaignMeetings.meetingId, input.meetingId),
        ),
      )
      .returning();
    if (removed.length === 0) throw notFound('link');
    await recordCampaignChange(
      context,
      campaign,
      { action: 'meeting_unlinked', before: { meetingId: input.meetingId } },
      `Meeting unlinked from campaign ${campaign.name}`,
    );
    return { campaignId: campaign.id };
  },
});
