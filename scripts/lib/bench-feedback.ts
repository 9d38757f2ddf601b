import { feedbackListSchema } from '@/lib/validation/feedback';
import type { CurrentUser } from '@/server/auth/session';
import { listFeedback, listFeedbackRoutedToMe } from '@/server/feedback/queries';
import { listMyTasksDue } from '@/server/tasks/queries';

/** The feedback list's overdue filter, and the executive's "My work" on home. */
export function feedbackBenchScenarios(manager: CurrentUser, executive: CurrentUser) {
  return [
    {
      name: 'feedback list (overdue)',
      request: { path: '/feedback?overdue=1' },
      run: () => listFeedback(manager, feedbackListSchema.parse({ overdue: '1' }), new Date()),
      list: true,
    },
    {
      name: 'My work on home (executive)',
      request: { path: '/' },
      run: () =>
        Promise.all([listMyTasksDue(executive, new Date()), listFeedbackRoutedToMe(executive)]),
      role: 'executive' as const,
    },
  ];
}
