/** Every audit action Accord writes, with the label the audit log shows. */
export const auditActionLabels: Record<string, string> = {
  'auth.sign_in': 'Signed in',
  'auth.sign_in_failed': 'Sign-in failed',
  'auth.sign_in_refused': 'Sign-in refused (rate limit)',
  'user.created': 'User added',
  'user.role_changed': 'Role changed',
  'user.deactivated': 'User deactivated',
  'user.reactivated': 'User reactivated',
  'user.password_link_created': 'Set-password link created',
  'user.password_set': 'Password set',
};

export function auditActionLabel(action: string) {
  return auditActionLabels[action] ?? action;
}
