export const roles = ['coordinator', 'executive', 'manager'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  coordinator: 'Account coordinator',
  executive: 'Account executive',
  manager: 'Manager',
};
