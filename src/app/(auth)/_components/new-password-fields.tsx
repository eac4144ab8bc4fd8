'use client';

import { useTranslations } from 'next-intl';
import { Field } from '@/components/ui/form';

/** Choosing a password (registration and reset): the password, its rules, and the repeat. */
export function NewPasswordFields({
  label,
  errorsOf,
  firstError,
}: {
  label: string;
  errorsOf: (field: string) => string[] | undefined;
  firstError: string | undefined;
}) {
  const t = useTranslations('auth');
  return (
    <>
      <Field
        id="password"
        type="password"
        label={label}
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
    </>
  );
}
