import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { ClientAnswer } from '@/components/proposals/client-answer';
import { Markdown } from '@/components/ui/markdown';
import { defaultLocale, formatDate, formatDateTime, formatMoney } from '@/lib/format';
import { clientAddressFrom } from '@/server/auth/client-ip';
import { getSharedProposal, recordProposalView } from '@/server/proposals/share';
import { getCompanyName } from '@/server/settings/queries';

export const metadata: Metadata = { title: 'Proposal', robots: { index: false, follow: false } };

// The client has no account and so no profile: times are in UTC, and say so.
const clientFormat = { timeZone: 'UTC', locale: defaultLocale };

/** A proposal shared with its client: readable without an account, and nothing else reachable. */
export default async function SharedProposalPage({
  params,
}: {
  params: Promise<{ token: string }>;
}) {
  const { token } = await params;
  const proposal = await getSharedProposal(token);
  if (!proposal) notFound();
  const requestHeaders = await headers();
  // A server action (the answer forms) re-renders this page; that is not another view.
  if (!requestHeaders.has('next-action')) {
    await recordProposalView(proposal.id, {
      address: clientAddressFrom(requestHeaders).reported,
      userAgent: requestHeaders.get('user-agent'),
    });
  }
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <header className="mb-8 border-b border-slate-200 pb-4">
        <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">
          {await getCompanyName()}
        </p>
        <h1 className="mt-2 text-2xl font-semibold text-slate-900">{proposal.title}</h1>
        <p className="mt-1 text-sm text-slate-600">Prepared for {proposal.clientName}</p>
      </header>
      <main className="space-y-8">
        <dl className="grid grid-cols-2 gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <div>
            <dt className="text-slate-500">Amount</dt>
            <dd className="text-lg font-semibold">
              {formatMoney(proposal.amountCents, proposal.currency)}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">Valid until</dt>
            <dd className="text-lg font-semibold">
              {formatDate(proposal.validUntil, clientFormat)}
            </dd>
          </div>
        </dl>
        <article className="rounded-lg border border-slate-200 bg-white p-6">
          <Markdown>{proposal.body}</Markdown>
        </article>
        <section
          aria-labelledby="answer-heading"
          className="rounded-lg border border-slate-200 bg-white p-6"
        >
          <h2 id="answer-heading" className="mb-4 text-lg font-semibold">
            Your answer
          </h2>
          {proposal.status === 'sent' ? (
            <ClientAnswer token={token} />
          ) : proposal.status === 'accepted' ? (
            <p role="status" className="text-sm text-emerald-800">
              Accepted by {proposal.responderName} on{' '}
              {formatDateTime(proposal.respondedAt, clientFormat)} (UTC). Thank you — your account
              team will be in touch.
            </p>
          ) : proposal.status === 'declined' ? (
            <p role="status" className="text-sm text-slate-700">
              You declined this proposal. Thank you for letting us know.
            </p>
          ) : (
            <p role="status" className="text-sm text-slate-700">
              This proposal has expired. Ask your account team for a new one.
            </p>
          )}
        </section>
      </main>
    </div>
  );
}
