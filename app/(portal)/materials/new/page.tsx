import type { Metadata } from 'next';
import { z } from 'zod';
import { RequestMaterialForm } from '@/components/materials/request-material-form';
import { BackLink } from '@/components/ui/back-link';
import { Card, PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/server/auth/session';
import { listAssignableUsers } from '@/server/clients/queries';
import { getNewMaterialOptions } from '@/server/materials/queries';

export const metadata: Metadata = { title: 'Request material' };

export default async function NewMaterialPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requirePermission('materials.write');
  const params = await searchParams;
  const clientId = z.uuid().safeParse(params.clientId);
  const dealId = z.uuid().safeParse(params.dealId);
  const campaignId = z.uuid().safeParse(params.campaignId);
  const [options, people] = await Promise.all([
    getNewMaterialOptions(viewer, {
      clientId: clientId.success ? clientId.data : undefined,
      dealId: dealId.success ? dealId.data : undefined,
      campaignId: campaignId.success ? campaignId.data : undefined,
    }),
    listAssignableUsers(viewer),
  ]);
  return (
    <>
      <BackLink href="/materials">Materials</BackLink>
      <PageHeader
        title="Request material"
        description="A presentation, video, demo or sheet for a client, and who makes it."
      />
      <Card>
        <RequestMaterialForm
          client={options.client}
          deals={options.deals}
          dealId={options.dealId}
          campaigns={options.campaigns}
          campaignId={options.campaignId}
          people={people}
        />
      </Card>
    </>
  );
}
