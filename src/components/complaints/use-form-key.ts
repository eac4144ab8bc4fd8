'use client';

import { useMemo } from 'react';

let counter = 0;

/**
 * A new key for a form each time its action returns. React 19 resets a form after its action
 * runs, and a reset puts a `<select>` back to the value it had when first mounted, not the
 * `defaultValue` the new state gave it; remounting the form with a fresh key makes every
 * field start from the values just returned.
 */
export function useFormKey(state: unknown): string {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => `form-${++counter}`, [state]);
}
