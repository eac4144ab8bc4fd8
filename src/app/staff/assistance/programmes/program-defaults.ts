import type { TAssistanceProgram } from '@/server/assistance';

/** A programme as the form's field values (choices as "value|中文|English" lines). */
export function programDefaults(program: TAssistanceProgram | null): Record<string, string> {
  if (!program)
    return { ruleKind: 'allowance', defaultValidityMonths: '12', renewable: 'yes', active: 'yes' };
  const out: Record<string, string> = {
    code: program.code,
    nameZh: program.name.zh,
    nameEn: program.name.en,
    descriptionZh: program.description.zh,
    descriptionEn: program.description.en,
    ruleKind: program.ruleKind,
    allowanceWater: program.allowanceWater ?? '',
    allowanceElectricity: program.allowanceElectricity ?? '',
    fixedSharePercent: program.fixedSharePercent ?? '',
    defaultValidityMonths: String(program.defaultValidityMonths),
    renewable: program.renewable ? 'yes' : '',
    active: program.active ? 'yes' : '',
  };
  program.questions.forEach((q, i) => {
    const n = i + 1;
    out[`q${n}Id`] = q.id;
    out[`q${n}Kind`] = q.kind;
    out[`q${n}LabelZh`] = q.labelZh;
    out[`q${n}LabelEn`] = q.labelEn;
    out[`q${n}Required`] = q.required ? 'yes' : '';
    out[`q${n}Choices`] = (q.choices ?? [])
      .map((c) => `${c.value}|${c.labelZh}|${c.labelEn}`)
      .join('\n');
  });
  program.documents.forEach((d, i) => {
    const n = i + 1;
    out[`d${n}Id`] = d.id;
    out[`d${n}LabelZh`] = d.labelZh;
    out[`d${n}LabelEn`] = d.labelEn;
    out[`d${n}Required`] = d.required ? 'yes' : '';
  });
  return out;
}
