'use client';

import { useRouter } from 'next/navigation';
import { ActionError } from '@/components/ui/action-error';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import { createContract } from '@/server/contracts/actions';

/** Drafts a contract (from an accepted proposal, or blank for a client) and opens it. */
export function CreateContractButton({
  from,
  label = 'Create contract',
  variant = 'primary',
}: {
  from: { proposalId: string } | { clientId: string };
  label?: string;
  variant?: 'primary' | 'secondary';
}) {
  const router = useRouter();
  const [state, formAction] = useFormAction(
    async (previous: Parameters<typeof createContract>[0], formData: FormData) => {
      const result = await createContract(previous, formData);
      if (result.ok) router.push(`/contracts/${result.data.id}`);
      return result;
    },
    { successMessage: () => 'Contract drafted.' },
  );
  return (
    <form action={formAction}>
      <ActionError state={state} />
      {'proposalId' in from ? (
        <input type="hidden" name="proposalId" value={from.proposalId} />
      ) : (
        <input type="hidden" name="clientId" value={from.clientId} />
      )}
      <SubmitButton pendingLabel="Drafting…" variant={variant}>
        {label}
      </SubmitButton>
    </form>
  );
}
