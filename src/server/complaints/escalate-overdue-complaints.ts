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
 * INSERT of events, over partial indexes that hold only pending deadlines — so a pass
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
    // One UPDATE for both deadlines (a row is rewritten once even when both passed), feeding
    // one INSERT of an event per deadline that escalated now.
    const [counts] = rowsOf<{ first_response: number; answer: number }>(
      await tx.execute(sql`
        with due as (
          update complaints c
             set first_response_escalated_at = case
                   when c.first_responded_at is null and c.first_response_escalated_at is null
                        and c.first_response_due_at < ${now}
                   then ${now} else c.first_response_escalated_at end,
                 answer_escalated_at = case
                   when c.answer_escalated_at is null and c.answer_due_at < ${now}
                   then ${now} else c.answer_escalated_at end,
                 escalated_at = ${now},
                 updated_at = ${now}
           where c.status <> 'closed'
             and ((c.first_responded_at is null and c.first_response_escalated_at is null
                   and c.first_response_due_at < ${now})
               or (c.answer_escalated_at is null and c.answer_due_at < ${now}))
          returning c.id, c.first_response_due_at, c.answer_due_at,
                    c.first_response_escalated_at = ${now} as first_hit,
                    c.answer_escalated_at = ${now} as answer_hit
        ), events as (
          insert into complaint_events (complaint_id, kind, resident_visible, detail, created_at)
          select due.id, 'escalated', true,
                 jsonb_build_object('deadline', d.deadline, 'dueAt', d.due_at), ${now}
            from due
           cross join lateral (values ('first_response', due.first_response_due_at, due.first_hit),
                                      ('answer', due.answer_due_at, due.answer_hit))
                 as d(deadline, due_at, hit)
           where d.hit
          returning detail->>'deadline' as deadline
        )
        select count(*) filter (where deadline = 'first_response')::int as first_response,
               count(*) filter (where deadline = 'answer')::int as answer
          from events`),
    );
    const firstResponse = Number(counts?.first_response ?? 0);
    const answer = Number(counts?.answer ?? 0);
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
