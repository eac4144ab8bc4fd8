import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '../db';
import { notifyMailQueued } from '../mail/notify-mail-queued';
import { rowsOf } from '../billing/rows-of';
import { notifySupervisors } from './notify-case-parties';

export type TEscalationPass = { firstResponse: number; answer: number };

/**
 * One escalation pass: every open case past a deadline that has not escalated for that
 * deadline is flagged for a supervisor, gets an "escalated" entry on its timeline, and the
 * supervisors get one summary notification. Set-based — one UPDATE … RETURNING feeding one
 * INSERT per deadline kind, over partial indexes that hold only pending deadlines — so a pass
 * over 200,000 open cases is a few statements, not a loop. The `*EscalatedAt` columns make it
 * exactly once per deadline however often (or concurrently) the job runs: the UPDATE takes
 * row locks and re-checks its WHERE, so a second pass finds nothing.
 */
export async function escalateOverdueComplaints(
  input: { now?: Date } = {},
): Promise<TEscalationPass> {
  const now = input.now ?? new Date();
  const db = await getDb();
  const outcome = await db.transaction(async (tx) => {
    const counted = async (query: ReturnType<typeof sql>) => {
      const [row] = rowsOf<{ n: number }>(await tx.execute(query));
      return Number(row?.n ?? 0);
    };
    const firstResponse = await counted(sql`
      with due as (
        update complaints
           set first_response_escalated_at = ${now}, escalated_at = ${now}, updated_at = ${now}
         where first_responded_at is null
           and first_response_escalated_at is null
           and status <> 'closed'
           and first_response_due_at < ${now}
        returning id, first_response_due_at
      ), events as (
        insert into complaint_events (complaint_id, kind, resident_visible, detail, created_at)
        select id, 'escalated', true,
               jsonb_build_object('deadline', 'first_response', 'dueAt', first_response_due_at),
               ${now}
          from due
        returning 1
      )
      select count(*)::int as n from events`);
    const answer = await counted(sql`
      with due as (
        update complaints
           set answer_escalated_at = ${now}, escalated_at = ${now}, updated_at = ${now}
         where answer_escalated_at is null
           and status <> 'closed'
           and answer_due_at < ${now}
        returning id, answer_due_at
      ), events as (
        insert into complaint_events (complaint_id, kind, resident_visible, detail, created_at)
        select id, 'escalated', true,
               jsonb_build_object('deadline', 'answer', 'dueAt', answer_due_at),
               ${now}
          from due
        returning 1
      )
      select count(*)::int as n from events`);
    const total = firstResponse + answer;
    const mailIds =
      total === 0
        ? []
        : await notifySupervisors(
            tx,
            {
              key: 'escalated',
              values: { count: total },
              link: '/staff/complaints?escalated=1',
            },
            `complaints:escalated:${now.toISOString()}`,
          );
    return { firstResponse, answer, mailIds };
  });
  await notifyMailQueued(outcome.mailIds);
  return { firstResponse: outcome.firstResponse, answer: outcome.answer };
}
