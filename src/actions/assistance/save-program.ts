'use server';

import { redirect } from 'next/navigation';
import { fieldErrorsFrom, safeValues, type TFormState } from '@/actions/form-state';
import { requirePermission } from '@/server/auth';
import { saveProgram } from '@/server/assistance';
import { parseProgramRows, ZSaveProgramSchema } from './save-program.schema';

/** Creates or changes a programme; field errors come back beside their fields, nothing lost. */
export async function saveProgramAction(
  _prev: TFormState,
  formData: FormData,
): Promise<TFormState> {
  const actor = await requirePermission('manage:assistance_program');
  const programId = Number(formData.get('programId') || 0) || undefined;
  const fields = Object.fromEntries(
    Object.keys(ZSaveProgramSchema.shape).map((f) => [f, formData.get(f) ?? '']),
  );
  const parsed = ZSaveProgramSchema.safeParse(fields);
  const rows = parseProgramRows(formData);
  const fieldErrors = { ...(parsed.success ? {} : fieldErrorsFrom(parsed.error)), ...rows.errors };
  const values = safeValues(formData);
  if (!parsed.success || Object.keys(rows.errors).length > 0) {
    return { status: 'error', fieldErrors, values };
  }
  const p = parsed.data;
  const result = await saveProgram({
    actor,
    programId,
    program: {
      code: p.code,
      nameZh: p.nameZh,
      nameEn: p.nameEn,
      descriptionZh: p.descriptionZh,
      descriptionEn: p.descriptionEn,
      ruleKind: p.ruleKind,
      allowanceWater: p.allowanceWater || null,
      allowanceElectricity: p.allowanceElectricity || null,
      fixedSharePercent: p.fixedSharePercent || null,
      questions: rows.questions,
      documents: rows.documents,
      defaultValidityMonths: p.defaultValidityMonths,
      renewable: p.renewable === 'yes',
      active: p.active === 'yes',
    },
  });
  if (!result.ok && result.error === 'code_taken') {
    return {
      status: 'error',
      fieldErrors: { code: ['assistance.programs.errors.codeTaken'] },
      values,
    };
  }
  if (!result.ok)
    return { status: 'error', message: 'assistance.programs.errors.notFound', values };
  redirect(`/staff/assistance/programmes?saved=${result.programId}`);
}
