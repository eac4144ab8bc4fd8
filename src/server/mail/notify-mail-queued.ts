import 'server-only';
import { sendDeliverMailJob } from './deliver-mail-job';

/**
 * Call after the transaction that ran queueMail has committed: asks the mail worker to deliver
 * these rows now. Never throws — the mail is safely in the outbox and the every-minute sweeper
 * delivers it even if this nudge is lost.
 */
export async function notifyMailQueued(ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  try {
    await sendDeliverMailJob(ids);
  } catch (error) {
    console.error('[mail] could not nudge the mail job; the sweeper will deliver it:', error);
  }
}
