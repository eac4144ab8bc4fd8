'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { Field, SubmitButton } from '@/components/ui/form';
import { initialFormState } from '@/actions/form-state';
import { startReportRunAction } from '@/actions/reports/start-report-run';

export function StartReportRunForm({ defaultYear }: { defaultYear: number }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(startReportRunAction, initialFormState);
  const yearErrors = state.fieldErrors?.year?.map((key) => t(key));
  return (
    <form action={action} className="space-y-4" noValidate>
      <Field
        id="year"
        inputMode="numeric"
        label={t('reports.staff.year')}
        hint={t('reports.staff.yearHint', { example: defaultYear })}
        errors={yearErrors}
        focus={Boolean(yearErrors?.length)}
        required
        defaultValue={state.values?.year ?? String(defaultYear)}
      />
      <SubmitButton disabled={pending}>{t('reports.staff.start')}</SubmitButton>
    </form>
  );
}
