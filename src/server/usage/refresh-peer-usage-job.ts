import 'server-only';
import { defineJobQueue } from '../jobs/define-job-queue';
import { addMonths, monthOf, todayInShanghai } from './months';
import { refreshPeerUsage } from './refresh-peer-usage';

export const REFRESH_PEER_USAGE_QUEUE = 'usage-refresh-peers';

/**
 * Every night, recompute the similar-household figures of the last three months (late and
 * corrected readings land there). Older months are computed on demand the first time a
 * resident's usage page needs them, then kept.
 */
export const refreshPeerUsageQueue = defineJobQueue({
  name: REFRESH_PEER_USAGE_QUEUE,
  cron: '30 3 * * *',
  batchSize: 1,
  async handle() {
    const thisMonth = monthOf(todayInShanghai());
    await refreshPeerUsage({ from: addMonths(thisMonth, -3), to: thisMonth });
  },
});
