import 'server-only';
import { meetings } from '@/db/schema';
import type { CurrentUser } from '@/server/auth/session';
import { visibleThroughClient } from '@/server/clients/visibility';

/** The condition every meeting query adds to its WHERE: a meeting is visible when its client is. */
export function visibleMeetings(user: CurrentUser) {
  return visibleThroughClient(user, meetings.clientId);
}
