'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { resetPasswordAction } from '@/actions/auth/reset-password';
import { initialFormState } from '@/actions/form-state';
import { Field, FormMessage, SubmitButton } from '@/components/ui/form';
import { useFormText } from './use-form-text';

const FIELDS = ['password', 'confirmPassword'] as const;

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations('auth');
  const [state, formAction, pending] = useActionState(resetPasswordAction, initialFormState);
  const { errorsOf, firstError, message } = useFormText(state, FIELDS);
  return (
    <form action={formAction} className="space-y-5" noValidate>
      {message ? <FormMessage tone="error">{message}</FormMessage> : null}
      <input type="hidden" name="token" value={token} />
      <Field
        id="password"
        type="password"
        label={t('fields.newPassword')}
        hint={t('fields.passwordHint')}
        autoComplete="new-password"
        required
        minLength={10}
        maxLength={200}
        errors={errorsOf('password')}
        focus={firstError === 'password'}
      />
      <Field
        id="confirmPassword"
        type="password"
        label={t('fields.confirmPassword')}
        autoComplete="new-password"
        required
        maxLength={200}
        errors={errorsOf('confirmPassword')}
        focus={firstError === 'confirmPassword'}
      />
      <SubmitButton disabled={pending}>{t('reset.submit')}</SubmitButton>
    </form>
  );
}
