import 'server-only';
import { inArray } from 'drizzle-orm';
import { getDb } from '../db';
import { districts, serviceAccounts } from '../db/schema';
import type { TNoticeTimingProblem } from './notice-rules';
import type { TNoticeFieldErrors, TNoticeInput } from './types';

/**
 * Checks a notice form's targets and emergency reason, adding field errors: every district
 * must exist, every account number must be known, at least one target is needed, and an
 * emergency needs its reason. Returns the targets as ids (districts with their names).
 */
export async function resolveNoticeTargets(
  notice: Pick<TNoticeInput, 'districtIds' | 'accountNumbers' | 'emergency' | 'emergencyReason'>,
  fields: TNoticeFieldErrors,
): Promise<{
  districts: { id: number; zh: string; en: string }[];
  accounts: { id: number; accountNumber: string }[];
}> {
  if (notice.emergency && !notice.emergencyReason)
    fields.emergencyReason = { code: 'reasonNeeded' };
  const db = await getDb();
  const districtIds = [...new Set(notice.districtIds)];
  const accountNumbers = [...new Set(notice.accountNumbers)];
  const knownDistricts = districtIds.length
    ? await db
        .select({ id: districts.id, zh: districts.nameZh, en: districts.nameEn })
        .from(districts)
        .where(inArray(districts.id, districtIds))
    : [];
  const accounts = accountNumbers.length
    ? await db
        .select({ id: serviceAccounts.id, accountNumber: serviceAccounts.accountNumber })
        .from(serviceAccounts)
        .where(inArray(serviceAccounts.accountNumber, accountNumbers))
    : [];
  if (knownDistricts.length !== districtIds.length) fields.districtIds = { code: 'district' };
  const unknown = accountNumbers.filter((n) => !accounts.some((a) => a.accountNumber === n));
  if (unknown.length > 0) {
    fields.accountNumbers = {
      code: 'unknownAccounts',
      values: { numbers: unknown.slice(0, 10).join(', '), count: unknown.length },
    };
  }
  if (districtIds.length === 0 && accountNumbers.length === 0)
    fields.targets = { code: 'noTargets' };
  return { districts: knownDistricts, accounts };
}

/** Timing problems as field errors (the lead-time message names the kind's hours). */
export function timingFieldErrors(
  kind: TNoticeInput['kind'],
  problems: readonly TNoticeTimingProblem[],
  fields: TNoticeFieldErrors,
): void {
  for (const problem of problems) {
    fields[problem.field] =
      problem.code === 'leadTime'
        ? { code: `leadTime.${kind}`, values: { hours: problem.hours } }
        : { code: problem.code };
  }
}
