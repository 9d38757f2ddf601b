'use client';

import { ActionError } from '@/components/ui/action-error';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import type { TemplateStatus } from '@/lib/templates';
import { archiveTemplate, publishTemplate } from '@/server/templates/actions';

type PanelTemplate = {
  id: string;
  version: number;
  status: TemplateStatus;
  publishedVersion: number | null;
  hasUnpublishedChanges: boolean;
};

function describe(template: PanelTemplate) {
  const published = template.publishedVersion ? `Version ${template.publishedVersion}` : null;
  if (template.status === 'archived') {
    return 'Archived: not offered for new proposals. Publishing it offers it again.';
  }
  if (template.status === 'draft') return 'Not published yet: not offered for new proposals.';
  return template.hasUnpublishedChanges
    ? `${published} is offered for new proposals. The edits since then are not published yet.`
    : `${published} is offered for new proposals.`;
}

/** What is published, and for managers the buttons that publish or archive the template. */
export function TemplatePublishPanel({
  template,
  canPublish,
}: {
  template: PanelTemplate;
  canPublish: boolean;
}) {
  const [publishState, publishAction] = useFormAction(publishTemplate, {
    successMessage: (data) =>
      data.newVersion
        ? `Version ${data.publishedVersion} published.`
        : `Version ${data.publishedVersion} is offered again.`,
  });
  const [archiveState, archiveAction] = useFormAction(archiveTemplate, {
    successMessage: () => 'Template archived.',
  });
  const mayPublish = template.status !== 'published' || template.hasUnpublishedChanges;
  const hidden = (
    <>
      <input type="hidden" name="templateId" value={template.id} />
      <input type="hidden" name="version" value={template.version} />
    </>
  );
  return (
    <div className="space-y-3 text-sm">
      <p className="text-slate-700">{describe(template)}</p>
      {canPublish ? (
        <>
          <ActionError state={publishState} />
          <ActionError state={archiveState} />
          <div className="flex flex-wrap gap-2">
            {mayPublish ? (
              <form action={publishAction}>
                {hidden}
                <SubmitButton pendingLabel="Publishing…">
                  {template.status === 'archived' && !template.hasUnpublishedChanges
                    ? 'Publish again'
                    : 'Publish'}
                </SubmitButton>
              </form>
            ) : null}
            {template.status !== 'archived' ? (
              <form action={archiveAction}>
                {hidden}
                <SubmitButton variant="danger" pendingLabel="Archiving…">
                  Archive
                </SubmitButton>
              </form>
            ) : null}
          </div>
        </>
      ) : (
        <p className="text-slate-600">A manager publishes templates for the team.</p>
      )}
    </div>
  );
}
