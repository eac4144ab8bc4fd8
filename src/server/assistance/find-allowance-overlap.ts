import 'server-only';
import { sql } from 'drizzle-orm';
import type { TDb } from '../db';
import { rowsOf } from '../db/rows-of';

/** Another programme's allowance grant on one of the application's accounts, in the months. */
export type TAllowanceOverlap = { reference: string; validFrom: string; validTo: string };

/**
 * One allowance per account and month (ADR 010): approving an allowance application for months
 * in which another programme's live allowance grant already makes the same account's units free
 * would waive them twice. Returns that grant (the earliest), or null. The application's account
 * rows are locked first (FOR NO KEY UPDATE: bills may still reference them meanwhile), so two
 * reviewers approving two overlapping allowances at once are decided one after the other and
 * the second sees the first's grant. A renewal of the same programme is not an overlap: at most
 * one grant per programme applies to a month.
 */
export async function findAllowanceOverlap(
  tx: Pick<TDb, 'execute'>,
  input: { applicationId: number; programId: number; validFrom: string; validTo: string },
): Promise<TAllowanceOverlap | null> {
  await tx.execute(sql`
    SELECT sa.id FROM service_accounts sa
     WHERE sa.id IN (SELECT account_id FROM assistance_application_accounts
                      WHERE application_id = ${input.applicationId})
     ORDER BY sa.id
       FOR NO KEY UPDATE`);
  const overlap = rowsOf<{ reference: string; valid_from: string; valid_to: string }>(
    await tx.execute(sql`
      SELECT other.reference, g.valid_from::text AS valid_from, g.valid_to::text AS valid_to
        FROM assistance_application_accounts aa
        JOIN service_accounts sa ON sa.id = aa.account_id
        JOIN assistance_programs mine ON mine.id = ${input.programId}
        JOIN assistance_grants g ON g.account_id = aa.account_id AND g.revoked_at IS NULL
                                AND g.program_id <> mine.id
        JOIN assistance_programs theirs ON theirs.id = g.program_id
        JOIN assistance_applications other ON other.id = g.application_id
       WHERE aa.application_id = ${input.applicationId}
         AND mine.rule_kind = 'allowance' AND theirs.rule_kind = 'allowance'
         AND g.valid_from <= ${input.validTo}::date AND g.valid_to >= ${input.validFrom}::date
         -- Both make this account's utility free (an electricity-only allowance leaves water).
         AND CASE sa.utility WHEN 'water'
               THEN coalesce(mine.allowance_water, 0) > 0 AND coalesce(theirs.allowance_water, 0) > 0
               ELSE coalesce(mine.allowance_electricity, 0) > 0
                    AND coalesce(theirs.allowance_electricity, 0) > 0 END
       ORDER BY g.valid_from, g.id
       LIMIT 1`),
  )[0];
  return overlap
    ? { reference: overlap.reference, validFrom: overlap.valid_from, validTo: overlap.valid_to }
    : null;
}
