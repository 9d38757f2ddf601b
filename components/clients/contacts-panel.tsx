'use client';

import { Star } from 'lucide-react';
import { useState } from 'react';
import { ActionError } from '@/components/ui/action-error';
import { Button } from '@/components/ui/button';
import { Badge, Card } from '@/components/ui/card';
import { ConfirmSubmit } from '@/components/ui/confirm-submit';
import { Field, fieldAria, Input } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import { contactSchema, updateContactSchema } from '@/lib/validation/clients';
import { addContact, removeContact, updateContact } from '@/server/clients/actions';

export type ContactItem = {
  id: string;
  name: string;
  title: string | null;
  email: string | null;
  phone: string | null;
  isPrimary: boolean;
  version: number;
};

function ContactForm({
  clientId,
  contact,
  onDone,
}: {
  clientId: string;
  contact?: ContactItem;
  onDone: () => void;
}) {
  const [state, formAction] = useFormAction(
    async (_previous: unknown, formData: FormData) => {
      const result = contact
        ? await updateContact(null, formData)
        : await addContact(null, formData);
      if (result.ok) onDone();
      return result;
    },
    {
      schema: contact ? updateContactSchema : contactSchema,
      successMessage: () => (contact ? 'Contact saved.' : 'Contact added.'),
    },
  );
  const errors = state?.ok === false ? (state.fieldErrors ?? {}) : {};
  const values = state?.ok === false ? (state.values ?? {}) : {};
  const prefix = contact ? `contact-${contact.id}` : 'new-contact';
  const field = (name: 'name' | 'title' | 'email' | 'phone', label: string, type = 'text') => (
    <Field id={`${prefix}-${name}`} label={label} error={errors[name]}>
      <Input
        id={`${prefix}-${name}`}
        name={name}
        type={type}
        defaultValue={values[name] ?? contact?.[name] ?? ''}
        {...fieldAria(`${prefix}-${name}`, errors[name])}
      />
    </Field>
  );
  return (
    <form
      action={formAction}
      className="space-y-3 rounded-md border border-slate-200 p-3"
      noValidate
    >
      <ActionError state={state} onReload={onDone} />
      <input type="hidden" name="clientId" value={clientId} />
      {contact ? (
        <>
          <input type="hidden" name="contactId" value={contact.id} />
          <input type="hidden" name="version" value={contact.version} />
        </>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        {field('name', 'Contact name')}
        {field('title', 'Title')}
        {field('email', 'Contact e-mail', 'email')}
        {field('phone', 'Contact phone')}
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="isPrimary" defaultChecked={contact?.isPrimary ?? false} />
        Primary contact
      </label>
      <div className="flex gap-2">
        <SubmitButton pendingLabel="Saving…">
          {contact ? 'Save contact' : 'Add contact'}
        </SubmitButton>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function RemoveContact({ clientId, contact }: { clientId: string; contact: ContactItem }) {
  const [state, formAction] = useFormAction(removeContact, {
    successMessage: () => `${contact.name} was removed.`,
  });
  return (
    <form action={formAction}>
      <input type="hidden" name="clientId" value={clientId} />
      <input type="hidden" name="contactId" value={contact.id} />
      <ActionError state={state} />
      <ConfirmSubmit
        variant="ghost"
        pendingLabel="Removing…"
        aria-label={`Remove ${contact.name}`}
        title={`Remove ${contact.name}?`}
        description={`${contact.name} is removed from this client's contacts.`}
        confirmLabel="Remove contact"
      >
        Remove
      </ConfirmSubmit>
    </form>
  );
}

export function ContactsPanel({
  clientId,
  contacts,
}: {
  clientId: string;
  contacts: ContactItem[];
}) {
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <Card
      title={`Contacts (${contacts.length})`}
      actions={
        editing === 'new' ? null : (
          <Button variant="secondary" onClick={() => setEditing('new')}>
            Add contact
          </Button>
        )
      }
    >
      <div className="space-y-3">
        {editing === 'new' ? (
          <ContactForm clientId={clientId} onDone={() => setEditing(null)} />
        ) : null}
        {contacts.length === 0 && editing !== 'new' ? (
          <p className="text-sm text-slate-600">
            No contacts yet. Add the people you work with at this account.
          </p>
        ) : null}
        <ul className="divide-y divide-slate-100">
          {contacts.map((contact) =>
            editing === contact.id ? (
              <li key={contact.id} className="py-2">
                <ContactForm
                  clientId={clientId}
                  contact={contact}
                  onDone={() => setEditing(null)}
                />
              </li>
            ) : (
              <li
                key={contact.id}
                className="flex flex-wrap items-center justify-between gap-3 py-2"
              >
                <div className="text-sm">
                  <p className="flex items-center gap-2 font-medium text-slate-900">
                    {contact.name}
                    {contact.isPrimary ? (
                      <Badge tone="blue">
                        <Star aria-hidden className="mr-1 size-3" />
                        Primary
                      </Badge>
                    ) : null}
                  </p>
                  <p className="text-slate-600">
                    {[contact.title, contact.email, contact.phone].filter(Boolean).join(' · ') ||
                      'No details yet'}
                  </p>
                </div>
                <div className="flex items-center gap-1">
                  <Button
                    variant="ghost"
                    onClick={() => setEditing(contact.id)}
                    aria-label={`Edit ${contact.name}`}
                  >
                    Edit
                  </Button>
                  <RemoveContact clientId={clientId} contact={contact} />
                </div>
              </li>
            ),
          )}
        </ul>
      </div>
    </Card>
  );
}
