'use client';

import { useActionState } from 'react';
import { toast } from 'sonner';
import type { z } from 'zod';
import type { ActionResult, FormAction } from '@/lib/action-result';
import { formDataToObject, invalidInput } from '@/lib/form-data';

type Options<T> = {
  /** The action's own zod schema: bad input is answered here, without a round trip. */
  schema?: z.ZodType;
  successMessage?: (data: T) => string;
};

/** `useActionState` for an Accord action, checked first by its shared schema, with a toast on success. */
export function useFormAction<T>(action: FormAction<T>, options: Options<T> = {}) {
  return useActionState<ActionResult<T> | null, FormData>(async (previous, formData) => {
    if (options.schema) {
      const raw = formDataToObject(formData);
      const parsed = options.schema.safeParse(raw);
      if (!parsed.success) return invalidInput(parsed.error, raw);
    }
    const result = await action(previous, formData);
    if (result.ok && options.successMessage) toast.success(options.successMessage(result.data));
    return result;
  }, null);
}
