import { Card } from '@/components/ui/card';
import { Markdown } from '@/components/ui/markdown';
import { formatDate, formatDateTime, formatMoney, type ViewerFormat } from '@/lib/format';
import { reviewDecisionLabels } from '@/lib/proposals';
import type { ProposalPage } from '@/server/proposals/queries';

/** The proposal as it reads now, when it can no longer be edited. */
export function ProposalBody({
  proposal,
  viewer,
}: {
  proposal: ProposalPage['proposal'];
  viewer: ViewerFormat;
}) {
  return (
    <Card title={proposal.title}>
      <dl className="mb-4 grid grid-cols-2 gap-3 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-slate-500">Amount</dt>
          <dd className="font-medium">
            {formatMoney(proposal.amountCents, proposal.currency, viewer.locale)}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Valid until</dt>
          <dd className="font-medium">{formatDate(proposal.validUntil, viewer)}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Reviewer</dt>
          <dd className="font-medium">{proposal.reviewerName ?? '—'}</dd>
        </div>
      </dl>
      {proposal.body.trim() ? (
        <Markdown>{proposal.body}</Markdown>
      ) : (
        <p className="text-sm text-slate-500">The proposal has no body yet.</p>
      )}
    </Card>
  );
}

/** Review decisions, newest first, with their comments. */
export function ReviewHistory({
  reviews,
  viewer,
}: {
  reviews: ProposalPage['reviews'];
  viewer: ViewerFormat;
}) {
  return (
    <Card title="Reviews">
      {reviews.length === 0 ? (
        <p className="text-sm text-slate-600">No decisions yet.</p>
      ) : (
        <ol className="space-y-3">
          {reviews.map((review) => (
            <li key={review.id} className="text-sm">
              <p>
                <span className="font-medium">{reviewDecisionLabels[review.decision]}</span> by{' '}
                {review.reviewerName ?? 'a former user'} on version {review.versionNumber} ·{' '}
                <span className="text-slate-500">{formatDateTime(review.createdAt, viewer)}</span>
              </p>
              {review.comment ? (
                <p className="mt-1 whitespace-pre-wrap text-slate-700">{review.comment}</p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

/** How often the client really opened the share link, each request for it, and their answer. */
export function ClientActivity({
  proposal,
  views,
  totals,
  viewer,
}: {
  proposal: ProposalPage['proposal'];
  views: ProposalPage['views'];
  totals: ProposalPage['viewTotals'];
  viewer: ViewerFormat;
}) {
  const previews = totals.requests - totals.views;
  return (
    <Card title="Client">
      {proposal.respondedAt ? (
        <p className="mb-3 text-sm">
          {proposal.status === 'accepted'
            ? `Accepted by ${proposal.responderName} on ${formatDateTime(proposal.respondedAt, viewer)}.`
            : `Declined on ${formatDateTime(proposal.respondedAt, viewer)}.`}
          {proposal.responseComment ? (
            <span className="mt-1 block whitespace-pre-wrap text-slate-700">
              “{proposal.responseComment}”
            </span>
          ) : null}
        </p>
      ) : null}
      <p className="mb-2 text-sm text-slate-700">
        {totals.views === 0
          ? 'The client has not opened the link yet.'
          : `Opened ${totals.views} time${totals.views === 1 ? '' : 's'}.`}
        {previews > 0
          ? ` ${previews} other request${previews === 1 ? '' : 's'} (link previews, scanners or reloads that never showed the page).`
          : ''}
      </p>
      {views.length > 0 ? (
        <ul className="space-y-1 text-xs text-slate-600">
          {views.map((view) => (
            <li key={view.id}>
              {formatDateTime(view.viewedAt, viewer)} · {view.realView ? 'view' : 'not shown'} ·{' '}
              {view.userAgent ?? 'unknown browser'}
              {view.ipHash ? ` · visitor ${view.ipHash.slice(0, 8)}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
