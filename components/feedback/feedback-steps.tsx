'use client';

import { ActionError } from '@/components/ui/action-error';
import { Field, fieldAria, Select, TextareaField } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import { canTransitionFeedback, type FeedbackStatus } from '@/lib/feedback';
import { resolveFeedbackSchema, routeFeedbackSchema } from '@/lib/validation/feedback';
import { acknowledgeFeedback, resolveFeedback, routeFeedback } from '@/server/feedback/actions';

type Item = { id: string; version: number; status: FeedbackStatus; routedToId: string | null };

function RouteForm({ item, people }: { item: Item; people: { id: string; name: string }[] }) {
  const [state, formAction] = useFormAction(routeFeedback, {
    schema: routeFeedbackSchema,
    successMessage: () => 'Feedback routed.',
  });
  const errors = state?.ok === false ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <ActionError state={state} />
      <input type="hidden" name="id" value={item.id} />
      <input type="hidden" name="version" value={item.version} />
      <Field
        id="route-to"
        label={item.routedToId ? 'Route to someone else' : 'Route to'}
        error={errors.routedToId}
      >
        <Select
          id="route-to"
          name="routedToId"
          defaultValue=""
          {...fieldAria('route-to', errors.routedToId)}
        >
          <option value="">Choose a person</option>
          {people
            .filter((person) => person.id !== item.routedToId)
            .map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
        </Select>
      </Field>
      <SubmitButton variant="secondary" pendingLabel="Routing…">
        Route
      </SubmitButton>
    </form>
  );
}

function AcknowledgeForm({ item }: { item: Item }) {
  const [state, formAction] = useFormAction(acknowledgeFeedback, {
    successMessage: () => 'Feedback acknowledged.',
  });
  return (
    <form action={formAction} className="space-y-3">
      <ActionError state={state} />
      <input type="hidden" name="id" value={item.id} />
      <input type="hidden" name="version" value={item.version} />
      <SubmitButton pendingLabel="Acknowledging…">Acknowledge</SubmitButton>
    </form>
  );
}

function ResolveForm({ item }: { item: Item }) {
  const [state, formAction] = useFormAction(resolveFeedback, {
    schema: resolveFeedbackSchema,
    successMessage: () => 'Feedback resolved.',
  });
  const errors = state?.ok === false ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <ActionError state={state} />
      <input type="hidden" name="id" value={item.id} />
      <input type="hidden" name="version" value={item.version} />
      <TextareaField
        id="resolution"
        name="resolution"
        label="Resolution"
        rows={3}
        defaultValue={state?.ok === false ? state.values?.resolution : ''}
        error={errors.resolution}
      />
      <SubmitButton pendingLabel="Resolving…">Resolve</SubmitButton>
    </form>
  );
}

/** The next steps the viewer may take on this feedback, each keyed on its version. */
export function FeedbackSteps({
  item,
  people,
  mayRoute,
  mayAnswer,
}: {
  item: Item;
  people: { id: string; name: string }[];
  mayRoute: boolean;
  mayAnswer: boolean;
}) {
  const route = mayRoute && canTransitionFeedback(item.status, 'route');
  const acknowledge = mayAnswer && canTransitionFeedback(item.status, 'acknowledge');
  const resolve = mayAnswer && canTransitionFeedback(item.status, 'resolve');
  if (!route && !acknowledge && !resolve) {
    return (
      <p className="text-sm text-slate-600">
        {item.status === 'resolved'
          ? 'This feedback is resolved.'
          : 'Only the person it is routed to, the account owner or a manager may answer it.'}
      </p>
    );
  }
  return (
    <div key={item.version} className="space-y-6">
      {acknowledge ? <AcknowledgeForm item={item} /> : null}
      {resolve ? <ResolveForm item={item} /> : null}
      {route ? <RouteForm item={item} people={people} /> : null}
    </div>
  );
}
