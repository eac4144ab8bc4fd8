import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '../db';
import {
  assistancePrograms,
  type TAssistanceQuestion,
  type TAssistanceRuleKind,
  type TRequiredDocument,
} from '../db/schema';
import { writeAudit } from '../audit';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';

export type TProgramInput = {
  code: string;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  ruleKind: TAssistanceRuleKind;
  allowanceWater: string | null;
  allowanceElectricity: string | null;
  fixedSharePercent: string | null;
  questions: TAssistanceQuestion[];
  documents: TRequiredDocument[];
  defaultValidityMonths: number;
  renewable: boolean;
  active: boolean;
};

export type TSaveProgramResult =
  { ok: true; programId: number } | { ok: false; error: 'code_taken' | 'not_found' };

/**
 * Creates a programme (no `programId`) or changes one. Granted waivers keep applying as they
 * were granted: the billing run reads the programme's current rule, and each bill line records
 * the rule it used. Audited with the new values.
 */
export async function saveProgram(input: {
  actor: TActor;
  programId?: number;
  program: TProgramInput;
}): Promise<TSaveProgramResult> {
  assertCan(input.actor, 'manage:assistance_program');
  const { program } = input;
  const values = {
    ...program,
    allowanceWater: program.ruleKind === 'allowance' ? program.allowanceWater : null,
    allowanceElectricity: program.ruleKind === 'allowance' ? program.allowanceElectricity : null,
    fixedSharePercent: program.ruleKind === 'fixed_share' ? program.fixedSharePercent : null,
  };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [clash] = await tx
      .select({ id: assistancePrograms.id })
      .from(assistancePrograms)
      .where(eq(assistancePrograms.code, program.code))
      .limit(1);
    if (clash && clash.id !== input.programId) return { ok: false, error: 'code_taken' };
    let programId: number;
    if (input.programId === undefined) {
      const [row] = await tx
        .insert(assistancePrograms)
        .values(values)
        .returning({ id: assistancePrograms.id });
      if (!row) throw new Error('programme not created');
      programId = row.id;
    } else {
      const [row] = await tx
        .update(assistancePrograms)
        .set(values)
        .where(eq(assistancePrograms.id, input.programId))
        .returning({ id: assistancePrograms.id });
      if (!row) return { ok: false, error: 'not_found' };
      programId = row.id;
    }
    await writeAudit(tx, input.actor, {
      action:
        input.programId === undefined ? 'assistance.program.created' : 'assistance.program.changed',
      subjectType: 'assistance_program',
      subjectId: programId,
      detail: { ...values },
    });
    return { ok: true, programId };
  });
}
