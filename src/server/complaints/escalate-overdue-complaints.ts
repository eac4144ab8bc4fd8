import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '../db';
import { notifyMailQueued } from '../mail/notify-mail-queued';
import { rowsOf } from '../db/rows-of';
import { notifySupervisors } from './notify-case-parties';

export type TEscalationPass = { firstResponse: number; answer: number };

/** Cases per transaction: small enough that a backlog pass splits over both lanes. */
export const ESCALATION_CHUNK_CASES = 10_000;
/** Chunks escalated at once, each on its own connection (the machine has 2 cores). */
export const ESCALATION_CONCURRENCY = 2;

/**
 * One escalation pass: every open case past a deadline that has not escalated for that
 * deadline is flagged for a supervisor, gets an "escalated" entry on its timeline, and the
 * supervisors get one summary notification. Set-based: the pending cases (found through the
 * partial indexes of pending, unescalated deadlines) are cut into id ranges of about
 * `chunkCases` cases, and each range is one UPDATE … RETURNING feeding one INSERT of events,
 * in its own transaction, `concurrency` ranges at a time — so a backlog of 200,000 cases uses
 * both cores instead of one, and the steady state (a few cases a minute) is one range.
 *
 * Exactly once per deadline however often (or concurrently) the job runs: the UPDATE repeats
 * the pending predicates, takes the row locks and re-checks them after waiting, so a case a
 * concurrent pass escalated first is skipped, and a second pass finds nothing.
 */
export async function escalateOverdueComplaints(
  input: { now?: Date; chunkCases?: number; concurrency?: number } = {},
): Promise<TEscalationPass> {
  const now = input.now ?? new Date();
  const chunkCases = input.chunkCases ?? ESCALATION_CHUNK_CASES;
  const db = await getDb();
  const ranges = rowsOf<{ lo: number; hi: number }>(
    await db.execute(sql`
      select min(id)::int as lo, max(id)::int as hi
        from (select id, (row_number() over (order by id) - 1) / ${chunkCases} as chunk
                from complaints c
               where ${pendingEscalation(now)}) pending
       group by chunk
       order by lo`),
  );

  let firstResponse = 0;
  let answer = 0;
  let next = 0;
  const lane = async () => {
    for (let range = ranges[next++]; range; range = ranges[next++]) {
      const counts = await escalateRangeRetryingDeadlocks(now, Number(range.lo), Number(range.hi));
      firstResponse += counts.firstResponse;
      answer += counts.answer;
    }
  };
  await Promise.all(
    Array.from({ length: Math.max(1, input.concurrency ?? ESCALATION_CONCURRENCY) }, lane),
  );

  const total = firstResponse + answer;
  if (total > 0) {
    // One summary per pass, after every range committed. Should the process die between the
    // ranges and this, those cases are still escalated (flag, timeline, supervisor queue); only
    // this one inbox line would be missing.
    const mailIds = await db.transaction((tx) =>
      notifySupervisors(
        tx,
        {
          key: 'escalated',
          values: { count: total },
          link: '/staff/complaints?escalated=1',
        },
        `complaints:escalated:${now.toISOString()}`,
      ),
    );
    await notifyMailQueued(mailIds);
  }
  return { firstResponse, answer };
}

/** An open case with a deadline past `now` that has not escalated for it (alias `c`). */
function pendingEscalation(now: Date) {
  return sql`c.status <> 'closed'
    and ((c.first_responded_at is null and c.first_response_escalated_at is null
          and c.first_response_due_at < ${now})
      or (c.answer_escalated_at is null and c.answer_due_at < ${now}))`;
}

/**
 * Two passes running at once (a slow pass overlapping the next minute's) may lock the same rows
 * in different orders, and PostgreSQL then cancels one of them with a deadlock. Running that
 * range again is safe: its transaction rolled back, and the UPDATE re-checks every row.
 */
async function escalateRangeRetryingDeadlocks(
  now: Date,
  lo: number,
  hi: number,
): Promise<TEscalationPass> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await escalateRange(now, lo, hi);
    } catch (error) {
      if (attempt >= 3 || !isDeadlock(error)) throw error;
    }
  }
}

/** PostgreSQL's deadlock_detected, on the error or on the driver error it wraps. */
function isDeadlock(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if ((e as { code?: unknown }).code === '40P01') return true;
  }
  return false;
}

/** Escalates the pending cases with ids in [lo, hi] in one transaction; counts per deadline. */
async function escalateRange(now: Date, lo: number, hi: number): Promise<TEscalationPass> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    // Losing this commit in a server crash loses the flags and the events together, so the next
    // pass escalates those cases again: not waiting for the WAL flush keeps exactly-once.
    await tx.execute(sql`set local synchronous_commit = off`);
    // One UPDATE for both deadlines (a row is rewritten once even when both passed), feeding
    // one INSERT of an event per deadline that escalated now. A data-modifying CTE always runs
    // to completion, so the counts are read from the UPDATE's rows, not from the INSERT's.
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
           where c.id between ${lo} and ${hi}
             and ${pendingEscalation(now)}
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
        )
        select count(*) filter (where first_hit)::int as first_response,
               count(*) filter (where answer_hit)::int as answer
          from due`),
    );
    return {
      firstResponse: Number(counts?.first_response ?? 0),
      answer: Number(counts?.answer ?? 0),
    };
  });
}
