/** Every audit action Accord writes, with the label the audit log shows. */
export const auditActionLabels: Record<string, string> = {
  'auth.sign_in': 'Signed in',
  'auth.sign_out': 'Signed out',
  'auth.sign_in_failed': 'Sign-in failed',
  'auth.sign_in_refused': 'Sign-in refused (rate limit)',
  'user.created': 'User added',
  'user.role_changed': 'Role changed',
  'user.deactivated': 'User deactivated',
  'user.reactivated': 'User reactivated',
  'user.password_link_created': 'Set-password link created',
  'user.password_set': 'Password set',
  'settings.updated': 'Settings changed',
  'client.created': 'Client added',
  'client.updated': 'Client edited',
  'client.reassigned': 'Client reassigned',
  'client.converted': 'Prospect converted',
  'clients.imported': 'Clients imported',
  'contact.created': 'Contact added',
  'contact.updated': 'Contact edited',
  'contact.deleted': 'Contact removed',
  'activity.logged': 'Activity logged',
  'research.created': 'Research note added',
  'research.deleted': 'Research note deleted',
  'competitor.created': 'Competitor added',
  'competitor.updated': 'Competitor edited',
  'competitor.linked': 'Competitor linked',
  'competitor.unlinked': 'Competitor unlinked',
  'proposal.escalated': 'Overdue review escalated',
  'proposal.expired': 'Proposal expired',
};

export function auditActionLabel(action: string) {
  return auditActionLabels[action] ?? action;
}
