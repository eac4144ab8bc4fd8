'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { resendConfirmationAction } from '@/actions/auth/resend-confirmation';
import { signInAction } from '@/actions/auth/sign-in';
import { initialFormState } from '@/actions/form-state';
import { Field, FormMessage, SecondaryButton, SubmitButton } from '@/components/ui/form';
import { useFormText } from './use-form-text';

const FIELDS = ['email', 'password'] as const;

export function SignInForm({ next }: { next: string | null }) {
  const t = useTranslations('auth');
  const [state, formAction, pending] = useActionState(signInAction, initialFormState);
  const { errorsOf, firstError, message } = useFormText(state, FIELDS);
  const unverified = state.message === 'auth.errors.unverified';
  return (
    <div className="space-y-4">
      <form action={formAction} className="space-y-5" noValidate>
        {message ? <FormMessage tone="error">{message}</FormMessage> : null}
        {next ? <input type="hidden" name="next" value={next} /> : null}
        <Field
          id="email"
          type="email"
          label={t('fields.email')}
          autoComplete="username"
          inputMode="email"
          required
          maxLength={254}
          defaultValue={state.values?.email}
          errors={errorsOf('email')}
          focus={firstError === 'email'}
        />
        <Field
          id="password"
          type="password"
          label={t('fields.password')}
          autoComplete="current-password"
          required
          maxLength={200}
          errors={errorsOf('password')}
          // After a refused attempt the address is kept, so the password is what to retype.
          focus={firstError === 'password' || (!firstError && Boolean(message) && !unverified)}
        />
        <SubmitButton disabled={pending}>{t('signIn.submit')}</SubmitButton>
      </form>
      {unverified && state.values?.email ? (
        <form action={resendConfirmationAction}>
          <input type="hidden" name="email" value={state.values.email} />
          <SecondaryButton>{t('signIn.resend')}</SecondaryButton>
        </form>
      ) : null}
    </div>
  );
}
