import { roleLabels, roles } from '@/lib/roles';

/** The roles as a select's options, by their labels. */
export function RoleOptions() {
  return roles.map((role) => (
    <option key={role} value={role}>
      {roleLabels[role]}
    </option>
  ));
}
