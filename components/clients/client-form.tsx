'use client';

import { useRouter } from 'next/navigation';
import { ActionError } from '@/components/ui/action-error';
import { Button } from '@/components/ui/button';
import { Field, fieldAria, Input, Select, Textarea } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import { formValuesAfter, type FieldErrors } from '@/lib/action-result';
import {
  clientStatuses,
  clientStatusLabels,
  clientTierLabels,
  clientTiers,
  currencies,
  industries,
} from '@/lib/clients';
import { createClientSchema, updateClientSchema } from '@/lib/validation/clients';
import { createClient, updateClient } from '@/server/clients/actions';

/** A client's editable values as strings, the way the form holds them. */
export type ClientFormValues = {
  name: string;
  status: string;
  industry: string;
  tier: string;
  website: string;
  phone: string;
  currency: string;
  annualValue: string;
  billingEmail: string;
  billingAddress: string;
  notes: string;
  fitScore: string;
  source: string;
  nextStep: string;
  nextStepDate: string;
  tags: string;
  ownerId?: string;
  coordinatorId?: string;
};

type Option = { id: string; name: string };

/** Which of owner and coordinator the creator may choose; the server puts them on the rest. */
export type TeamChoice = { users: Option[]; owner: boolean; coordinator: boolean };

function ClientFields({
  values,
  errors,
  team,
}: {
  values: Partial<ClientFormValues>;
  errors: FieldErrors;
  team?: TeamChoice;
}) {
  const text = (
    name: keyof ClientFormValues,
    label: string,
    props: { type?: string; hint?: string; maxLength?: number } = {},
  ) => (
    <Field id={`client-${name}`} label={label} error={errors[name]} hint={props.hint}>
      <Input
        id={`client-${name}`}
        name={name}
        type={props.type ?? 'text'}
        maxLength={props.maxLength}
        defaultValue={values[name] ?? ''}
        {...fieldAria(`client-${name}`, errors[name], Boolean(props.hint))}
      />
    </Field>
  );
  const select = (
    name: keyof ClientFormValues,
    label: string,
    options: { value: string; label: string }[],
    empty?: string,
  ) => (
    <Field id={`client-${name}`} label={label} error={errors[name]}>
      <Select
        id={`client-${name}`}
        name={name}
        defaultValue={values[name] ?? ''}
        {...fieldAria(`client-${name}`, errors[name])}
      >
        {empty !== undefined ? <option value="">{empty}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
    </Field>
  );
  const area = (name: keyof ClientFormValues, label: string) => (
    <Field id={`client-${name}`} label={label} error={errors[name]}>
      <Textarea
        id={`client-${name}`}
        name={name}
        defaultValue={values[name] ?? ''}
        {...fieldAria(`client-${name}`, errors[name])}
      />
    </Field>
  );
  const userOptions = team?.users.map((user) => ({ value: user.id, label: user.name })) ?? [];
  return (
    <div className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-2">
        {text('name', 'Name', { maxLength: 200 })}
        {select(
          'status',
          'Status',
          clientStatuses.map((value) => ({ value, label: clientStatusLabels[value] })),
        )}
        {select(
          'industry',
          'Industry',
          industries.map((value) => ({ value, label: value })),
          'Not set',
        )}
        {select(
          'tier',
          'Tier',
          clientTiers.map((value) => ({ value, label: clientTierLabels[value] })),
        )}
        {text('website', 'Website', { hint: 'e.g. example.com' })}
        {text('phone', 'Phone')}
        {select(
          'currency',
          'Currency',
          currencies.map((value) => ({ value, label: value })),
        )}
        {text('annualValue', 'Annual value', { hint: 'In the account currency, e.g. 120,000' })}
        {text('tags', 'Tags', { hint: 'Separate tags with commas' })}
        {team?.owner ? select('ownerId', 'Owner', userOptions, 'No owner yet') : null}
        {team?.coordinator
          ? select('coordinatorId', 'Coordinator', userOptions, 'No coordinator yet')
          : null}
      </div>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-slate-900">Billing</legend>
        {text('billingEmail', 'Billing e-mail', { type: 'email' })}
        {area('billingAddress', 'Billing address')}
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-slate-900">Prospect research</legend>
        {text('fitScore', 'Fit score', { type: 'number', hint: '0 to 100' })}
        {text('source', 'Source', { hint: 'e.g. referral, conference' })}
        {text('nextStep', 'Next step')}
        {text('nextStepDate', 'Next-step date', { type: 'date' })}
      </fieldset>
      {area('notes', 'Notes')}
    </div>
  );
}

/** A new client or prospect. */
export function NewClientForm({
  team,
  defaults,
}: {
  team: TeamChoice;
  defaults: Partial<ClientFormValues>;
}) {
  const router = useRouter();
  const [state, formAction] = useFormAction(
    async (previous: Parameters<typeof createClient>[0], formData: FormData) => {
      const result = await createClient(previous, formData);
      if (result.ok) router.push(`/clients/${result.data.id}`);
      return result;
    },
    { schema: createClientSchema, successMessage: () => 'Client added.' },
  );
  const values = state?.ok === false ? (state.values ?? {}) : defaults;
  return (
    <form action={formAction} className="space-y-6" noValidate>
      <ActionError state={state} />
      <ClientFields
        key={JSON.stringify(values)}
        values={values}
        errors={state?.ok === false ? (state.fieldErrors ?? {}) : {}}
        team={team}
      />
      <SubmitButton pendingLabel="Saving…">Add client</SubmitButton>
    </form>
  );
}

/** The overview's edit mode: saves against the version it was opened with. */
export function EditClientForm({
  clientId,
  version,
  values,
  onDone,
}: {
  clientId: string;
  version: number;
  values: ClientFormValues;
  onDone: () => void;
}) {
  const [state, formAction] = useFormAction(
    async (previous: Parameters<typeof updateClient>[0], formData: FormData) => {
      const result = await updateClient(previous, formData);
      if (result.ok) onDone();
      return result;
    },
    { schema: updateClientSchema, successMessage: () => 'Changes saved.' },
  );
  const shown = formValuesAfter(state, values);
  return (
    <form action={formAction} className="space-y-6" noValidate>
      <ActionError state={state} onReload={onDone} />
      <input type="hidden" name="clientId" value={clientId} />
      <input type="hidden" name="version" value={version} />
      <ClientFields
        key={JSON.stringify(shown)}
        values={shown}
        errors={state?.ok === false ? (state.fieldErrors ?? {}) : {}}
      />
      <div className="flex gap-3">
        <SubmitButton pendingLabel="Saving…">Save changes</SubmitButton>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
