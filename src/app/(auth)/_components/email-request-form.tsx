'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { initialFormState, type TFormState } from '@/actions/form-state';
import { Field, FormMessage, SubmitButton } from '@/components/ui/form';
import { useFormText } from './use-form-text';

/** A form that only asks for an e-mail address: sign-in link, forgotten password. */
export function EmailRequestForm({
  action,
  submitLabel,
  next = null,
}: {
  action: (prev: TFormState, formData: FormData) => Promise<TFormState>;
  submitLabel: string;
  /** Carried into the mailed link so the person lands where they were going. */
  next?: string | null;
}) {
  const t = useTranslations('auth');
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const { errorsOf, firstError, message } = useFormText(state, ['email']);
  return (
    <form action={formAction} className="space-y-5" noValidate>
      {message ? <FormMessage tone="error">{message}</FormMessage> : null}
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <Field
        id="email"
        type="email"
        label={t('fields.email')}
        autoComplete="email"
        inputMode="email"
        required
        maxLength={254}
        defaultValue={state.values?.email}
        errors={errorsOf('email')}
        focus={firstError === 'email'}
      />
      <SubmitButton disabled={pending}>{submitLabel}</SubmitButton>
    </form>
  );
}
