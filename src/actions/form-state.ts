import type { z } from 'zod';

/**
 * What a form action returns when it does not redirect. Errors are message keys (translated
 * where the form renders), never raw exception text. `values` echoes safe fields back so a
 * no-JS re-render keeps what the person typed; passwords are never echoed.
 */
export type TFormState = {
  status: 'idle' | 'error' | 'success';
  /** Message key for the whole form (e.g. `auth.errors.invalidCredentials`). */
  message?: string;
  /** Values for ICU placeholders in `message`, e.g. `{ minutes: 12 }`. */
  messageValues?: Record<string, string | number>;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
};

export const initialFormState: TFormState = { status: 'idle' };

/** Field errors from a zod failure; each issue's message is expected to be a message key. */
export function fieldErrorsFrom(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '_form');
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Form fields as strings, dropping files and anything named like a secret. */
export function safeValues(
  formData: FormData,
  omit: readonly string[] = [],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== 'string' || key.startsWith('$ACTION') || omit.includes(key)) continue;
    if (/password|code|token/i.test(key)) continue;
    out[key] = value.slice(0, 500);
  }
  return out;
}
