import type { ReactNode } from 'react';
import { ClientAnswer } from '@/components/proposals/client-answer';
import { Markdown } from '@/components/ui/markdown';
import { formatFileSize } from '@/lib/documents';
import { defaultLocale, formatDate, formatDateTime, formatMoney } from '@/lib/format';

// The client has no account, so no zone or format of their own: dates say UTC.
const clientFormat = { timeZone: 'UTC', locale: defaultLocale };
import type { SharedMaterialFile } from '@/server/materials/share';
import type { SharedProposal } from '@/server/proposals/share';

function Frame({
  companyName,
  heading,
  subheading,
  children,
}: {
  companyName: string;
  heading: string;
  subheading?: string;
  children: ReactNode;
}) {
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <header className="mb-8 border-b border-slate-200 pb-4">
        <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">
          {companyName}
        </p>
        <h1 className="mt-2 text-2xl font-semibold text-slate-900">{heading}</h1>
        {subheading ? <p className="mt-1 text-sm text-slate-600">{subheading}</p> : null}
      </header>
      <main className="space-y-8">{children}</main>
    </div>
  );
}

/** Who the client writes to about this proposal. */
function Contact({
  contact,
  companyName,
}: {
  contact: SharedProposal['contact'];
  companyName: string;
}) {
  return (
    <p className="text-sm text-slate-700">
      {contact ? (
        <>
          Questions? Contact {contact.name} at{' '}
          <a href={`mailto:${contact.email}`} className="text-brand-700 underline">
            {contact.email}
          </a>
          .
        </>
      ) : (
        `Questions? Contact your account team at ${companyName}.`
      )}
    </p>
  );
}

/** The materials attached to the proposal, each a download authorized by the link itself. */
function MaterialDownloads({ files, token }: { files: SharedMaterialFile[]; token: string }) {
  if (files.length === 0) return null;
  return (
    <section
      aria-labelledby="materials-heading"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-6"
    >
      <h2 id="materials-heading" className="text-lg font-semibold">
        Materials
      </h2>
      <ul className="space-y-2 text-sm">
        {files.map((file) => (
          <li key={file.id}>
            <a
              href={`/p/${token}/materials/${file.id}`}
              className="font-medium break-all text-brand-700 underline"
              download
            >
              {file.name}
            </a>{' '}
            <span className="text-slate-600">
              {file.materialTitle} · {formatFileSize(file.sizeBytes, clientFormat.locale)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The share page in each state: the whole proposal only while it is open for an answer. */
export function SharedProposalView({
  shared,
  token,
  companyName,
  files,
}: {
  shared: SharedProposal;
  token: string;
  companyName: string;
  /** Downloads of the attached materials, while the link still shows the proposal. */
  files: SharedMaterialFile[];
}) {
  const contact = <Contact contact={shared.contact} companyName={companyName} />;
  if (shared.state === 'expired' || shared.state === 'closed') {
    return (
      <Frame
        companyName={companyName}
        heading={
          shared.state === 'expired' ? 'This proposal has expired' : 'This proposal is closed'
        }
      >
        <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-6">
          <p role="status" className="text-sm text-slate-700">
            {shared.state === 'expired'
              ? 'It can no longer be read or answered here. Ask your account team for a new one.'
              : 'It was answered and is no longer shown here.'}
          </p>
          {contact}
        </section>
      </Frame>
    );
  }
  if (shared.state === 'answered') {
    const { answer } = shared;
    return (
      <Frame
        companyName={companyName}
        heading={answer.title}
        subheading={`Prepared for ${answer.clientName}`}
      >
        <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-6">
          <h2 className="text-lg font-semibold">Your answer</h2>
          {answer.status === 'accepted' ? (
            <p role="status" className="text-sm text-emerald-800">
              Accepted by {answer.responderName} on{' '}
              {formatDateTime(answer.respondedAt, clientFormat)} (UTC), for{' '}
              {formatMoney(answer.amountCents, answer.currency)}. Thank you — your account team will
              be in touch.
            </p>
          ) : (
            <>
              <p role="status" className="text-sm text-slate-700">
                You declined this proposal on {formatDateTime(answer.respondedAt, clientFormat)}{' '}
                (UTC). Thank you for letting us know.
              </p>
              {answer.responseComment ? (
                <p className="text-sm whitespace-pre-wrap text-slate-700">
                  “{answer.responseComment}”
                </p>
              ) : null}
            </>
          )}
          {contact}
        </section>
        <MaterialDownloads files={files} token={token} />
      </Frame>
    );
  }
  const { proposal } = shared;
  return (
    <Frame
      companyName={companyName}
      heading={proposal.title}
      subheading={`Prepared for ${proposal.clientName}`}
    >
      <dl className="grid grid-cols-2 gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <div>
          <dt className="text-slate-500">Amount</dt>
          <dd className="text-lg font-semibold">
            {formatMoney(proposal.amountCents, proposal.currency)}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Valid until</dt>
          <dd className="text-lg font-semibold">{formatDate(proposal.validUntil, clientFormat)}</dd>
        </div>
      </dl>
      <article className="rounded-lg border border-slate-200 bg-white p-6">
        <Markdown>{proposal.body}</Markdown>
      </article>
      <MaterialDownloads files={files} token={token} />
      <section
        aria-labelledby="answer-heading"
        className="space-y-4 rounded-lg border border-slate-200 bg-white p-6"
      >
        <h2 id="answer-heading" className="text-lg font-semibold">
          Your answer
        </h2>
        <ClientAnswer token={token} />
        {contact}
      </section>
    </Frame>
  );
}
