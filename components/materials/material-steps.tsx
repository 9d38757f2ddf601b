'use client';

import { ActionError } from '@/components/ui/action-error';
import { Field, fieldAria, Select, TextareaField } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import type { MaterialStatus, MaterialTransition } from '@/lib/materials';
import {
  approveMaterialSchema,
  assignMaterialSchema,
  sendBackMaterialSchema,
} from '@/lib/validation/materials';
import {
  approveMaterial,
  assignMaterial,
  sendBackMaterial,
  startMaterial,
  submitMaterial,
} from '@/server/materials/actions';

type Material = {
  id: string;
  version: number;
  status: MaterialStatus;
  assigneeId: string | null;
  fileCount: number;
};

function Hidden({ material }: { material: Material }) {
  return (
    <>
      <input type="hidden" name="id" value={material.id} />
      <input type="hidden" name="version" value={material.version} />
    </>
  );
}

function StepButton({
  material,
  action,
  label,
  pendingLabel,
  done,
}: {
  material: Material;
  action: typeof startMaterial;
  label: string;
  pendingLabel: string;
  done: string;
}) {
  const [state, formAction] = useFormAction(action, { successMessage: () => done });
  return (
    <form action={formAction} className="space-y-2">
      <ActionError state={state} />
      <Hidden material={material} />
      <SubmitButton pendingLabel={pendingLabel}>{label}</SubmitButton>
    </form>
  );
}

function CommentForm({
  material,
  action,
  schema,
  label,
  commentLabel,
  pendingLabel,
  done,
  variant,
}: {
  material: Material;
  action: typeof sendBackMaterial;
  schema: typeof sendBackMaterialSchema | typeof approveMaterialSchema;
  label: string;
  commentLabel: string;
  pendingLabel: string;
  done: string;
  variant: 'primary' | 'secondary';
}) {
  const [state, formAction] = useFormAction(action, { schema, successMessage: () => done });
  const errors = state?.ok === false ? (state.fieldErrors ?? {}) : {};
  const id = `${label.toLowerCase().replace(/\s+/g, '-')}-comment`;
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <ActionError state={state} />
      <Hidden material={material} />
      <TextareaField
        id={id}
        name="comment"
        label={commentLabel}
        rows={3}
        defaultValue={state?.ok === false ? state.values?.comment : ''}
        error={errors.comment}
      />
      <SubmitButton variant={variant} pendingLabel={pendingLabel}>
        {label}
      </SubmitButton>
    </form>
  );
}

function AssignForm({
  material,
  people,
}: {
  material: Material;
  people: { id: string; name: string }[];
}) {
  const [state, formAction] = useFormAction(assignMaterial, {
    schema: assignMaterialSchema,
    successMessage: () => 'Material assigned.',
  });
  const errors = state?.ok === false ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <ActionError state={state} />
      <Hidden material={material} />
      <Field
        id="material-assign"
        label={material.assigneeId ? 'Assign to someone else' : 'Assign to'}
        error={errors.assigneeId}
      >
        <Select
          id="material-assign"
          name="assigneeId"
          defaultValue=""
          {...fieldAria('material-assign', errors.assigneeId)}
        >
          <option value="">Choose a person</option>
          {people
            .filter((person) => person.id !== material.assigneeId)
            .map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
        </Select>
      </Field>
      <SubmitButton variant="secondary" pendingLabel="Assigning…">
        Assign
      </SubmitButton>
    </form>
  );
}

/** The steps open on this material for the viewer, each form keyed on the version it read. */
export function MaterialSteps({
  material,
  transitions,
  mayWrite,
  mayApprove,
  people,
}: {
  material: Material;
  transitions: MaterialTransition[];
  mayWrite: boolean;
  mayApprove: boolean;
  people: { id: string; name: string }[];
}) {
  const offers = (transition: MaterialTransition) => transitions.includes(transition);
  const reviewing = material.status === 'in_review';
  return (
    <div key={material.version} className="space-y-6">
      {mayWrite && offers('start') ? (
        <StepButton
          material={material}
          action={startMaterial}
          label="Start work"
          pendingLabel="Starting…"
          done="Work started."
        />
      ) : null}
      {mayWrite && offers('submit') ? (
        <div className="space-y-2">
          {material.fileCount === 0 ? (
            <p className="text-sm text-slate-600">Upload a file below before submitting it.</p>
          ) : null}
          <StepButton
            material={material}
            action={submitMaterial}
            label="Submit for review"
            pendingLabel="Submitting…"
            done="Submitted for review."
          />
        </div>
      ) : null}
      {reviewing && mayApprove ? (
        <CommentForm
          material={material}
          action={approveMaterial}
          schema={approveMaterialSchema}
          label="Approve"
          commentLabel="Approval note (optional)"
          pendingLabel="Approving…"
          done="Material approved: it is ready."
          variant="primary"
        />
      ) : null}
      {reviewing && !mayApprove ? (
        <p className="text-sm text-slate-600">
          An executive or a manager who neither requested nor made it reviews it.
        </p>
      ) : null}
      {offers('sendBack') && (reviewing ? mayApprove : mayWrite) ? (
        <CommentForm
          material={material}
          action={sendBackMaterial}
          schema={sendBackMaterialSchema}
          label="Send back"
          commentLabel="What needs to change"
          pendingLabel="Sending back…"
          done="Sent back to work."
          variant="secondary"
        />
      ) : null}
      {mayWrite && material.status !== 'ready' ? (
        <AssignForm material={material} people={people} />
      ) : null}
    </div>
  );
}
