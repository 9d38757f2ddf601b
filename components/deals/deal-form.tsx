'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ActionError } from '@/components/ui/action-error';
import { Button } from '@/components/ui/button';
import { Field, fieldAria, Input, Select } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import { formValuesAfter, type FieldErrors } from '@/lib/action-result';
import { currencies } from '@/lib/clients';
import { dealStageLabels, defaultProbability, openDealStages, type DealStage } from '@/lib/deals';
import { createDealSchema, updateDealSchema } from '@/lib/validation/deals';
import { createDeal, updateDeal } from '@/server/deals/actions';
import type { ClientChoice } from '@/server/clients/queries';
import { ClientPicker } from './client-picker';

type Option = { id: string; name: string };

/** A deal's editable values as strings, the way the form holds them. */
export type DealFormValues = {
  name: string;
  stage?: string;
  amount: string;
  currency: string;
  probability: string;
  expectedClose: string;
  ownerId: string;
  coordinatorId: string;
};

function DealFields({
  values,
  errors,
  users,
  teamDefault,
  stage,
  currency,
  onCurrency,
}: {
  values: Partial<DealFormValues>;
  errors: FieldErrors;
  users: Option[];
  /** What an empty owner or coordinator means: the account's own, or nobody. */
  teamDefault: string;
  /** The stage whose default probability a blank probability takes; with `onStage` when the form chooses it. */
  stage: { value: DealStage; onChange?: (stage: DealStage) => void };
  currency: string;
  onCurrency: (currency: string) => void;
}) {
  const fieldId = (name: string) => `deal-${name}`;
  const text = (
    name: keyof DealFormValues,
    label: string,
    props: { type?: string; hint?: string; maxLength?: number } = {},
  ) => (
    <Field id={fieldId(name)} label={label} error={errors[name]} hint={props.hint}>
      <Input
        id={fieldId(name)}
        name={name}
        type={props.type ?? 'text'}
        maxLength={props.maxLength}
        defaultValue={values[name] ?? ''}
        {...fieldAria(fieldId(name), errors[name], Boolean(props.hint))}
      />
    </Field>
  );
  const person = (name: 'ownerId' | 'coordinatorId', label: string) => (
    <Field id={fieldId(name)} label={label} error={errors[name]}>
      <Select
        id={fieldId(name)}
        name={name}
        defaultValue={values[name] ?? ''}
        {...fieldAria(fieldId(name), errors[name])}
      >
        <option value="">{teamDefault}</option>
        {users.map((user) => (
          <option key={user.id} value={user.id}>
            {user.name}
          </option>
        ))}
      </Select>
    </Field>
  );
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {text('name', 'Deal name', { maxLength: 200 })}
      {stage.onChange ? (
        <Field id={fieldId('stage')} label="Stage" error={errors.stage}>
          <Select
            id={fieldId('stage')}
            name="stage"
            value={stage.value}
            onChange={(event) => stage.onChange?.(event.target.value as DealStage)}
            {...fieldAria(fieldId('stage'), errors.stage)}
          >
            {openDealStages.map((value) => (
              <option key={value} value={value}>
                {dealStageLabels[value]}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      {text('amount', 'Amount', { hint: 'e.g. 48,000' })}
      <Field id={fieldId('currency')} label="Currency" error={errors.currency}>
        <Select
          id={fieldId('currency')}
          name="currency"
          value={currency}
          onChange={(event) => onCurrency(event.target.value)}
          {...fieldAria(fieldId('currency'), errors.currency)}
        >
          {currencies.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        id={fieldId('probability')}
        label="Probability (%)"
        error={errors.probability}
        hint={`Leave blank for the ${dealStageLabels[stage.value]} default, ${defaultProbability[stage.value]}%`}
      >
        <Input
          id={fieldId('probability')}
          name="probability"
          type="number"
          min={0}
          max={100}
          defaultValue={values.probability ?? ''}
          placeholder={String(defaultProbability[stage.value])}
          {...fieldAria(fieldId('probability'), errors.probability, true)}
        />
      </Field>
      {text('expectedClose', 'Expected close', { type: 'date' })}
      {person('ownerId', 'Owner')}
      {person('coordinatorId', 'Coordinator')}
    </div>
  );
}

/** A new deal, for a given client (opened from its page) or one picked among those visible. */
export function NewDealForm({ client, users }: { client: ClientChoice | null; users: Option[] }) {
  const router = useRouter();
  const [state, formAction] = useFormAction(
    async (previous: Parameters<typeof createDeal>[0], formData: FormData) => {
      const result = await createDeal(previous, formData);
      if (result.ok) router.push(`/deals/${result.data.id}`);
      return result;
    },
    { schema: createDealSchema, successMessage: () => 'Deal added.' },
  );
  const values: Partial<DealFormValues> =
    state?.ok === false ? (state.values ?? {}) : { stage: 'lead', amount: '0' };
  const errors = state?.ok === false ? (state.fieldErrors ?? {}) : {};
  const [stage, setStage] = useState<DealStage>((values.stage as DealStage) ?? 'lead');
  const [currency, setCurrency] = useState(values.currency ?? client?.currency ?? 'USD');
  return (
    <form action={formAction} className="space-y-6" noValidate>
      <ActionError state={state} />
      {client ? (
        <div>
          <input type="hidden" name="clientId" value={client.id} />
          <p className="text-sm font-medium text-slate-800">Client</p>
          <p className="text-sm text-slate-900">{client.name}</p>
        </div>
      ) : (
        <ClientPicker
          error={errors.clientId}
          onChange={(chosen) => {
            if (chosen) setCurrency(chosen.currency);
          }}
        />
      )}
      <DealFields
        key={JSON.stringify(values)}
        values={values}
        errors={errors}
        users={users}
        teamDefault="The account's own"
        stage={{ value: stage, onChange: setStage }}
        currency={currency}
        onCurrency={setCurrency}
      />
      <SubmitButton pendingLabel="Saving…">Add deal</SubmitButton>
    </form>
  );
}

/** The deal page's edit mode: saves against the version it was opened with. */
export function EditDealForm({
  dealId,
  version,
  stage,
  values,
  users,
  onDone,
}: {
  dealId: string;
  version: number;
  stage: DealStage;
  values: DealFormValues;
  users: Option[];
  onDone: () => void;
}) {
  const [state, formAction] = useFormAction(
    async (previous: Parameters<typeof updateDeal>[0], formData: FormData) => {
      const result = await updateDeal(previous, formData);
      if (result.ok) onDone();
      return result;
    },
    { schema: updateDealSchema, successMessage: () => 'Changes saved.' },
  );
  const shown = formValuesAfter(state, values);
  const [currency, setCurrency] = useState(shown.currency);
  return (
    <form action={formAction} className="space-y-6" noValidate>
      <ActionError state={state} onReload={onDone} />
      <input type="hidden" name="dealId" value={dealId} />
      <input type="hidden" name="version" value={version} />
      <DealFields
        key={JSON.stringify(shown)}
        values={shown}
        errors={state?.ok === false ? (state.fieldErrors ?? {}) : {}}
        users={users}
        teamDefault="Nobody"
        stage={{ value: stage }}
        currency={currency}
        onCurrency={setCurrency}
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
