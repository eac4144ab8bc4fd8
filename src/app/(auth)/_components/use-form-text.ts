'use client';

import { useEffect } from 'react';
import { useTranslations } from 'next-intl';
import type { TFormState } from '@/actions/form-state';

/**
 * Turns the message keys in a form state into text, and says which field should take focus
 * (the first one in error, in the order the form shows them). Without JavaScript the server
 * render's autoFocus does that; with it, the form stays mounted, so focus is moved here.
 */
export function useFormText(state: TFormState, fieldOrder: readonly string[]) {
  const t = useTranslations();
  const errorsOf = (field: string): string[] | undefined =>
    state.fieldErrors?.[field]?.map((key) => t(key));
  const firstError = fieldOrder.find((f) => state.fieldErrors?.[f]?.length);
  const message = state.message ? t(state.message, state.messageValues) : undefined;
  useEffect(() => {
    if (firstError) document.getElementById(firstError)?.focus();
  }, [state, firstError]);
  return { errorsOf, firstError, message };
}
