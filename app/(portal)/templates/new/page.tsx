import type { Metadata } from 'next';
import { TemplateForm } from '@/components/templates/template-form';
import { BackLink } from '@/components/ui/back-link';
import { Card, PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/server/auth/session';

export const metadata: Metadata = { title: 'New template' };

export default async function NewTemplatePage() {
  await requirePermission('templates.write');
  return (
    <>
      <BackLink href="/templates">Templates</BackLink>
      <PageHeader
        title="New template"
        description="Write it in Markdown with merge fields; a manager publishes it for the team."
      />
      <Card>
        <TemplateForm />
      </Card>
    </>
  );
}
