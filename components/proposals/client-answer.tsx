'use client';

import { useState } from 'react';
import { ActionError } from '@/components/ui/action-error';
import { Button } from '@/components/ui/button';
import { TextareaField, TextField } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import { acceptProposalSchema, declineProposalSchema } from '@/lib/validation/proposals';
import { acceptProposal, declineProposal } from '@/server/proposals/actions';

/** The client's answer: accept by typing their full name, or decline with a comment. */
export function ClientAnswer({ token }: { token: string }) {
  const [mode, setMode] = useState<'accept' | 'decline'>('accept');
  const [acceptState, accept] = useFormAction(acceptProposal, { schema: acceptProposalSchema });
  const [declineState, decline] = useFormAction(declineProposal, {
    schema: declineProposalSchema,
  });
  if (mode === 'decline') {
    const errors = declineState?.ok === false ? (declineState.fieldErrors ?? {}) : {};
    return (
      <form action={decline} className="space-y-4" noValidate>
        <ActionError state={declineState} />
        <input type="hidden" name="token" value={token} />
        <TextareaField
          id="comment"
          name="comment"
          label="Why are you declining?"
          rows={4}
          error={errors.comment}
          required
        />
        <div className="flex gap-2">
          <SubmitButton variant="danger" pendingLabel="Sending…">
            Decline proposal
          </SubmitButton>
          <Button variant="ghost" onClick={() => setMode('accept')}>
            Back
          </Button>
        </div>
      </form>
    );
  }
  const errors = acceptState?.ok === false ? (acceptState.fieldErrors ?? {}) : {};
  return (
    <form action={accept} className="space-y-4" noValidate>
      <ActionError state={acceptState} />
      <input type="hidden" name="token" value={token} />
      <TextField
        id="name"
        name="name"
        label="Type your full name to accept"
        autoComplete="name"
        error={errors.name}
        hint="Typing your name is your signature of acceptance."
        required
      />
      <div className="flex flex-wrap gap-2">
        <SubmitButton pendingLabel="Accepting…">Accept proposal</SubmitButton>
        <Button variant="secondary" onClick={() => setMode('decline')}>
          Decline…
        </Button>
      </div>
    </form>
  );
}
