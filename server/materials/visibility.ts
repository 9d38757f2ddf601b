import 'server-only';
import { materials } from '@/db/schema';
import type { CurrentUser } from '@/server/auth/session';
import { visibleThroughClient } from '@/server/clients/visibility';

/** Materials hang off their client: visible exactly when the client is. */
export function visibleMaterials(user: CurrentUser) {
  return visibleThroughClient(user, materials.clientId);
}
