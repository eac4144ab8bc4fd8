'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { registerAction } from '@/actions/auth/register';
import { initialFormState } from '@/actions/form-state';
import { Field, FormMessage, SubmitButton } from '@/components/ui/form';
import { NewPasswordFields } from './new-password-fields';
import { useFormText } from './use-form-text';

const FIELDS = ['name', 'email', 'password', 'confirmPassword'] as const;

export function RegisterForm() {
  const t = useTranslations('auth');
  const [state, formAction, pending] = useActionState(registerAction, initialFormState);
  const { errorsOf, firstError, message } = useFormText(state, FIELDS);
  return (
    <form action={formAction} className="space-y-5" noValidate>
      {message ? <FormMessage tone="error">{message}</FormMessage> : null}
      <Field
        id="name"
        label={t('fields.name')}
        hint={t('fields.nameHint')}
        autoComplete="name"
        required
        maxLength={100}
        defaultValue={state.values?.name}
        errors={errorsOf('name')}
        focus={firstError === 'name'}
      />
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
      <NewPasswordFields label={t('fields.password')} errorsOf={errorsOf} firstError={firstError} />
      <SubmitButton disabled={pending}>{t('register.submit')}</SubmitButton>
    </form>
  );
}
