import { getLocale, getTranslations } from '@/i18n/server';
import { Field, SelectField } from '@/components/ui/form';
import type { TAssistanceQuestion } from '@/server/assistance';

/** One programme question as a plain form control, in the reader's language. */
export async function QuestionField({
  question,
  value,
  error,
  focus,
}: {
  question: TAssistanceQuestion;
  value: string;
  error?: string;
  focus: boolean;
}) {
  const t = await getTranslations('assistance');
  const zh = (await getLocale()) === 'zh-CN';
  const id = `q_${question.id}`;
  const label = `${zh ? question.labelZh : question.labelEn}${question.required ? '' : ` ${t('form.optional')}`}`;
  const errors = error ? [error] : undefined;
  if (question.kind === 'yes_no' || question.kind === 'choice') {
    const options =
      question.kind === 'yes_no'
        ? [
            { value: 'yes', label: t('form.yes') },
            { value: 'no', label: t('form.no') },
          ]
        : (question.choices ?? []).map((c) => ({
            value: c.value,
            label: zh ? c.labelZh : c.labelEn,
          }));
    return (
      <SelectField
        id={id}
        label={label}
        errors={errors}
        focus={focus}
        defaultValue={value}
        options={[{ value: '', label: t('form.choose') }, ...options]}
      />
    );
  }
  return (
    <Field
      id={id}
      label={label}
      errors={errors}
      focus={focus}
      defaultValue={value}
      inputMode={question.kind === 'number' ? 'decimal' : undefined}
      maxLength={500}
      hint={question.kind === 'number' ? t('form.numberHint') : undefined}
    />
  );
}
