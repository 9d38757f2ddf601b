import type { Metadata } from 'next';
import { TravelBufferForm } from '@/components/meetings/travel-buffer-form';
import {
  ContractSettingsForm,
  DocumentSettingsForm,
} from '@/components/settings/document-settings-form';
import { InvoiceSettingsCards } from '@/components/invoices/invoice-settings-cards';
import { CompanySignInSettingsForm } from '@/components/settings/company-sign-in-form';
import { FailedEmails } from '@/components/settings/failed-emails';
import { FeedbackSlaForm } from '@/components/settings/feedback-sla-form';
import { ReviewSettingsForm } from '@/components/settings/review-settings-form';
import { ShareLinkSettingsForm } from '@/components/settings/share-link-settings-form';
import { VisibilityForm } from '@/components/settings/visibility-form';
import { Card, PageHeader } from '@/components/ui/card';
import { viewerFormat } from '@/lib/format';
import { companySignInConfig } from '@/server/auth/company-sign-in-config';
import { requirePermission } from '@/server/auth/session';
import { getTravelBuffers } from '@/server/meetings/travel-buffers';
import { getFeedbackSla } from '@/server/feedback/queries';
import { listFailedEmails } from '@/server/notifications/queries';
import {
  getCompanySignInSettings,
  getContractSettings,
  getDocumentSettings,
  getRecordVisibility,
  getReviewSettings,
  getShareLinkSettings,
  listBackupReviewerOptions,
} from '@/server/settings/queries';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const user = await requirePermission('settings.manage');
  const [visibility, reviewSettings, shareLinkSettings, reviewers, failedEmails] =
    await Promise.all([
      getRecordVisibility(),
      getReviewSettings(),
      getShareLinkSettings(),
      listBackupReviewerOptions(user),
      listFailedEmails(user),
    ]);
  const [documentSettings, contractSettings, companySignInSettings] = await Promise.all([
    getDocumentSettings(),
    getContractSettings(),
    getCompanySignInSettings(),
  ]);
  return (
    <>
      <PageHeader title="Settings" description="How Accord works for the whole team." />
      <div className="space-y-6">
        <Card title="Record visibility">
          <VisibilityForm visibility={visibility} />
        </Card>
        <Card title="Company sign-in">
          <CompanySignInSettingsForm
            settings={companySignInSettings}
            providerName={companySignInConfig()?.name ?? null}
          />
        </Card>
        <Card title="Proposal reviews">
          <ReviewSettingsForm settings={reviewSettings} reviewers={reviewers} />
        </Card>
        <Card title="Feedback SLA">
          <FeedbackSlaForm settings={await getFeedbackSla(user)} />
        </Card>
        <Card title="Client links">
          <ShareLinkSettingsForm settings={shareLinkSettings} />
        </Card>
        <Card title="Meetings">
          <TravelBufferForm settings={await getTravelBuffers()} />
        </Card>
        <Card title="Files">
          <DocumentSettingsForm settings={documentSettings} />
        </Card>
        <Card title="Contract reminders">
          <ContractSettingsForm settings={contractSettings} />
        </Card>
        <InvoiceSettingsCards />
        <Card title="Failed e-mails">
          <FailedEmails emails={failedEmails} viewer={viewerFormat(user)} />
        </Card>
      </div>
    </>
  );
}
