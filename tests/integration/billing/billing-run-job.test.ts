import { afterAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/server/db';
import { billingRuns } from '@/server/db/schema';
import { startBillingRun } from '@/server/billing';
import { startJobWorkers, stopJobs } from '@/server/jobs';
import { billingTotals, createBillableAccounts, createTariff } from '../../fixtures/billing-run';
import { actorFor, createUser } from '../../fixtures/world';

afterAll(() => stopJobs());

async function waitForRun(runId: number) {
  const db = await getDb();
  for (let i = 0; i < 150; i++) {
    const [run] = await db.select().from(billingRuns).where(eq(billingRuns.id, runId));
    if (run?.status === 'completed' || run?.status === 'failed') return run;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return undefined;
}

describe('a billing run started by staff', () => {
  it('is worked by the background job to the end, with its progress on the run', async () => {
    await createTariff();
    await createBillableAccounts(4);
    const actor = actorFor(await createUser({ role: 'billing' }));
    await startJobWorkers();

    const started = await startBillingRun({ actor, utility: 'electricity', period: '2025-01-01' });
    if (!started.ok) throw new Error(started.error);

    expect(await waitForRun(started.runId)).toMatchObject({
      status: 'completed',
      total: 4,
      done: 4,
    });
    expect(await billingTotals('2025-01-01')).toMatchObject({ bills: 4, ledger_entries: 4 });
  });
});
