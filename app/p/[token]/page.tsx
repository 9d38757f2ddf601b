import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { SharedProposalView } from '@/components/proposals/shared-proposal';
import { ViewBeacon } from '@/components/proposals/view-beacon';
import { clientAddressFrom } from '@/server/auth/client-ip';
import { listSharedMaterialFiles } from '@/server/materials/share';
import { getSharedProposal, logShareLinkRequest } from '@/server/proposals/share';
import { getCompanyName } from '@/server/settings/queries';

export const metadata: Metadata = { title: 'Proposal', robots: { index: false, follow: false } };

/** A proposal shared with its client: readable without an account, and nothing else reachable. */
export default async function SharedProposalPage({
  params,
}: {
  params: Promise<{ token: string }>;
}) {
  const { token } = await params;
  const shared = await getSharedProposal(token);
  if (!shared) notFound();
  const requestHeaders = await headers();
  // Every request is logged, previews too; it counts as a view only once the beacon reports back.
  // A server action (the answer forms) re-renders this page; that is not another request.
  const logged = !requestHeaders.has('next-action');
  const viewId = logged
    ? await logShareLinkRequest(shared.id, {
        address: clientAddressFrom(requestHeaders).reported,
        userAgent: requestHeaders.get('user-agent'),
      })
    : null;
  const files =
    shared.state === 'open' || shared.state === 'answered'
      ? await listSharedMaterialFiles(shared.id)
      : [];
  return (
    <>
      <SharedProposalView
        shared={shared}
        token={token}
        companyName={await getCompanyName()}
        files={files}
      />
      {logged ? <ViewBeacon token={token} viewId={viewId} /> : null}
    </>
  );
}
