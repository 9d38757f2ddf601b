import 'server-only';
import { deals } from '@/db/schema';
import type { CurrentUser } from '@/server/auth/session';
import { visibleThroughClient } from '@/server/clients/visibility';

/** The condition every deal query adds to its WHERE: a deal is visible when its client is. */
export function visibleDeals(user: CurrentUser) {
  return visibleThroughClient(user, deals.clientId);
}
