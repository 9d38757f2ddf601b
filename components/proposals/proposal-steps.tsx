'use client';

import { Copy, Link2Off, Send } from 'lucide-react';
import { createContext, use, useState, type ReactNode } from 'react';
import { toast } from 'sonner';
import { ActionError } from '@/components/ui/action-error';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import { mayRetry, type ActionResult } from '@/lib/action-result';
import type { ProposalStatus } from '@/lib/proposals';
import {
  reviseProposal,
  sendProposal,
  setShareLink,
  submitProposal,
  withdrawProposal,
} from '@/server/proposals/actions';

type StepData = { status: ProposalStatus; shareToken?: string };

type Step = {
  action: (previous: null, formData: FormData) => Promise<ActionResult<StepData>>;
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
    success: 'Sent. Copy the link for the client below: it is shown only now.',
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

/**
 * A client link just made, which the server keeps only as a hash: it is shown once, in the Client
 * link panel, whichever form made it (sending, or making a new one).
 */
const FreshLinkContext = createContext<{
  token: string | null;
  reveal: (token: string | null) => void;
}>({ token: null, reveal: () => {} });

/**
 * The proposal's version as the last save on this page left it. The page's forms carry the
 * version they were rendered at, and a step taken right after "Draft saved." may come before the
 * refreshed page: it would then be refused as a conflict with the user's own save.
 */
const SavedVersionContext = createContext<{ saved: number; record: (version: number) => void }>({
  saved: 0,
  record: () => {},
});

/** The version a form names: the newer of the rendered one and the page's own last save. */
export function useCurrentVersion(rendered: number) {
  return Math.max(rendered, use(SavedVersionContext).saved);
}

/** The version the page's own save just wrote, for the other forms on the page. */
export function useRecordSavedVersion() {
  return use(SavedVersionContext).record;
}

/**
 * What the proposal page's forms share: the fresh client link and the last saved version (keyed
 * by the proposal, so another proposal's page starts afresh).
 */
export function ProposalFormsProvider({ children }: { children: ReactNode }) {
  const [token, reveal] = useState<string | null>(null);
  const [saved, record] = useState(0);
  return (
    <FreshLinkContext value={{ token, reveal }}>
      <SavedVersionContext value={{ saved, record }}>{children}</SavedVersionContext>
    </FreshLinkContext>
  );
}

/** One life-cycle button: a tiny form naming the proposal and the version it was read at. */
function StepForm({ id, version, step }: { id: string; version: number; step: Step }) {
  const { reveal } = use(FreshLinkContext);
  const current = useCurrentVersion(version);
  const [state, formAction] = useFormAction<StepData>(
    async (_previous, formData) => {
      const result = await step.action(null, formData);
      if (result.ok && result.data.shareToken) reveal(result.data.shareToken);
      return result;
    },
    { successMessage: () => step.success },
  );
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (step.confirm && !window.confirm(step.confirm)) event.preventDefault();
      }}
      className="space-y-2"
    >
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={current} />
      {mayRetry(state) ? (
        <SubmitButton pendingLabel={step.pendingLabel} variant={step.variant ?? 'primary'}>
          {step.label}
        </SubmitButton>
      ) : null}
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

/** The client link: shown once when made; then it can be replaced by a new one, or revoked. */
export function ShareLinkPanel({
  id,
  version,
  origin,
  linkMadeAt,
  canMake,
  canRevoke,
}: {
  id: string;
  version: number;
  origin: string;
  /** When the current link was made, formatted; null when there is none. */
  linkMadeAt: string | null;
  canMake: boolean;
  canRevoke: boolean;
}) {
  const { token, reveal } = use(FreshLinkContext);
  const current = useCurrentVersion(version);
  const [state, formAction] = useFormAction(
    async (previous: Parameters<typeof setShareLink>[0], formData: FormData) => {
      const result = await setShareLink(previous, formData);
      if (result.ok) reveal(result.data.shareToken);
      return result;
    },
    { successMessage: (data) => (data.shared ? 'New link made.' : 'Link revoked.') },
  );
  const [copied, setCopied] = useState(false);
  const url = token ? new URL(`/p/${token}`, origin).toString() : null;
  return (
    <div className="space-y-3">
      <ActionError state={state} />
      {url ? (
        <div className="space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3">
          <p className="text-sm text-amber-900">
            Send this link to the client. It is shown only now: Accord keeps only a fingerprint of
            it.
          </p>
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
        </div>
      ) : linkMadeAt ? (
        <p className="text-sm text-slate-600">
          A client link made {linkMadeAt} is active. It was shown only when it was made: if it is
          lost, make a new one, and the old one stops working.
        </p>
      ) : (
        <p className="text-sm text-slate-600">There is no client link.</p>
      )}
      <div className="flex flex-wrap gap-2">
        {canMake ? (
          <form action={formAction}>
            <input type="hidden" name="id" value={id} />
            <input type="hidden" name="version" value={current} />
            <input type="hidden" name="enabled" value="true" />
            <SubmitButton variant="secondary" pendingLabel="Making…">
              <Send aria-hidden className="size-4" />
              {linkMadeAt ? 'Make a new link' : 'Make a link'}
            </SubmitButton>
          </form>
        ) : null}
        {canRevoke && linkMadeAt ? (
          <form
            action={formAction}
            onSubmit={(event) => {
              if (!window.confirm('Revoke the client link? It stops working at once.')) {
                event.preventDefault();
              }
            }}
          >
            <input type="hidden" name="id" value={id} />
            <input type="hidden" name="version" value={current} />
            <input type="hidden" name="enabled" value="false" />
            <SubmitButton variant="danger" pendingLabel="Revoking…">
              <Link2Off aria-hidden className="size-4" />
              Revoke link
            </SubmitButton>
          </form>
        ) : null}
      </div>
    </div>
  );
}
