'use client';

import { useRouter } from 'next/navigation';
import { ActionError } from '@/components/ui/action-error';
import { Field, fieldAria, Select, TextareaField, TextField } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import { campaignStatuses, campaignStatusLabels, type CampaignStatus } from '@/lib/campaigns';
import { currencies } from '@/lib/clients';
import { createCampaignSchema, updateCampaignSchema } from '@/lib/validation/campaigns';
import { createCampaign, updateCampaign } from '@/server/campaigns/actions';

export type CampaignFormValues = {
  name: string;
  goal: string;
  startDate: string | null;
  endDate: string | null;
  status: CampaignStatus;
  ownerId: string | null;
  coordinatorId: string | null;
  currency: string;
  budgetPlannedCents: number;
};

type Person = { id: string; name: string };

/**
 * A campaign's fields, for a new campaign of `clientId` (prefilled with the account's people and
 * currency) or for editing one (`id` and the `version` the form read).
 */
export function CampaignForm({
  campaign,
  people,
  target,
}: {
  campaign: CampaignFormValues;
  people: Person[];
  target: { clientId: string } | { id: string; version: number };
}) {
  const router = useRouter();
  const isNew = 'clientId' in target;
  const [state, formAction] = useFormAction(isNew ? createCampaign : updateCampaign, {
    schema: isNew ? createCampaignSchema : updateCampaignSchema,
    successMessage: () => (isNew ? 'Campaign created.' : 'Campaign saved.'),
  });
  const values = state?.ok === false ? (state.values ?? {}) : {};
  const errors = state?.ok === false ? (state.fieldErrors ?? {}) : {};
  const personSelect = (field: 'ownerId' | 'coordinatorId', label: string) => {
    const id = `campaign-${field}`;
    return (
      <Field id={id} label={label} error={errors[field]}>
        <Select
          id={id}
          name={field}
          defaultValue={values[field] ?? campaign[field] ?? ''}
          {...fieldAria(id, errors[field])}
        >
          <option value="">Nobody</option>
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </Select>
      </Field>
    );
  };
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <ActionError state={state} onReload={() => router.refresh()} />
      {isNew ? (
        <input type="hidden" name="clientId" value={target.clientId} />
      ) : (
        <>
          <input type="hidden" name="id" value={target.id} />
          <input type="hidden" name="version" value={target.version} />
        </>
      )}
      <TextField
        id="campaign-name"
        name="name"
        label="Name"
        maxLength={200}
        defaultValue={values.name ?? campaign.name}
        error={errors.name}
      />
      <TextareaField
        id="campaign-goal"
        name="goal"
        label="Goal"
        rows={3}
        maxLength={5000}
        defaultValue={values.goal ?? campaign.goal}
        error={errors.goal}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id="campaign-start"
          name="startDate"
          label="Start date"
          type="date"
          defaultValue={values.startDate ?? campaign.startDate ?? ''}
          error={errors.startDate}
        />
        <TextField
          id="campaign-end"
          name="endDate"
          label="End date"
          type="date"
          defaultValue={values.endDate ?? campaign.endDate ?? ''}
          error={errors.endDate}
        />
        <Field id="campaign-status" label="Status" error={errors.status}>
          <Select
            id="campaign-status"
            name="status"
            defaultValue={values.status ?? campaign.status}
            {...fieldAria('campaign-status', errors.status)}
          >
            {campaignStatuses.map((status) => (
              <option key={status} value={status}>
                {campaignStatusLabels[status]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="campaign-currency" label="Currency" error={errors.currency}>
          <Select
            id="campaign-currency"
            name="currency"
            defaultValue={values.currency ?? campaign.currency}
            {...fieldAria('campaign-currency', errors.currency)}
          >
            {currencies.map((currency) => (
              <option key={currency}>{currency}</option>
            ))}
          </Select>
        </Field>
        <TextField
          id="campaign-budget"
          name="budgetPlanned"
          label="Budget planned"
          inputMode="decimal"
          defaultValue={values.budgetPlanned ?? (campaign.budgetPlannedCents / 100).toFixed(2)}
          error={errors.budgetPlanned}
        />
        {personSelect('ownerId', 'Owner')}
        {personSelect('coordinatorId', 'Coordinator')}
      </div>
      <SubmitButton pendingLabel="Saving…">
        {isNew ? 'Create campaign' : 'Save campaign'}
      </SubmitButton>
    </form>
  );
}
