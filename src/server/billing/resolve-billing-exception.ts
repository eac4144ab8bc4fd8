import 'server-only';
import { and, eq } from 'drizzle-orm';
import { writeAudit } from '../audit';
import type { TActor } from '../auth/actor';
import { assertCan } from '../auth/permissions';
import { getDb } from '../db';
import { billingExceptions, billingRuns } from '../db/schema';
import { billAccountRange } from './bill-account-range';
import { sendBillsNotifyJob } from './bills-notify-job';
import { describeBillingPeriod } from './describe-billing-period';
import { loadTariffVersions } from '../tariffs';
import { todayInShanghai } from './today-in-shanghai';

export type TResolveBillingExceptionResult =
  | { ok: true; runId: number; billed: boolean }
  | { ok: false; error: 'billing.exception_not_found' | 'billing.exception_resolved' };

/**
 * Staff settle a held-back month: `correct` with the usage they established (e.g. after a
 * re-read), or `release` to bill it as read (a real spike; a negative month bills nothing).
 * The account is billed at once, in the same transaction as the decision and its audit entry.
 * `billed` is false when it still cannot be billed (no tariff yet): a rerun of the month bills it.
 */
export async function resolveBillingException(input: {
  actor: TActor;
  exceptionId: number;
  action: 'correct' | 'release';
  /** Required for `correct`: the month's usage, a decimal string ≥ 0. */
  usage?: string;
  note?: string | null;
}): Promise<TResolveBillingExceptionResult> {
  assertCan(input.actor, 'run:billing');
  if (input.action === 'correct' && input.usage === undefined) {
    throw new Error('resolveBillingException: correct needs a usage');
  }
  const db = await getDb();
  const [found] = await db
    .select({
      id: billingExceptions.id,
      runId: billingExceptions.runId,
      accountId: billingExceptions.accountId,
      utility: billingRuns.utility,
      period: billingRuns.period,
    })
    .from(billingExceptions)
    .innerJoin(billingRuns, eq(billingRuns.id, billingExceptions.runId))
    .where(eq(billingExceptions.id, input.exceptionId));
  if (!found) return { ok: false, error: 'billing.exception_not_found' };
  const period = describeBillingPeriod(found.period, todayInShanghai());
  const tariffs = await loadTariffVersions({
    utility: found.utility,
    from: period.start,
    to: period.end,
  });

  const outcome = await db.transaction(async (tx) => {
    // Only an open exception can be settled; two staff at once: the second finds it settled.
    const [settled] = await tx
      .update(billingExceptions)
      .set({
        status: input.action === 'correct' ? 'corrected' : 'released',
        correctedUsage: input.action === 'correct' ? (input.usage ?? null) : null,
        resolvedByUserId: input.actor.userId,
        resolvedAt: new Date(),
        note: input.note ?? null,
      })
      .where(and(eq(billingExceptions.id, found.id), eq(billingExceptions.status, 'open')))
      .returning({ id: billingExceptions.id });
    if (!settled) return { ok: false as const, error: 'billing.exception_resolved' as const };
    const result = await billAccountRange(
      {
        runId: found.runId,
        utility: found.utility,
        period,
        tariffs,
        fromAccountId: found.accountId,
        toAccountId: found.accountId,
      },
      { tx },
    );
    await writeAudit(tx, input.actor, {
      action:
        input.action === 'correct' ? 'billing.exception.correct' : 'billing.exception.release',
      subjectType: 'billing_exception',
      subjectId: found.id,
      detail: {
        accountId: found.accountId,
        period: found.period,
        ...(input.action === 'correct' ? { usage: input.usage } : {}),
        billed: result.billed > 0,
      },
    });
    if (result.billed > 0) {
      // The run has someone new to tell: the bills-notify sweep finds it if the nudge is lost.
      await tx
        .update(billingRuns)
        .set({ notifiedAt: null })
        .where(and(eq(billingRuns.id, found.runId), eq(billingRuns.status, 'completed')));
    }
    return { ok: true as const, runId: found.runId, billed: result.billed > 0 };
  });
  if (outcome.ok && outcome.billed) await sendBillsNotifyJob(outcome.runId);
  return outcome;
}
