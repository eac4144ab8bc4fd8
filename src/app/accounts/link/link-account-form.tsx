'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { Field, FormMessage, SubmitButton } from '@/components/ui/form';
import { initialFormState } from '@/actions/form-state';
import { linkAccountAction } from '@/actions/accounts/link-account';

/** Works without JavaScript: React posts the form to the action and renders the returned state. */
export function LinkAccountForm() {
  const t = useTranslations();
  const [state, action, pending] = useActionState(linkAccountAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  const translated = (keys?: string[]) => keys?.map((k) => t(k));
  const firstError = ['accountNumber', 'verificationCode'].find((f) => errors[f]?.length);
  return (
    <form action={action} className="space-y-5" noValidate>
      {state.message ? (
        <FormMessage tone="error">{t(state.message, state.messageValues)}</FormMessage>
      ) : null}
      <Field
        id="accountNumber"
        label={t('accounts.link.accountNumber')}
        hint={t('accounts.link.accountNumberHint')}
        errors={translated(errors.accountNumber)}
        focus={firstError === 'accountNumber'}
        inputMode="numeric"
        autoComplete="off"
        maxLength={14}
        required
        defaultValue={state.values?.accountNumber ?? ''}
      />
      <Field
        id="verificationCode"
        label={t('accounts.link.verificationCode')}
        hint={t('accounts.link.verificationCodeHint')}
        errors={translated(errors.verificationCode)}
        focus={firstError === 'verificationCode'}
        inputMode="numeric"
        autoComplete="off"
        maxLength={8}
        required
      />
      <SubmitButton disabled={pending}>{t('accounts.link.submit')}</SubmitButton>
    </form>
  );
}
