import 'server-only';
import { todayInShanghai } from '../billing/today-in-shanghai';
import { collectDueCollections, type TCollectionDayResult } from './collect-due-collections';
import { fillMandateDetails } from './fill-mandate-details';
import { planCollections } from './plan-collections';
import { sendCollectionNotices } from './send-collection-notices';

export type TCollectionDayReport = TCollectionDayResult & {
  day: string;
  planned: number;
  noticesSent: number;
};

/**
 * One day of direct debit, in order: complete masked details of newly active mandates, plan
 * collections for new bills, send the advance notices that are due, then collect what is due
 * today (and retries due today). Safe to run more than once a day and from several workers.
 */
export async function runCollectionDay(
  input: { day?: string } = {},
): Promise<TCollectionDayReport> {
  const day = input.day ?? todayInShanghai();
  await fillMandateDetails();
  const planned = await planCollections({ today: day });
  const noticesSent = await sendCollectionNotices({ today: day });
  const collected = await collectDueCollections({ today: day });
  return { day, planned, noticesSent, ...collected };
}
