import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '../db';
import { complaints } from '../db/schema';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { notifyMailQueued } from '../mail/notify-mail-queued';
import { MAX_DESCRIPTION_LENGTH } from './limits';
import { lockCase } from './lock-case';
import { reopenCase } from './reopen-case';

export type TReopenResult =
  { ok: true } | { ok: false; error: 'not_found' | 'body' | 'not_closed' | 'already_reopened' };

/**
 * The resident answers a closed case and asks for it to be looked at again. Allowed once per
 * case (after that the hotline takes it); the case goes to a supervisor with a new deadline.
 */
export async function reopenComplaint(input: {
  actor: TActor;
  complaintId: number;
  body: string;
  now?: Date;
}): Promise<TReopenResult> {
  assertCan(input.actor, 'file:complaint:own');
  const body = input.body.trim();
  if (!body || body.length > MAX_DESCRIPTION_LENGTH) return { ok: false, error: 'body' };
  const now = input.now ?? new Date();
  const db = await getDb();
  const outcome = await db.transaction(async (tx) => {
    const row = await lockCase(
      tx,
      input.complaintId,
      eq(complaints.filedByUserId, input.actor.userId),
    );
    if (!row) return { ok: false, error: 'not_found' } as const;
    if (row.status !== 'closed') return { ok: false, error: 'not_closed' } as const;
    if (row.reopenedCount > 0) return { ok: false, error: 'already_reopened' } as const;
    const mailIds = await reopenCase(tx, row, {
      actor: input.actor,
      reason: 'resident',
      body,
      now,
    });
    return { ok: true, mailIds } as const;
  });
  if (!outcome.ok) return outcome;
  await notifyMailQueued(outcome.mailIds);
  return { ok: true };
}
