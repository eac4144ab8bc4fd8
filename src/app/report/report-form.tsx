'use client';

import { useActionState } from 'react';
import { useFormKey } from '@/components/complaints/use-form-key';
import { useTranslations } from 'next-intl';
import { Field, FormMessage, SelectField, SubmitButton } from '@/components/ui/form';
import { initialFormState } from '@/actions/form-state';
import { fileReportAction } from '@/actions/complaints/file-complaint';
import { AttachmentsField, TextAreaField } from '@/components/complaints/form-fields';

const FIELDS = ['subType', 'districtId', 'location', 'description', 'contactEmail', 'attachments'];

/** The illegal-use report (违章举报) — open to everyone, multipart, works without JavaScript. */
export function ReportForm({
  maxLength,
  maxFiles,
  districts,
}: {
  maxLength: number;
  maxFiles: number;
  /** The city's districts (optional choice: the local service point answers the report). */
  districts: { id: number; label: string }[];
}) {
  const t = useTranslations('complaints');
  const tAll = useTranslations();
  const [state, action, pending] = useActionState(fileReportAction, initialFormState);
  const formKey = useFormKey(state);
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? {};
  const mv = {
    max: maxLength,
    length: 0,
    name: '',
    limit: maxFiles,
    minutes: 0,
    ...state.messageValues,
  };
  const translated = (keys?: string[]) => keys?.map((k) => tAll(k, mv));
  const firstError = FIELDS.find((f) => errors[f]?.length);
  return (
    <form key={formKey} action={action} className="space-y-6" noValidate>
      {state.message ? <FormMessage tone="error">{tAll(state.message, mv)}</FormMessage> : null}
      <SelectField
        id="subType"
        label={t('new.subType')}
        errors={translated(errors.subType)}
        focus={firstError === 'subType'}
        options={[
          { value: 'water', label: t('subType.water') },
          { value: 'electricity', label: t('subType.electricity') },
        ]}
        defaultValue={values.subType ?? 'water'}
      />
      <SelectField
        id="districtId"
        label={t('new.district')}
        hint={t('new.districtHint')}
        errors={translated(errors.districtId)}
        focus={firstError === 'districtId'}
        options={[
          { value: '', label: t('new.districtUnknown') },
          ...districts.map((d) => ({ value: String(d.id), label: d.label })),
        ]}
        defaultValue={values.districtId ?? ''}
      />
      <TextAreaField
        id="location"
        label={`${t('new.location')} *`}
        hint={t('new.locationHint')}
        errors={translated(errors.location)}
        focus={firstError === 'location'}
        rows={2}
        maxLength={200}
        required
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
      <Field
        id="contactEmail"
        type="email"
        label={t('new.contactEmail')}
        hint={t('new.contactEmailHint')}
        errors={translated(errors.contactEmail)}
        focus={firstError === 'contactEmail'}
        autoComplete="email"
        defaultValue={values.contactEmail ?? ''}
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
