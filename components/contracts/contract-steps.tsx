'use client';

import { useRouter } from 'next/navigation';
import { ActionError } from '@/components/ui/action-error';
import { Card } from '@/components/ui/card';
import { Field, fieldAria, Select, TextareaField, TextField } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import type { FormAction } from '@/lib/action-result';
import { nextContractStatus, type ContractStatus } from '@/lib/contracts';
import {
  contractStepSchema,
  renewContractSchema,
  signContractSchema,
  terminateContractSchema,
} from '@/lib/validation/contracts';
import {
  renewContract,
  sendContract,
  signContract,
  terminateContract,
} from '@/server/contracts/actions';
import type { z } from 'zod';

type Contract = { id: string; version: number; status: ContractStatus };

/** One life-cycle step's form: the contract's id and version, its fields, and its button. */
function StepForm<T>({
  contract,
  action,
  schema,
  success,
  label,
  pendingLabel,
  variant,
  children,
}: {
  contract: Contract;
  action: FormAction<T>;
  schema: z.ZodType;
  success: string;
  label: string;
  pendingLabel: string;
  variant?: 'primary' | 'secondary' | 'danger';
  children?: (errors: Record<string, string[] | undefined>) => React.ReactNode;
}) {
  const router = useRouter();
  const [state, formAction] = useFormAction(action, { schema, successMessage: () => success });
  const errors = state?.ok === false ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <ActionError state={state} onReload={() => router.refresh()} />
      <input type="hidden" name="id" value={contract.id} />
      <input type="hidden" name="version" value={contract.version} />
      {children?.(errors)}
      <SubmitButton pendingLabel={pendingLabel} variant={variant}>
        {label}
      </SubmitButton>
    </form>
  );
}

/** What can happen next to a contract, for this viewer. */
export function ContractSteps({
  contract,
  canSign,
  signedCopyOptions,
  today,
}: {
  contract: Contract;
  canSign: boolean;
  signedCopyOptions: { id: string; name: string; versionNumber: number }[];
  today: string;
}) {
  const may = (transition: Parameters<typeof nextContractStatus>[1]) =>
    nextContractStatus(contract.status, transition) !== null;
  const steps = [];
  if (may('send')) {
    steps.push(
      <StepForm
        key="send"
        contract={contract}
        action={sendContract}
        schema={contractStepSchema}
        success="Contract sent."
        label="Mark as sent"
        pendingLabel="Sending…"
      />,
    );
  }
  if (may('sign') && canSign) {
    steps.push(
      <StepForm
        key="sign"
        contract={contract}
        action={signContract}
        schema={signContractSchema}
        success="Contract marked signed."
        label="Mark signed"
        pendingLabel="Saving…"
      >
        {(errors) => (
          <>
            <Field id="signed-copy" label="Signed copy" error={errors.signedDocumentId}>
              <Select
                id="signed-copy"
                name="signedDocumentId"
                {...fieldAria('signed-copy', errors.signedDocumentId)}
              >
                <option value="">Choose a file</option>
                {signedCopyOptions.map((file) => (
                  <option key={file.id} value={file.id}>
                    {file.versionNumber > 1
                      ? `${file.name} (version ${file.versionNumber})`
                      : file.name}
                  </option>
                ))}
              </Select>
            </Field>
            {signedCopyOptions.length === 0 ? (
              <p className="text-sm text-slate-600">Upload the signed copy under Files first.</p>
            ) : null}
            <TextField
              id="signer-name"
              name="signerName"
              label="Signed by"
              error={errors.signerName}
            />
            <TextField
              id="signed-on"
              name="signedOn"
              label="Signed on"
              type="date"
              defaultValue={today}
              error={errors.signedOn}
            />
          </>
        )}
      </StepForm>,
    );
  }
  if (may('renew') && canSign) {
    steps.push(
      <StepForm
        key="renew"
        contract={contract}
        action={renewContract}
        schema={renewContractSchema}
        success="Contract renewed."
        label="Renew for another term"
        pendingLabel="Renewing…"
        variant="secondary"
      >
        {() => (
          <label className="flex items-center gap-2 text-sm text-slate-800">
            <input type="checkbox" name="openDeal" />
            Open a renewal deal in the pipeline
          </label>
        )}
      </StepForm>,
    );
  }
  if (may('terminate') && canSign) {
    steps.push(
      <StepForm
        key="terminate"
        contract={contract}
        action={terminateContract}
        schema={terminateContractSchema}
        success="Contract terminated."
        label="Terminate"
        pendingLabel="Terminating…"
        variant="danger"
      >
        {(errors) => (
          <TextareaField
            id="termination-reason"
            name="reason"
            label="Reason for termination"
            rows={2}
            error={errors.reason}
          />
        )}
      </StepForm>,
    );
  }
  if (steps.length === 0) {
    if (!canSign && (may('sign') || may('terminate'))) {
      return (
        <Card title="Next step">
          <p className="text-sm text-slate-600">
            The account owner or a manager marks this contract signed or terminates it.
          </p>
        </Card>
      );
    }
    return null;
  }
  return (
    <Card title="Next step">
      <div className="space-y-6">{steps}</div>
    </Card>
  );
}
