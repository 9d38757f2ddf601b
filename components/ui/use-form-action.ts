'use client';

import { useActionState } from 'react';
import { toast } from 'sonner';
import type { FormAction } from '@/lib/action-result';

/** `useActionState` for an Accord action, with a toast when it succeeds. */
export function useFormAction<T>(action: FormAction<T>, successMessage?: (data: T) => string) {
  return useActionState<Awaited<ReturnType<FormAction<T>>> | null, FormData>(
    async (previous, formData) => {
      const result = await action(previous, formData);
      if (result.ok && successMessage) toast.success(successMessage(result.data));
      return result;
    },
    null,
  );
}
