import 'server-only';
import { desc } from 'drizzle-orm';
import type { TActor } from '../auth/actor';
import { assertCan } from '../auth/permissions';
import { getDb } from '../db';
import { billingRuns } from '../db/schema';

export type TBillingRunSummary = {
  id: number;
  utility: 'water' | 'electricity';
  period: string;
  status: 'queued' | 'running' | 'completed' | 'failed';
  total: number;
  done: number;
  exceptions: number;
  startedAt: Date | null;
  finishedAt: Date | null;
};

const RUN_COLUMNS = {
  id: billingRuns.id,
  utility: billingRuns.utility,
  period: billingRuns.period,
  status: billingRuns.status,
  total: billingRuns.total,
  done: billingRuns.done,
  exceptions: billingRuns.exceptions,
  startedAt: billingRuns.startedAt,
  finishedAt: billingRuns.finishedAt,
};

/** The latest runs, newest month first, for the billing staff page. */
export async function listBillingRuns(input: {
  actor: TActor;
  limit?: number;
}): Promise<TBillingRunSummary[]> {
  assertCan(input.actor, 'run:billing');
  const db = await getDb();
  return db
    .select(RUN_COLUMNS)
    .from(billingRuns)
    .orderBy(desc(billingRuns.period), billingRuns.utility)
    .limit(input.limit ?? 48);
}

export { RUN_COLUMNS };
