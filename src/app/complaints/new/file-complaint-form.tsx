'use client';

import { useActionState } from 'react';
import { useFormKey } from '@/components/complaints/use-form-key';
import { useTranslations } from 'next-intl';
import { FormMessage, SelectField, SubmitButton } from '@/components/ui/form';
import { initialFormState } from '@/actions/form-state';
import { fileComplaintAction } from '@/actions/complaints/file-complaint';
import { AttachmentsField, TextAreaField } from '@/components/complaints/form-fields';

export type TCategoryOption = {
  value: string;
  label: string;
  hint: string;
  subTypes: { value: string; label: string }[];
};

const FIELDS = ['category', 'subType', 'accountId', 'location', 'description', 'attachments'];

/**
 * The filing form: a multipart POST that works without JavaScript. Sub-types are grouped by
 * category in one list (no script needed to filter); the server checks they match.
 */
export function FileComplaintForm({
  categories,
  accounts,
  maxLength,
  maxFiles,
}: {
  categories: TCategoryOption[];
  accounts: { value: string; label: string }[];
  maxLength: number;
  maxFiles: number;
}) {
  const t = useTranslations('complaints');
  const tAll = useTranslations();
  const [state, action, pending] = useActionState(fileComplaintAction, initialFormState);
  const formKey = useFormKey(state);
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? {};
  const messageValues = {
    max: maxLength,
    length: 0,
    name: '',
    limit: maxFiles,
    minutes: 0,
    ...state.messageValues,
  };
  const translated = (keys?: string[]) => keys?.map((k) => tAll(k, messageValues));
  const firstError = FIELDS.find((f) => errors[f]?.length);
  const category = values.category ?? '';
  return (
    <form key={formKey} action={action} className="space-y-6" noValidate>
      {state.message ? (
        <FormMessage tone="error">{tAll(state.message, messageValues)}</FormMessage>
      ) : null}
      <fieldset
        className="space-y-2"
        aria-describedby={errors.category ? 'category-error' : undefined}
      >
        <legend className="font-medium">{t('new.category')}</legend>
        {errors.category ? (
          <p id="category-error" className="text-danger text-sm font-medium">
            {translated(errors.category)?.join(' ')}
          </p>
        ) : null}
        {categories.map((c, index) => (
          <label
            key={c.value}
            className="flex min-h-11 items-start gap-3 rounded-md border border-slate-300 p-3"
          >
            <input
              type="radio"
              name="category"
              value={c.value}
              defaultChecked={category ? category === c.value : index === 0}
              autoFocus={firstError === 'category' && index === 0}
              aria-describedby={`category-${c.value}-hint`}
              className="mt-1 size-5 shrink-0"
            />
            <span>
              <span className="block font-semibold">{c.label}</span>
              <span id={`category-${c.value}-hint`} className="text-muted block text-sm">
                {c.hint}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="space-y-1">
        <label htmlFor="subType" className="block font-medium">
          {t('new.subType')}
        </label>
        <p id="subType-hint" className="text-muted text-sm">
          {t('new.subTypeHint')}
        </p>
        {errors.subType ? (
          <p id="subType-error" className="text-danger text-sm font-medium">
            {translated(errors.subType)?.join(' ')}
          </p>
        ) : null}
        <select
          id="subType"
          name="subType"
          defaultValue={values.subType ?? ''}
          autoFocus={firstError === 'subType'}
          aria-invalid={errors.subType ? true : undefined}
          aria-describedby={errors.subType ? 'subType-hint subType-error' : 'subType-hint'}
          className={`block min-h-11 w-full max-w-md rounded-md border px-3 py-2 text-base ${errors.subType ? 'border-danger' : 'border-slate-400'}`}
        >
          <option value="">—</option>
          {categories.map((c) => (
            <optgroup key={c.value} label={c.label}>
              {c.subTypes.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <SelectField
        id="accountId"
        label={t('new.account')}
        hint={t('new.accountHint')}
        errors={translated(errors.accountId)}
        focus={firstError === 'accountId'}
        options={[{ value: '', label: t('new.accountNone') }, ...accounts]}
        defaultValue={values.accountId ?? accounts[0]?.value ?? ''}
      />
      <TextAreaField
        id="location"
        label={t('new.location')}
        hint={t('new.locationHint')}
        errors={translated(errors.location)}
        focus={firstError === 'location'}
        rows={2}
        maxLength={200}
        defaultValue={values.location ?? ''}
      />
      <TextAreaField
        id="description"
        label={t('new.description')}
        hint={t('new.descriptionHint', { max: maxLength })}
        errors={translated(errors.description)}
        focus={firstError === 'description'}
        rows={6}
        required
        defaultValue={values.description ?? ''}
      />
      <AttachmentsField
        label={t('new.attachments')}
        hint={t('new.attachmentsHint', { max: maxFiles })}
        errors={translated(errors.attachments)}
        focus={firstError === 'attachments'}
      />
      <SubmitButton disabled={pending}>{t('new.submit')}</SubmitButton>
    </form>
  );
}
