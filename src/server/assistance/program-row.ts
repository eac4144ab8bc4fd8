import 'server-only';
import { assistancePrograms } from '../db/schema';
import type { TAssistanceProgram } from './types';

/** The columns a programme DTO needs (select these, then `programFromRow`). */
export const programColumns = {
  id: assistancePrograms.id,
  code: assistancePrograms.code,
  nameZh: assistancePrograms.nameZh,
  nameEn: assistancePrograms.nameEn,
  descriptionZh: assistancePrograms.descriptionZh,
  descriptionEn: assistancePrograms.descriptionEn,
  ruleKind: assistancePrograms.ruleKind,
  allowanceWater: assistancePrograms.allowanceWater,
  allowanceElectricity: assistancePrograms.allowanceElectricity,
  fixedSharePercent: assistancePrograms.fixedSharePercent,
  questions: assistancePrograms.questions,
  documents: assistancePrograms.documents,
  defaultValidityMonths: assistancePrograms.defaultValidityMonths,
  renewable: assistancePrograms.renewable,
  active: assistancePrograms.active,
};

type TProgramRow = Omit<
  TAssistanceProgram,
  'name' | 'description' | 'allowanceWater' | 'allowanceElectricity' | 'fixedSharePercent'
> & {
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  allowanceWater: string | null;
  allowanceElectricity: string | null;
  fixedSharePercent: string | null;
};

export function programFromRow(row: TProgramRow): TAssistanceProgram {
  return {
    id: row.id,
    code: row.code,
    name: { zh: row.nameZh, en: row.nameEn },
    description: { zh: row.descriptionZh, en: row.descriptionEn },
    ruleKind: row.ruleKind,
    allowanceWater: row.allowanceWater,
    allowanceElectricity: row.allowanceElectricity,
    fixedSharePercent: row.fixedSharePercent,
    questions: row.questions,
    documents: row.documents,
    defaultValidityMonths: row.defaultValidityMonths,
    renewable: row.renewable,
    active: row.active,
  };
}
