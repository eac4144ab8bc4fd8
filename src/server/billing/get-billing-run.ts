import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { TActor } from '../auth/actor';
import { assertCan } from '../auth/permissions';
import { getDb } from '../db';
import { billingRuns } from '../db/schema';
import { RUN_COLUMNS, type TBillingRunSummary } from './list-billing-runs';

export type TBillingRunDetail = TBillingRunSummary & {
  /** Exceptions still waiting for staff. */
  openExceptions: number;
  failed: boolean;
};

/** One run with its progress, or null when there is no such run. */
export async function getBillingRun(input: {
  actor: TActor;
  runId: number;
}): Promise<TBillingRunDetail | null> {
  assertCan(input.actor, 'run:billing');
  const db = await getDb();
  const [run] = await db
    .select({
      ...RUN_COLUMNS,
      openExceptions: sql<number>`(SELECT count(*)::int FROM billing_exceptions e
        WHERE e.run_id = "billing_runs"."id" AND e.status = 'open')`,
    })
    .from(billingRuns)
    .where(eq(billingRuns.id, input.runId));
  if (!run) return null;
  return { ...run, failed: run.status === 'failed' };
}
