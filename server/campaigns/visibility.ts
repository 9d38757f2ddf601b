import 'server-only';
import { campaigns } from '@/db/schema';
import type { CurrentUser } from '@/server/auth/session';
import { visibleThroughClient } from '@/server/clients/visibility';

/** Campaigns hang off their client: visible exactly when the client is. */
export function visibleCampaigns(user: CurrentUser) {
  return visibleThroughClient(user, campaigns.clientId);
}
