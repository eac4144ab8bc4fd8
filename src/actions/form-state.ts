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

/**
 * The parse step every form action shares: reads the schema's fields from the form (a missing
 * field reads as ''), and on failure returns the form state to render (field errors + the safe
 * values typed so far) so the action can `return parsed.state`.
 */
export function parseFormData<TShape extends z.ZodRawShape, TOutput>(
  schema: z.ZodType<TOutput> & { shape: TShape },
  formData: FormData,
): { ok: true; data: TOutput } | { ok: false; state: TFormState } {
  const input = Object.fromEntries(
    Object.keys(schema.shape).map((field) => [field, formData.get(field) ?? '']),
  );
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  return {
    ok: false,
    state: {
      status: 'error',
      fieldErrors: fieldErrorsFrom(parsed.error),
      values: safeValues(formData),
    },
  };
}
