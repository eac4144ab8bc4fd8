'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { resetPasswordAction } from '@/actions/auth/reset-password';
import { initialFormState } from '@/actions/form-state';
import { FormMessage, SubmitButton } from '@/components/ui/form';
import { NewPasswordFields } from './new-password-fields';
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
      <NewPasswordFields
        label={t('fields.newPassword')}
        errorsOf={errorsOf}
        firstError={firstError}
      />
      <SubmitButton disabled={pending}>{t('reset.submit')}</SubmitButton>
    </form>
  );
}
