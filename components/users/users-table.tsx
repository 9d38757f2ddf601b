'use client';

import Link from 'next/link';
import {
  DataTable,
  type DataTableColumn,
  type DataTableParams,
} from '@/components/data-table/data-table';
import { SearchInput } from '@/components/data-table/search-input';
import { SelectFilter } from '@/components/data-table/select-filter';
import { Badge } from '@/components/ui/card';
import { formatDateTime, type ViewerFormat } from '@/lib/format';
import { roleLabels, roles, type Role } from '@/lib/roles';
import type { PackedRows } from '@/lib/packed-rows';

export type UserListRow = {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  lastSignInAt: Date | null;
};

function columnsFor(viewer: ViewerFormat): DataTableColumn<UserListRow>[] {
  return [
    {
      accessorKey: 'name',
      header: 'Name',
      enableHiding: false,
      cell: ({ row }) => <Link href={`/admin/users/${row.original.id}`}>{row.original.name}</Link>,
    },
    { accessorKey: 'email', header: 'Email', cell: ({ row }) => row.original.email },
    { accessorKey: 'role', header: 'Role', cell: ({ row }) => roleLabels[row.original.role] },
    {
      accessorKey: 'active',
      header: 'Status',
      cell: ({ row }) =>
        row.original.active ? (
          <Badge tone="green">Active</Badge>
        ) : (
          <Badge tone="red">Deactivated</Badge>
        ),
    },
    {
      accessorKey: 'lastSignInAt',
      header: 'Last sign-in',
      cell: ({ row }) =>
        row.original.lastSignInAt ? formatDateTime(row.original.lastSignInAt, viewer) : 'Never',
    },
  ];
}

export function UsersTable({
  rows,
  total,
  params,
  viewer,
}: {
  rows: PackedRows<UserListRow>;
  total: number;
  params: DataTableParams;
  viewer: ViewerFormat;
}) {
  return (
    <DataTable
      locale={viewer.locale}
      label="Users"
      columns={columnsFor(viewer)}
      rows={rows}
      total={total}
      params={params}
      getRowId={(row) => row.id}
      getRowHref={(row) => `/admin/users/${row.id}`}
      emptyState="No users match these filters."
      toolbar={
        <>
          <SearchInput label="Search users" placeholder="Name or email" />
          <SelectFilter
            param="role"
            label="Role"
            allLabel="All roles"
            options={roles.map((role) => ({ value: role, label: roleLabels[role] }))}
          />
        </>
      }
    />
  );
}
