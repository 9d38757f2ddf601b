'use client';

import { ActionError } from '@/components/ui/action-error';
import { Field, fieldAria, Select } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import {
  materialKindLabels,
  type MaterialAttachmentKind,
  type MaterialKind,
} from '@/lib/materials';
import { attachMaterial, detachMaterial } from '@/server/materials/actions';

type Target = { kind: MaterialAttachmentKind; id: string };

function TargetFields({ target }: { target: Target }) {
  return (
    <>
      <input type="hidden" name="targetKind" value={target.kind} />
      <input type="hidden" name="targetId" value={target.id} />
    </>
  );
}

/** Attaches one of the client's ready materials. */
export function AttachMaterialForm({
  target,
  candidates,
}: {
  target: Target;
  candidates: { id: string; title: string; kind: MaterialKind }[];
}) {
  const [state, formAction] = useFormAction(attachMaterial, {
    successMessage: () => 'Material attached.',
  });
  const errors = state?.ok === false ? (state.fieldErrors ?? {}) : {};
  const id = `attach-material-${target.kind}`;
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <ActionError state={state} />
      <TargetFields target={target} />
      <Field id={id} label="Ready material" error={errors.materialId}>
        <Select id={id} name="materialId" defaultValue="" {...fieldAria(id, errors.materialId)}>
          <option value="">Choose a material</option>
          {candidates.map((material) => (
            <option key={material.id} value={material.id}>
              {material.title} ({materialKindLabels[material.kind]})
            </option>
          ))}
        </Select>
      </Field>
      <SubmitButton variant="secondary" pendingLabel="Attaching…">
        Attach
      </SubmitButton>
    </form>
  );
}

export function DetachMaterialButton({
  target,
  materialId,
  title,
}: {
  target: Target;
  materialId: string;
  title: string;
}) {
  const [state, formAction] = useFormAction(detachMaterial, {
    successMessage: () => 'Material detached.',
  });
  return (
    <form action={formAction}>
      <ActionError state={state} />
      <TargetFields target={target} />
      <input type="hidden" name="materialId" value={materialId} />
      <SubmitButton variant="secondary" pendingLabel="Detaching…" aria-label={`Detach ${title}`}>
        Detach
      </SubmitButton>
    </form>
  );
}
