import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { TemplateForm } from '@/components/templates/template-form';
import { TemplatePublishPanel } from '@/components/templates/template-publish-panel';
import { TemplateStatusBadge } from '@/components/templates/template-status-badge';
import { TemplateVersions } from '@/components/templates/template-versions';
import { BackLink } from '@/components/ui/back-link';
import { Card, PageHeader } from '@/components/ui/card';
import { can } from '@/server/auth/permissions';
import { requirePermission } from '@/server/auth/session';
import { getTemplate } from '@/server/templates/queries';
import { viewerFormat } from '@/lib/format';

export const metadata: Metadata = { title: 'Template' };

export default async function TemplatePage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePermission('templates.write');
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const template = await getTemplate(viewer, id.data);
  return (
    <>
      <BackLink href="/templates">Templates</BackLink>
      <PageHeader
        title={template.name}
        description={[template.category, template.authorName && `by ${template.authorName}`]
          .filter(Boolean)
          .join(' · ')}
        actions={<TemplateStatusBadge status={template.status} />}
      />
      <div className="grid gap-6 xl:grid-cols-4">
        <Card title="Working copy" className="xl:col-span-3">
          <TemplateForm
            key={template.version}
            template={{
              id: template.id,
              version: template.version,
              name: template.name,
              category: template.category ?? '',
              body: template.body,
            }}
          />
        </Card>
        <div className="space-y-6">
          <Card title="Publishing">
            <TemplatePublishPanel
              key={template.version}
              template={{
                id: template.id,
                version: template.version,
                status: template.status,
                publishedVersion: template.publishedVersion,
                hasUnpublishedChanges: template.hasUnpublishedChanges,
              }}
              canPublish={can(viewer, 'templates.publish')}
            />
          </Card>
          <Card title="Published versions">
            <TemplateVersions versions={template.versions} viewer={viewerFormat(viewer)} />
          </Card>
        </div>
      </div>
    </>
  );
}
