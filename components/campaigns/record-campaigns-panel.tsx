import { viewerFormat } from '@/lib/format';
import type { CurrentUser } from '@/server/auth/session';
import {
  listClientCampaigns,
  listDealCampaigns,
  listMeetingCampaigns,
} from '@/server/campaigns/queries';
import { CampaignsPanel } from './campaigns-panel';

type LinkedRecord = { clientId: string } | { dealId: string } | { meetingId: string };

/**
 * The Campaigns panel of a client, deal or meeting page, reading its own rows within the viewer's
 * visibility: a client's campaigns (with a button for a new one), or those linked to the record.
 */
export async function RecordCampaignsPanel({
  viewer,
  record,
}: {
  viewer: CurrentUser;
  record: LinkedRecord;
}) {
  const format = viewerFormat(viewer);
  if ('clientId' in record) {
    return (
      <CampaignsPanel
        campaigns={await listClientCampaigns(viewer, record.clientId)}
        viewer={format}
        newCampaignFor={record.clientId}
      />
    );
  }
  const campaigns =
    'dealId' in record
      ? await listDealCampaigns(viewer, record.dealId)
      : await listMeetingCampaigns(viewer, record.meetingId);
  return (
    <CampaignsPanel
      campaigns={campaigns}
      viewer={format}
      empty="Not linked to a campaign. Link it from the campaign's page."
    />
  );
}
