'use client';

import { usePeopleChoices } from '@/components/data-table/people-choices';
import { ActionError } from '@/components/ui/action-error';
import { Field, fieldAria, Select, TextField } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import { taskLinkKindLabels, type TaskLinkKind } from '@/lib/tasks';
import { createTaskSchema } from '@/lib/validation/tasks';
import { createTask } from '@/server/tasks/actions';

/**
 * A task by hand: title, due day and time (in the viewer's zone), assignee, and the record it is
 * about when the form was opened from one.
 */
export function NewTaskForm({
  viewerId,
  timeZone,
  link,
}: {
  viewerId: string;
  timeZone: string;
  link: { kind: TaskLinkKind; id: string } | null;
}) {
  const { users } = usePeopleChoices();
  const [state, formAction] = useFormAction(createTask, {
    schema: createTaskSchema,
    successMessage: () => 'Task added.',
  });
  const errors = state?.ok === false ? (state.fieldErrors ?? {}) : {};
  const values = state?.ok === false ? state.values : undefined;
  return (
    <form
      action={formAction}
      key={state?.ok ? state.data.id : 'new'}
      className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4"
      noValidate
    >
      <div className="sm:col-span-2 lg:col-span-4">
        <ActionError state={state} />
      </div>
      <input type="hidden" name="linkKind" value={link?.kind ?? ''} />
      <input type="hidden" name="linkId" value={link?.id ?? ''} />
      <div className="sm:col-span-2">
        <TextField
          id="task-title"
          name="title"
          label="Task"
          maxLength={200}
          defaultValue={values?.title ?? ''}
          error={errors.title}
          hint={link ? `About this ${taskLinkKindLabels[link.kind].toLowerCase()}.` : undefined}
        />
      </div>
      <TextField
        id="task-due-date"
        name="dueDate"
        label="Due day"
        type="date"
        defaultValue={values?.dueDate ?? ''}
        error={errors.dueDate}
      />
      <TextField
        id="task-due-time"
        name="dueTime"
        label="Due time"
        type="time"
        defaultValue={values?.dueTime ?? '17:00'}
        error={errors.dueTime}
        hint={timeZone}
      />
      <Field id="task-assignee" label="Assignee" error={errors.assigneeId}>
        <Select
          id="task-assignee"
          name="assigneeId"
          defaultValue={values?.assigneeId ?? viewerId}
          {...fieldAria('task-assignee', errors.assigneeId)}
        >
          {users.map((user) => (
            <option key={user.id} value={user.id}>
              {user.name}
            </option>
          ))}
        </Select>
      </Field>
      {errors.linkId || errors.linkKind ? (
        <p className="text-sm text-red-700 sm:col-span-2">
          {[...(errors.linkId ?? []), ...(errors.linkKind ?? [])].join(' ')}
        </p>
      ) : null}
      <div className="flex items-end">
        <SubmitButton pendingLabel="Adding…">Add task</SubmitButton>
      </div>
    </form>
  );
}
