import 'server-only';
import { feedback } from '@/db/schema';
import type { CurrentUser } from '@/server/auth/session';
import { visibleThroughClient } from '@/server/clients/visibility';

/** Feedback hangs off its client: visible exactly when the client is (DESIGN.md §1). */
export function visibleFeedback(user: CurrentUser) {
  return visibleThroughClient(user, feedback.clientId);
}
