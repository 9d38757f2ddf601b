'use client';

import Link from 'next/link';
import { ActionError } from '@/components/ui/action-error';
import { Card } from '@/components/ui/card';
import { Field, Select } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import { linkCompetitor, unlinkCompetitor } from '@/server/clients/actions';

type Competitor = { id: string; name: string };

function Unlink({ clientId, competitor }: { clientId: string; competitor: Competitor }) {
  const [state, formAction] = useFormAction(unlinkCompetitor);
  return (
    <form action={formAction}>
      <ActionError state={state} />
      <input type="hidden" name="clientId" value={clientId} />
      <input type="hidden" name="competitorId" value={competitor.id} />
      <SubmitButton
        variant="ghost"
        pendingLabel="Removing…"
        aria-label={`Unlink ${competitor.name}`}
      >
        Unlink
      </SubmitButton>
    </form>
  );
}

export function CompetitorsPanel({
  clientId,
  linked,
  options,
}: {
  clientId: string;
  linked: Competitor[];
  options: Competitor[];
}) {
  const [state, formAction] = useFormAction(linkCompetitor, {
    successMessage: () => 'Competitor linked.',
  });
  const available = options.filter(
    (option) => !linked.some((competitor) => competitor.id === option.id),
  );
  return (
    <Card title="Competitors">
      <ul className="divide-y divide-slate-100">
        {linked.length === 0 ? (
          <li className="py-2 text-sm text-slate-600">No competitors linked.</li>
        ) : null}
        {linked.map((competitor) => (
          <li key={competitor.id} className="flex items-center justify-between py-2 text-sm">
            <Link
              href={`/competitors/${competitor.id}`}
              className="font-medium text-brand-700 hover:underline"
            >
              {competitor.name}
            </Link>
            <Unlink clientId={clientId} competitor={competitor} />
          </li>
        ))}
      </ul>
      {available.length > 0 ? (
        <form action={formAction} className="mt-4 flex items-end gap-2">
          <ActionError state={state} />
          <input type="hidden" name="clientId" value={clientId} />
          <div className="flex-1">
            <Field
              id="link-competitor"
              label="Competitor"
              error={state?.ok === false ? state.fieldErrors?.competitorId : undefined}
            >
              <Select id="link-competitor" name="competitorId" defaultValue="">
                <option value="" disabled>
                  Choose a competitor
                </option>
                {available.map((competitor) => (
                  <option key={competitor.id} value={competitor.id}>
                    {competitor.name}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <SubmitButton variant="secondary" pendingLabel="Linking…">
            Link
          </SubmitButton>
        </form>
      ) : (
        <p className="mt-4 text-sm text-slate-600">
          <Link href="/competitors" className="text-brand-700 underline">
            Add competitors to the registry
          </Link>{' '}
          to link them here.
        </p>
      )}
    </Card>
  );
}
