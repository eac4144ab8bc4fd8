'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { Field, FormMessage, SelectField, SubmitButton } from '@/components/ui/form';
import { initialFormState } from '@/actions/form-state';
import { ConsentCheckbox } from '@/components/assistance/consent-checkbox';
import { fileForAccountAction } from '@/actions/assistance/file-for-account';

const FIELDS = [
  'programId',
  'accountNumber',
  'verificationCode',
  'holderName',
  'contactPhone',
  'consentMethod',
  'consentGivenOn',
  'consentForm',
  'consentNote',
  'consentConfirmed',
] as const;

/**
 * Filing for a household without a portal login, identified by its bill (account number and
 * verification code) and the holder's name. Works without JavaScript: React posts the form
 * (multipart, with the signed consent form) to the action and renders the returned state.
 */
export function FileForAccountForm({
  programs,
  consentMethods,
  today,
}: {
  programs: { value: string; label: string }[];
  /** The ways a household without a login may agree, labelled. */
  consentMethods: { value: string; label: string }[];
  today: string;
}) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(fileForAccountAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? {};
  const translated = (keys?: string[]) => keys?.map((k) => t(k));
  const first = FIELDS.find((f) => errors[f]?.length);
  const field = (name: (typeof FIELDS)[number]) => ({
    id: `account-${name}`,
    name,
    errors: translated(errors[name]),
    focus: first === name,
  });
  return (
    <form action={action} className="space-y-5" noValidate>
      {state.message ? (
        <FormMessage tone="error">{t(state.message, state.messageValues)}</FormMessage>
      ) : null}
      <SelectField
        {...field('programId')}
        label={t('assistance.file.program')}
        options={programs}
        defaultValue={values.programId}
      />
      <Field
        {...field('accountNumber')}
        label={t('accounts.link.accountNumber')}
        hint={t('accounts.link.accountNumberHint')}
        inputMode="numeric"
        autoComplete="off"
        maxLength={14}
        required
        defaultValue={values.accountNumber ?? ''}
      />
      <Field
        {...field('verificationCode')}
        label={t('accounts.link.verificationCode')}
        hint={t('accounts.link.verificationCodeHint')}
        inputMode="numeric"
        autoComplete="off"
        maxLength={8}
        required
      />
      <Field
        {...field('holderName')}
        label={t('assistance.fileAccount.holderName')}
        hint={t('assistance.fileAccount.holderNameHint')}
        autoComplete="off"
        maxLength={100}
        required
        defaultValue={values.holderName ?? ''}
      />
      <Field
        {...field('contactPhone')}
        type="tel"
        label={t('assistance.fileAccount.contactPhone')}
        hint={t('assistance.fileAccount.contactPhoneHint')}
        autoComplete="off"
        maxLength={20}
        required
        defaultValue={values.contactPhone ?? ''}
      />
      <SelectField
        {...field('consentMethod')}
        label={t('assistance.file.consentMethod')}
        options={[{ value: '', label: t('assistance.form.choose') }, ...consentMethods]}
        defaultValue={values.consentMethod ?? ''}
        required
      />
      <Field
        {...field('consentGivenOn')}
        type="date"
        label={t('assistance.file.consentGivenOn')}
        defaultValue={values.consentGivenOn ?? today}
        required
      />
      <Field
        {...field('consentForm')}
        type="file"
        accept=".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf"
        label={t('assistance.fileAccount.consentForm')}
        hint={t('assistance.fileAccount.consentFormHint')}
      />
      <Field
        {...field('consentNote')}
        label={t('assistance.file.consentNote')}
        hint={t('assistance.file.consentNoteHint')}
        maxLength={500}
        defaultValue={values.consentNote ?? ''}
      />
      <ConsentCheckbox
        errorId="account-consentConfirmed-error"
        label={t('assistance.fileAccount.consentConfirmed')}
        error={translated(errors.consentConfirmed)?.join(' ')}
        focus={first === 'consentConfirmed'}
        checked={values.consentConfirmed === 'yes'}
      />
      <SubmitButton disabled={pending}>{t('assistance.fileAccount.submit')}</SubmitButton>
    </form>
  );
}
