import 'server-only';
import { desc } from 'drizzle-orm';
import { getDb } from '../db';
import { reportRuns } from '../db/schema';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import type { TReportRun } from './types';

/** The latest bulk report runs with their progress, newest first (billing staff). */
export async function listReportRuns(input: {
  actor: TActor;
  limit?: number;
}): Promise<TReportRun[]> {
  assertCan(input.actor, 'run:billing');
  const db = await getDb();
  return db
    .select({
      id: reportRuns.id,
      year: reportRuns.year,
      total: reportRuns.total,
      done: reportRuns.done,
      failed: reportRuns.failed,
      status: reportRuns.status,
      createdAt: reportRuns.createdAt,
      finishedAt: reportRuns.finishedAt,
    })
    .from(reportRuns)
    .orderBy(desc(reportRuns.id))
    .limit(input.limit ?? 10);
}
