import 'server-only';
import { contracts } from '@/db/schema';
import type { CurrentUser } from '@/server/auth/session';
import { visibleThroughClient } from '@/server/clients/visibility';

/** Contracts hang off their client: visible exactly when the client is. */
export function visibleContracts(user: CurrentUser) {
  return visibleThroughClient(user, contracts.clientId);
}
