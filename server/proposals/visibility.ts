import 'server-only';
import { proposals } from '@/db/schema';
import type { CurrentUser } from '@/server/auth/session';
import { visibleThroughClient } from '@/server/clients/visibility';

/** Proposals hang off their client: visible exactly when the client is (DESIGN.md §1). */
export function visibleProposals(user: CurrentUser) {
  return visibleThroughClient(user, proposals.clientId);
}
