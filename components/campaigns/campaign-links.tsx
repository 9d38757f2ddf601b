'use client';

import Link from 'next/link';
import { ActionError } from '@/components/ui/action-error';
import { Card } from '@/components/ui/card';
import { Field, fieldAria, Select } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import type { FormAction } from '@/lib/action-result';
import { formatDateTime, type ViewerFormat } from '@/lib/format';
import {
  linkCampaignDeal,
  linkCampaignMeeting,
  unlinkCampaignDeal,
  unlinkCampaignMeeting,
} from '@/server/campaigns/actions';

type Linked = { id: string; label: string; href: string };
type LinkKind = { field: 'dealId' | 'meetingId'; noun: string };

function UnlinkButton({
  campaignId,
  kind,
  record,
  action,
}: {
  campaignId: string;
  kind: LinkKind;
  record: Linked;
  action: FormAction<{ campaignId: string }>;
}) {
  const [state, formAction] = useFormAction(action);
  return (
    <form action={formAction}>
      <ActionError state={state} />
      <input type="hidden" name="campaignId" value={campaignId} />
      <input type="hidden" name={kind.field} value={record.id} />
      <SubmitButton
        variant="ghost"
        pendingLabel="Unlinking…"
        aria-label={`Unlink ${kind.noun} ${record.label}`}
      >
        Unlink
      </SubmitButton>
    </form>
  );
}

function LinkedList({
  title,
  campaignId,
  kind,
  linked,
  options,
  link,
  unlink,
}: {
  title: string;
  campaignId: string;
  kind: LinkKind;
  linked: Linked[];
  options: { id: string; label: string }[];
  link: FormAction<{ campaignId: string }>;
  unlink: FormAction<{ campaignId: string }>;
}) {
  const [state, formAction] = useFormAction(link, {
    successMessage: () => `${kind.noun[0]!.toUpperCase()}${kind.noun.slice(1)} linked.`,
  });
  const errors = state?.ok === false ? (state.fieldErrors ?? {}) : {};
  const selectId = `link-${kind.field}`;
  return (
    <div className="space-y-3">
      <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
      {linked.length === 0 ? (
        <p className="text-sm text-slate-600">None linked yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label={title}>
          {linked.map((record) => (
            <li key={record.id} className="flex items-center justify-between gap-2 py-1 text-sm">
              <Link
                href={record.href}
                className="min-w-0 break-words text-brand-700 hover:underline"
              >
                {record.label}
              </Link>
              <UnlinkButton campaignId={campaignId} kind={kind} record={record} action={unlink} />
            </li>
          ))}
        </ul>
      )}
      {options.length > 0 ? (
        <form action={formAction} className="flex flex-wrap items-end gap-2">
          <ActionError state={state} />
          <input type="hidden" name="campaignId" value={campaignId} />
          <div className="min-w-0 flex-1">
            <Field id={selectId} label={`Link a ${kind.noun}`} error={errors[kind.field]}>
              <Select id={selectId} name={kind.field} {...fieldAria(selectId, errors[kind.field])}>
                {options.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.label}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <SubmitButton variant="secondary" pendingLabel="Linking…">
            Link
          </SubmitButton>
        </form>
      ) : null}
    </div>
  );
}

/** The client's deals and meetings this campaign is for: listed, linked and unlinked here. */
export function CampaignLinks({
  campaignId,
  deals,
  meetings,
  dealOptions,
  meetingOptions,
  viewer,
}: {
  campaignId: string;
  deals: { id: string; name: string }[];
  meetings: { id: string; title: string; startsAt: Date }[];
  dealOptions: { id: string; name: string }[];
  meetingOptions: { id: string; title: string; startsAt: Date }[];
  viewer: ViewerFormat;
}) {
  const meetingLabel = (meeting: { title: string; startsAt: Date }) =>
    `${meeting.title} (${formatDateTime(meeting.startsAt, viewer)})`;
  return (
    <Card title="Deals and meetings">
      <div className="space-y-6">
        <LinkedList
          title="Deals"
          campaignId={campaignId}
          kind={{ field: 'dealId', noun: 'deal' }}
          linked={deals.map((deal) => ({
            id: deal.id,
            label: deal.name,
            href: `/deals/${deal.id}`,
          }))}
          options={dealOptions.map((deal) => ({ id: deal.id, label: deal.name }))}
          link={linkCampaignDeal}
          unlink={unlinkCampaignDeal}
        />
        <LinkedList
          title="Meetings"
          campaignId={campaignId}
          kind={{ field: 'meetingId', noun: 'meeting' }}
          linked={meetings.map((meeting) => ({
            id: meeting.id,
            label: meetingLabel(meeting),
            href: `/meetings/${meeting.id}`,
          }))}
          options={meetingOptions.map((meeting) => ({
            id: meeting.id,
            label: meetingLabel(meeting),
          }))}
          link={linkCampaignMeeting}
          unlink={unlinkCampaignMeeting}
        />
      </div>
    </Card>
  );
}
