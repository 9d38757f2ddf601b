'use client';

import { Copy, Link2Off, Send } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import { ActionError } from '@/components/ui/action-error';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import type { FormAction } from '@/lib/action-result';
import type { ProposalStatus } from '@/lib/proposals';
import {
  reviseProposal,
  sendProposal,
  setShareLink,
  submitProposal,
  withdrawProposal,
} from '@/server/proposals/actions';

type Step = {
  action: FormAction<{ status: ProposalStatus }>;
  label: string;
  pendingLabel: string;
  success: string;
  variant?: 'primary' | 'secondary' | 'danger';
  confirm?: string;
};

const steps = {
  submit: {
    action: submitProposal,
    label: 'Submit for review',
    pendingLabel: 'Submitting…',
    success: 'Submitted for review.',
  },
  send: {
    action: sendProposal,
    label: 'Send to client',
    pendingLabel: 'Sending…',
    success: 'Sent. Copy the link for the client below.',
  },
  revise: {
    action: reviseProposal,
    label: 'Revise draft',
    pendingLabel: 'Opening…',
    success: 'Back to draft: make the requested changes, then submit again.',
  },
  withdraw: {
    action: withdrawProposal,
    label: 'Withdraw',
    pendingLabel: 'Withdrawing…',
    success: 'Proposal withdrawn.',
    variant: 'danger',
    confirm: 'Withdraw this proposal? Its client link stops working.',
  },
} satisfies Record<string, Step>;

export type StepName = keyof typeof steps;

/** One life-cycle button: a tiny form naming the proposal and the version it was read at. */
function StepForm({ id, version, step }: { id: string; version: number; step: Step }) {
  const [state, formAction] = useFormAction(step.action, { successMessage: () => step.success });
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (step.confirm && !window.confirm(step.confirm)) event.preventDefault();
      }}
      className="space-y-2"
    >
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <SubmitButton pendingLabel={step.pendingLabel} variant={step.variant ?? 'primary'}>
        {step.label}
      </SubmitButton>
      <ActionError state={state} />
    </form>
  );
}

/** The life-cycle steps the viewer may take now, decided on the server. */
export function ProposalSteps({
  id,
  version,
  allowed,
}: {
  id: string;
  version: number;
  allowed: StepName[];
}) {
  if (allowed.length === 0) return null;
  return (
    <div className="flex flex-wrap items-start gap-2">
      {allowed.map((name) => (
        <StepForm key={name} id={id} version={version} step={steps[name]} />
      ))}
    </div>
  );
}

/** The client link of a sent proposal: copy it, revoke it, or make a new one. */
export function ShareLinkPanel({
  id,
  version,
  url,
}: {
  id: string;
  version: number;
  url: string | null;
}) {
  const [state, formAction] = useFormAction(setShareLink, {
    successMessage: (data) => (data.shared ? 'New link made.' : 'Link revoked.'),
  });
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-3">
      <ActionError state={state} />
      {url ? (
        <div className="flex gap-2">
          <label htmlFor="share-url" className="sr-only">
            Client link
          </label>
          <Input id="share-url" readOnly value={url} onFocus={(event) => event.target.select()} />
          <Button
            variant="secondary"
            className="shrink-0"
            onClick={async () => {
              try {
                await navigator.clipboard.writeText(url);
                setCopied(true);
                toast.success('Link copied.');
              } catch {
                toast.error('The browser did not allow copying: select the link and copy it.');
              }
            }}
          >
            <Copy aria-hidden className="size-4" />
            {copied ? 'Copied' : 'Copy link'}
          </Button>
        </div>
      ) : (
        <p className="text-sm text-slate-600">The client link is revoked.</p>
      )}
      <form action={formAction}>
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="enabled" value={url ? 'false' : 'true'} />
        <SubmitButton
          variant={url ? 'danger' : 'secondary'}
          pendingLabel={url ? 'Revoking…' : 'Making…'}
        >
          {url ? (
            <Link2Off aria-hidden className="size-4" />
          ) : (
            <Send aria-hidden className="size-4" />
          )}
          {url ? 'Revoke link' : 'Make a new link'}
        </SubmitButton>
      </form>
    </div>
  );
}
