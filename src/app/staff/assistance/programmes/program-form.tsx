'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { Field, FormMessage, SelectField, SubmitButton } from '@/components/ui/form';
import { initialFormState } from '@/actions/form-state';
import { saveProgramAction } from '@/actions/assistance/save-program';
import { DOCUMENT_ROWS, QUESTION_ROWS } from '@/actions/assistance/save-program.schema';

const QUESTIONS = Array.from({ length: QUESTION_ROWS }, (_, i) => i + 1);
const DOCUMENTS = Array.from({ length: DOCUMENT_ROWS }, (_, i) => i + 1);

const FIELD_ORDER = [
  'code',
  'nameZh',
  'nameEn',
  'descriptionZh',
  'descriptionEn',
  'ruleKind',
  'allowanceWater',
  'allowanceElectricity',
  'fixedSharePercent',
  'defaultValidityMonths',
  ...QUESTIONS.flatMap((n) => [
    `q${n}Id`,
    `q${n}Kind`,
    `q${n}LabelZh`,
    `q${n}LabelEn`,
    `q${n}Choices`,
  ]),
  ...DOCUMENTS.flatMap((n) => [`d${n}Id`, `d${n}LabelZh`, `d${n}LabelEn`]),
];

/** Create or change a programme; errors beside each field, everything typed kept. */
export function ProgramForm({
  programId,
  defaults,
}: {
  programId?: number;
  defaults: Record<string, string>;
}) {
  const t = useTranslations('assistance');
  const [state, action, pending] = useActionState(saveProgramAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  const firstError = FIELD_ORDER.find((f) => errors[f]?.length);
  const submitted = state.values !== undefined;
  const value = (name: string) => state.values?.[name] ?? (submitted ? '' : (defaults[name] ?? ''));
  const messages = (name: string) =>
    errors[name]?.map((key) => t(key.replace(/^assistance\./, '')));
  const field = (name: string, label: string, extra: Partial<Parameters<typeof Field>[0]> = {}) => (
    <Field
      key={`${name}-${submitted ? 's' : 'd'}`}
      id={name}
      label={label}
      errors={messages(name)}
      focus={firstError === name}
      defaultValue={value(name)}
      {...extra}
    />
  );
  const checkbox = (name: string, label: string) => (
    <label className="flex min-h-11 items-center gap-3">
      <input
        key={`${name}-${submitted ? 's' : 'd'}`}
        type="checkbox"
        name={name}
        value="yes"
        defaultChecked={value(name) === 'yes'}
        className="size-5"
      />
      {label}
    </label>
  );
  return (
    <form action={action} className="space-y-6" noValidate>
      {programId ? <input type="hidden" name="programId" value={programId} /> : null}
      {state.message ? (
        <FormMessage tone="error">{t(state.message.replace(/^assistance\./, ''))}</FormMessage>
      ) : null}
      {state.status === 'error' && !state.message ? (
        <FormMessage tone="error">{t('programs.errors.summary')}</FormMessage>
      ) : null}
      {field('code', t('programs.code'), { hint: t('programs.codeHint'), maxLength: 6 })}
      {field('nameZh', t('programs.nameZh'))}
      {field('nameEn', t('programs.nameEn'))}
      {field('descriptionZh', t('programs.descriptionZh'))}
      {field('descriptionEn', t('programs.descriptionEn'))}
      <SelectField
        key={`ruleKind-${submitted ? 's' : 'd'}`}
        id="ruleKind"
        label={t('programs.ruleKind')}
        defaultValue={value('ruleKind') || 'allowance'}
        errors={messages('ruleKind')}
        focus={firstError === 'ruleKind'}
        options={[
          { value: 'allowance', label: t('programs.kindAllowance') },
          { value: 'fixed_share', label: t('programs.kindFixedShare') },
        ]}
      />
      {field('allowanceWater', t('programs.allowanceWater'), { inputMode: 'decimal' })}
      {field('allowanceElectricity', t('programs.allowanceElectricity'), { inputMode: 'decimal' })}
      {field('fixedSharePercent', t('programs.fixedSharePercent'), { inputMode: 'decimal' })}
      {field('defaultValidityMonths', t('programs.validity'), { inputMode: 'numeric' })}
      {checkbox('renewable', t('programs.renewableLabel'))}
      {checkbox('active', t('programs.activeLabel'))}

      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">{t('programs.questions')}</legend>
        <p className="text-muted">{t('programs.questionsHint')}</p>
        {QUESTIONS.map((n) => (
          <div key={n} className="space-y-2 rounded-lg border border-slate-200 p-3">
            <p className="font-medium">{t('programs.questionNo', { n })}</p>
            {field(`q${n}Id`, t('programs.key'))}
            <SelectField
              key={`q${n}Kind-${submitted ? 's' : 'd'}`}
              id={`q${n}Kind`}
              label={t('programs.questionKind')}
              defaultValue={value(`q${n}Kind`) || 'yes_no'}
              errors={messages(`q${n}Kind`)}
              options={(['yes_no', 'number', 'text', 'choice'] as const).map((k) => ({
                value: k,
                label: t(`programs.kinds.${k}`),
              }))}
            />
            {field(`q${n}LabelZh`, t('programs.labelZh'))}
            {field(`q${n}LabelEn`, t('programs.labelEn'))}
            {field(`q${n}Choices`, t('programs.choices'), { hint: t('programs.choicesHint') })}
            {checkbox(`q${n}Required`, t('programs.requiredLabel'))}
          </div>
        ))}
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">{t('programs.documents')}</legend>
        {DOCUMENTS.map((n) => (
          <div key={n} className="space-y-2 rounded-lg border border-slate-200 p-3">
            <p className="font-medium">{t('programs.documentNo', { n })}</p>
            {field(`d${n}Id`, t('programs.key'))}
            {field(`d${n}LabelZh`, t('programs.labelZh'))}
            {field(`d${n}LabelEn`, t('programs.labelEn'))}
            {checkbox(`d${n}Required`, t('programs.requiredLabel'))}
          </div>
        ))}
      </fieldset>
      <SubmitButton disabled={pending}>{t('programs.save')}</SubmitButton>
    </form>
  );
}
