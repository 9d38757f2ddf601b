export const taskStatuses = ['open', 'done'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

export const taskStatusLabels: Record<TaskStatus, string> = { open: 'Open', done: 'Done' };

/**
 * What a task can be about. Stored as kind + id with no foreign key, so a task may point at a
 * record of any of these tables (meetings included, which live in their own domain).
 */
export const taskLinkKinds = ['client', 'deal', 'proposal', 'meeting', 'feedback'] as const;
export type TaskLinkKind = (typeof taskLinkKinds)[number];

export const taskLinkKindLabels: Record<TaskLinkKind, string> = {
  client: 'Client',
  deal: 'Deal',
  proposal: 'Proposal',
  meeting: 'Meeting',
  feedback: 'Feedback',
};

/** The page a linked record lives on. */
export function taskLinkHref(kind: TaskLinkKind, id: string) {
  const base: Record<TaskLinkKind, string> = {
    client: '/clients',
    deal: '/deals',
    proposal: '/proposals',
    meeting: '/meetings',
    feedback: '/feedback',
  };
  return `${base[kind]}/${id}`;
}
