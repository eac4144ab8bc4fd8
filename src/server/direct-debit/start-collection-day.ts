import 'server-only';
import { writeAudit } from '../audit';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { getDb } from '../db';
import { paymentMode } from '../payments/payment-settings';
import { todayInShanghai } from '../billing/today-in-shanghai';
import { sendCollectionDayJob } from './direct-debit-job';

export type TStartCollectionDayResult =
  { ok: true; day: string } | { ok: false; error: 'unavailable' | 'future_day' | 'past_day' };

/**
 * Staff "run the collection day now": queues the same job the daily schedule runs. With real
 * Stripe only today may be run; with the offline sandbox a later day may be run too, as
 * Stripe's test clocks let test mode advance time (demos and end-to-end tests). Audited.
 */
export async function startCollectionDay(input: {
  actor: TActor;
  day?: string;
}): Promise<TStartCollectionDayResult> {
  assertCan(input.actor, 'run:collections');
  const mode = paymentMode();
  if (mode === 'off') return { ok: false, error: 'unavailable' };
  const today = todayInShanghai();
  const day = input.day ?? today;
  if (day < today) return { ok: false, error: 'past_day' };
  if (day > today && mode !== 'sandbox') return { ok: false, error: 'future_day' };
  const db = await getDb();
  await db.transaction(async (tx) =>
    writeAudit(tx, input.actor, {
      action: 'direct_debit.day_started',
      subjectType: 'collection_day',
      subjectId: day,
      detail: { sandbox: mode === 'sandbox' },
    }),
  );
  await sendCollectionDayJob(day);
  return { ok: true, day };
}
