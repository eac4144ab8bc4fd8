import { z } from 'zod';
import type { TAssistanceQuestion, TRequiredDocument } from '@/server/db/schema/assistance';

/** Rows the programme form offers (blank rows are ignored). */
export const QUESTION_ROWS = 6;
export const DOCUMENT_ROWS = 4;

const key = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,29}$/, 'assistance.programs.errors.key');
const label = z
  .string()
  .trim()
  .min(1, 'assistance.programs.errors.label')
  .max(200, 'assistance.programs.errors.tooLong');
const amount = z
  .string()
  .trim()
  .regex(/^(\d{1,6}(\.\d{1,2})?)?$/, 'assistance.programs.errors.amount');

const ZBase = z.object({
  code: z
    .string()
    .trim()
    .transform((s) => s.toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{2,6}$/, 'assistance.programs.errors.code')),
  nameZh: label,
  nameEn: label,
  descriptionZh: z
    .string()
    .trim()
    .min(1, 'assistance.programs.errors.label')
    .max(2000, 'assistance.programs.errors.tooLong'),
  descriptionEn: z
    .string()
    .trim()
    .min(1, 'assistance.programs.errors.label')
    .max(2000, 'assistance.programs.errors.tooLong'),
  ruleKind: z.enum(['allowance', 'fixed_share'], 'assistance.programs.errors.ruleKind'),
  allowanceWater: amount,
  allowanceElectricity: amount,
  fixedSharePercent: amount,
  defaultValidityMonths: z.coerce
    .number('assistance.programs.errors.months')
    .int('assistance.programs.errors.months')
    .min(1, 'assistance.programs.errors.months')
    .max(60, 'assistance.programs.errors.months'),
  renewable: z.string(),
  active: z.string(),
});

export const ZSaveProgramSchema = ZBase.superRefine((value, ctx) => {
  if (value.ruleKind === 'allowance') {
    const water = Number(value.allowanceWater || '0');
    const electricity = Number(value.allowanceElectricity || '0');
    if (!(water > 0 || electricity > 0)) {
      ctx.addIssue({
        code: 'custom',
        path: ['allowanceWater'],
        message: 'assistance.programs.errors.allowance',
      });
    }
  } else {
    const percent = Number(value.fixedSharePercent || '0');
    if (!(percent > 0 && percent <= 100)) {
      ctx.addIssue({
        code: 'custom',
        path: ['fixedSharePercent'],
        message: 'assistance.programs.errors.percent',
      });
    }
  }
});

/** Reads the question and document rows; errors by row field name (`q2LabelEn`, `d1Id`). */
export function parseProgramRows(formData: FormData): {
  questions: TAssistanceQuestion[];
  documents: TRequiredDocument[];
  errors: Record<string, string[]>;
} {
  const text = (name: string) => String(formData.get(name) ?? '').trim();
  const errors: Record<string, string[]> = {};
  const questions: TAssistanceQuestion[] = [];
  const seen = new Set<string>();
  for (let n = 1; n <= QUESTION_ROWS; n++) {
    const id = text(`q${n}Id`);
    const labelZh = text(`q${n}LabelZh`);
    const labelEn = text(`q${n}LabelEn`);
    if (!id && !labelZh && !labelEn) continue;
    if (!key.safeParse(id).success || seen.has(id))
      errors[`q${n}Id`] = ['assistance.programs.errors.key'];
    seen.add(id);
    if (!label.safeParse(labelZh).success)
      errors[`q${n}LabelZh`] = ['assistance.programs.errors.label'];
    if (!label.safeParse(labelEn).success)
      errors[`q${n}LabelEn`] = ['assistance.programs.errors.label'];
    const kind = z.enum(['yes_no', 'number', 'text', 'choice']).safeParse(text(`q${n}Kind`));
    if (!kind.success) {
      errors[`q${n}Kind`] = ['assistance.programs.errors.ruleKind'];
      continue;
    }
    const question: TAssistanceQuestion = {
      id,
      kind: kind.data,
      labelZh,
      labelEn,
      required: formData.get(`q${n}Required`) === 'yes',
    };
    if (kind.data === 'choice') {
      const choices = text(`q${n}Choices`)
        .split(/\r?\n/)
        .map((line) => line.split('|').map((part) => part.trim()))
        .filter((parts) => parts.some(Boolean));
      if (choices.length < 2 || choices.some((c) => c.length !== 3 || c.some((p) => !p))) {
        errors[`q${n}Choices`] = ['assistance.programs.errors.choices'];
      } else {
        question.choices = choices.map(([value, zh, en]) => ({
          value: value ?? '',
          labelZh: zh ?? '',
          labelEn: en ?? '',
        }));
      }
    }
    questions.push(question);
  }
  const documents: TRequiredDocument[] = [];
  const seenDocs = new Set<string>();
  for (let n = 1; n <= DOCUMENT_ROWS; n++) {
    const id = text(`d${n}Id`);
    const labelZh = text(`d${n}LabelZh`);
    const labelEn = text(`d${n}LabelEn`);
    if (!id && !labelZh && !labelEn) continue;
    if (!key.safeParse(id).success || seenDocs.has(id) || id === 'other') {
      errors[`d${n}Id`] = ['assistance.programs.errors.key'];
    }
    seenDocs.add(id);
    if (!label.safeParse(labelZh).success)
      errors[`d${n}LabelZh`] = ['assistance.programs.errors.label'];
    if (!label.safeParse(labelEn).success)
      errors[`d${n}LabelEn`] = ['assistance.programs.errors.label'];
    documents.push({ id, labelZh, labelEn, required: formData.get(`d${n}Required`) === 'yes' });
  }
  return { questions, documents, errors };
}
