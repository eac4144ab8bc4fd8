import 'server-only';
import { and, eq } from 'drizzle-orm';
import { writeAudit } from '../audit';
import type { TActor } from '../auth/actor';
import { assertCan } from '../auth/permissions';
import { getDb } from '../db';
import { billingRuns, type TUtility } from '../db/schema';
import { sendBillingRunJob } from './billing-run-job';
import { todayInShanghai } from './today-in-shanghai';

export type TStartBillingRunResult =
  | { ok: true; runId: number; outcome: 'started' | 'joined' | 'restarted' | 'already_completed' }
  | { ok: false; error: 'billing.period_invalid' | 'billing.period_future' };

/**
 * Starts the run for a utility and month, or answers with the one that exists: a run already
 * queued or running is joined (never a second one — the (utility, period) key is unique), a
 * failed one is queued again and resumes, a completed one is left as it is.
 *
 * `actor` null means the billing command line (scripts/billing.ts), which has no person; with
 * `enqueue: false` the caller works the run itself (executeBillingRun).
 */
export async function startBillingRun(input: {
  actor: TActor | null;
  utility: TUtility;
  /** YYYY-MM-01 */
  period: string;
  enqueue?: boolean;
}): Promise<TStartBillingRunResult> {
  if (input.actor) assertCan(input.actor, 'run:billing');
  if (!/^\d{4}-(0[1-9]|1[0-2])-01$/.test(input.period)) {
    return { ok: false, error: 'billing.period_invalid' };
  }
  if (input.period > todayInShanghai()) return { ok: false, error: 'billing.period_future' };

  const db = await getDb();
  const outcome = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(billingRuns)
      .values({
        utility: input.utility,
        period: input.period,
        status: 'queued',
        startedByUserId: input.actor?.userId ?? null,
      })
      .onConflictDoNothing({ target: [billingRuns.utility, billingRuns.period] })
      .returning({ id: billingRuns.id });
    let runId: number;
    let result: 'started' | 'joined' | 'restarted' | 'already_completed';
    if (created) {
      runId = created.id;
      result = 'started';
    } else {
      // Lock the existing run so two simultaneous restarts of a failed run agree.
      const [existing] = await tx
        .select({ id: billingRuns.id, status: billingRuns.status })
        .from(billingRuns)
        .where(and(eq(billingRuns.utility, input.utility), eq(billingRuns.period, input.period)))
        .for('update');
      if (!existing) throw new Error('billing run vanished during start');
      runId = existing.id;
      if (existing.status === 'failed') {
        await tx
          .update(billingRuns)
          .set({ status: 'queued', lastError: null })
          .where(eq(billingRuns.id, runId));
        result = 'restarted';
      } else {
        result = existing.status === 'completed' ? 'already_completed' : 'joined';
      }
    }
    if (result === 'started' || result === 'restarted') {
      await writeAudit(tx, input.actor, {
        action: result === 'started' ? 'billing.run.start' : 'billing.run.restart',
        subjectType: 'billing_run',
        subjectId: runId,
        detail: { utility: input.utility, period: input.period },
      });
    }
    return { runId, result };
  });
  // After commit: a worker that picks the job up must see the run.
  if (input.enqueue !== false && outcome.result !== 'already_completed') {
    await sendBillingRunJob(outcome.runId);
  }
  return { ok: true, runId: outcome.runId, outcome: outcome.result };
}
