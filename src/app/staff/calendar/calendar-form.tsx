'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { Field, FormMessage, SubmitButton, TextAreaField } from '@/components/ui/form';
import { initialFormState } from '@/actions/form-state';
import {
  saveCalendarYearAction,
  type TCalendarFormState,
} from '@/actions/calendar/save-calendar-year';

const FIELDS = ['year', 'source', 'holidays', 'workdays'] as const;

export function CalendarForm({ initial }: { initial: Record<(typeof FIELDS)[number], string> }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<TCalendarFormState, FormData>(
    saveCalendarYearAction,
    initialFormState,
  );
  const days = state.dayErrors;
  // Every message for one field: the schema's, then each bad line's, and for the days off
  // the days typed in both boxes.
  const errorsOf = (field: (typeof FIELDS)[number]) => {
    const texts = [
      ...(state.fieldErrors?.[field]?.map((k) => t(k)) ?? []),
      ...((field === 'holidays' || field === 'workdays' ? days?.[field] : undefined)?.map((e) =>
        t(e.key, 'line' in e ? { line: e.line } : {}),
      ) ?? []),
      ...(field === 'holidays' && days?.both?.length
        ? [t('calendar.errors.both', { days: days.both.join('、') })]
        : []),
    ];
    return texts.length > 0 ? texts : undefined;
  };
  const errors = Object.fromEntries(FIELDS.map((f) => [f, errorsOf(f)])) as Record<
    (typeof FIELDS)[number],
    string[] | undefined
  >;
  const firstError = FIELDS.find((f) => errors[f]?.length);
  const value = (field: (typeof FIELDS)[number]) => state.values?.[field] ?? initial[field];
  return (
    <form action={action} className="space-y-5" noValidate>
      {state.message ? <FormMessage tone="error">{t(state.message)}</FormMessage> : null}
      <Field
        id="year"
        type="number"
        inputMode="numeric"
        min={2020}
        max={2100}
        label={t('calendar.form.year')}
        errors={errors.year}
        focus={firstError === 'year'}
        required
        defaultValue={value('year')}
      />
      <Field
        id="source"
        label={t('calendar.form.source')}
        hint={t('calendar.form.sourceHint')}
        errors={errors.source}
        focus={firstError === 'source'}
        required
        defaultValue={value('source')}
      />
      <TextAreaField
        id="holidays"
        rows={9}
        label={t('calendar.form.holidays')}
        hint={t('calendar.form.holidaysHint')}
        errors={errors.holidays}
        focus={firstError === 'holidays'}
        defaultValue={value('holidays')}
      />
      <TextAreaField
        id="workdays"
        rows={5}
        label={t('calendar.form.workdays')}
        hint={t('calendar.form.workdaysHint')}
        errors={errors.workdays}
        focus={firstError === 'workdays'}
        defaultValue={value('workdays')}
      />
      <SubmitButton disabled={pending}>{t('calendar.form.submit')}</SubmitButton>
    </form>
  );
}
