import type { Metadata } from 'next';
import { VisibilityForm } from '@/components/settings/visibility-form';
import { Card, PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/server/auth/session';
import { getRecordVisibility } from '@/server/settings/queries';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  await requirePermission('settings.manage');
  const visibility = await getRecordVisibility();
  return (
    <>
      <PageHeader title="Settings" description="How Accord works for the whole team." />
      <Card title="Record visibility">
        <VisibilityForm visibility={visibility} />
      </Card>
    </>
  );
}
