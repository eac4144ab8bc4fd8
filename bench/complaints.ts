/**
 * `npm run bench:complaints` — the complaints capability at city scale on PostgreSQL.
 *
 * Builds its own database BENCH_DB (default wanjia_bench_complaints, recreated every run) with
 * BENCH_CASES (default 200,000) open cases spread over the four categories and departments,
 * about half of them past a deadline. Then measures, through the real domain code:
 *  1. the staff queue as the page asks for it (listComplaintQueue + countOpenComplaints in
 *     parallel; overdue first, with filters: department, category, overdue, escalated, pages
 *     1–5): p50 / p95 over BENCH_QUEUE_RUNS (default 400) requests — server time of the data
 *     the page renders (the React render of 25 rows is not included);
 *  2. the escalation pass (escalateOverdueComplaints) over all open cases, then a second pass
 *     that must find nothing (exactly once).
 * Baseline in the same run: p95 of a primary-key lookup of one case through the same pool.
 * Goals: queue p95 ≤ 150 ms, escalation ≤ 10 s. Needs DATABASE_URL (a PostgreSQL server).
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { closeDatabase, getDb, installDatabaseHandle } from '../src/server/db';
import { openPostgres } from '../src/server/db/open-database';
import {
  countOpenComplaints,
  escalateOverdueComplaints,
  listComplaintQueue,
  type TQueueFilters,
} from '../src/server/complaints';
import type { TActor } from '../src/server/auth/actor';

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  console.error(
    'bench:complaints runs on PostgreSQL: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres).',
  );
  process.exit(2);
}
const CASES = Number(process.env.BENCH_CASES ?? 200_000);
const RUNS = Number(process.env.BENCH_QUEUE_RUNS ?? 400);
const dbName = process.env.BENCH_DB ?? 'wanjia_bench_complaints';
const dbUrl = new URL(serverUrl);
dbUrl.pathname = `/${dbName}`;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function recreateDatabase() {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.query(`create database ${dbName}`);
  await admin.end();
  const r = spawnSync('npx', ['tsx', '--conditions=react-server', 'scripts/migrate.ts'], {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: dbUrl.toString() },
  });
  if (r.status !== 0) throw new Error('migrate failed');
}

async function generateCases(now: Date) {
  const db = await getDb();
  const started = performance.now();
  await db.execute(sql`
    insert into users (id, email, name, role) values
      ('bench-agent', 'agent@bench.example', '坐席', 'agent'),
      ('bench-supervisor', 'supervisor@bench.example', '主管', 'supervisor')`);
  await db.execute(sql`
    insert into complaint_department_members (user_id, department) values ('bench-agent', 'service_centre')`);
  // Cases filed over the last ~10 days; every 4th a fault (45 min on site, 3 h restored),
  // the rest with 24 h contact and a 4-working-day answer. About half are past a deadline.
  await db.execute(sql`
    insert into complaints (reference, category, sub_type, department, description, status,
                            first_response_due_at, first_responded_at, answer_due_at, next_due_at,
                            assignee_user_id, created_at, updated_at)
    select 'WJ-2026-' || lpad(g::text, 6, '0'),
           (array['fault','complaint','billing_query','illegal_use'])[1 + g % 4]::complaint_category,
           (array['no_water','service','amount','water'])[1 + g % 4],
           (array['repair','service_centre','business_hall','inspection'])[1 + g % 4]::complaint_department,
           'bench case ' || g,
           case when g % 3 = 0 then 'in_progress' else 'new' end::complaint_status,
           case when g % 4 = 3 then null
                when g % 4 = 0 then c.created_at + interval '45 minutes'
                else c.created_at + interval '24 hours' end,
           case when g % 3 = 0 then c.created_at + interval '30 minutes' end,
           c.created_at + case when g % 4 = 0 then interval '3 hours' else interval '6 days' end,
           case when g % 3 = 0 or g % 4 = 3
                then c.created_at + case when g % 4 = 0 then interval '3 hours' else interval '6 days' end
                else c.created_at + case when g % 4 = 0 then interval '45 minutes' else interval '24 hours' end end,
           case when g % 5 = 0 then 'bench-agent' end,
           c.created_at, c.created_at
      from generate_series(1, ${CASES}) g
      cross join lateral (select ${now}::timestamptz - (g % 14400) * interval '1 minute' * 1.0 as created_at) c`);
  await db.execute(
    sql`insert into complaint_reference_counters (year, last) values (2026, ${CASES})`,
  );
  // As autovacuum would have done on a table this size (visibility map for index-only counts).
  await db.execute(sql`vacuum analyze complaints`);
  return (performance.now() - started) / 1000;
}

async function main() {
  console.log(`▸ ${dbName}: ${CASES.toLocaleString('en')} open cases (fresh database)`);
  await recreateDatabase();
  installDatabaseHandle(await openPostgres(dbUrl.toString()));
  const now = new Date();
  const seconds = await generateCases(now);
  console.log(`  generated in ${seconds.toFixed(1)} s`);
  const db = await getDb();
  const agent: TActor = { userId: 'bench-agent', role: 'agent', ip: null };
  const supervisor: TActor = { userId: 'bench-supervisor', role: 'supervisor', ip: null };

  const filterSets: TQueueFilters[] = [
    {},
    { department: 'service_centre' },
    { category: 'fault' },
    { department: 'repair', category: 'fault' },
    { overdue: true },
    { department: 'business_hall', overdue: true },
    { status: 'new' },
    { mine: true },
  ];
  const queueRun = async (actor: TActor, sets: TQueueFilters[], runs: number) => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const filters = sets[i % sets.length] ?? {};
      const page = 1 + (i % 5);
      const t0 = performance.now();
      const [queue] = await Promise.all([
        listComplaintQueue({ actor, filters, page, now }),
        countOpenComplaints({ actor, now }),
      ]);
      times.push(performance.now() - t0);
      if (i === 0 && queue.items.length === 0) throw new Error('queue returned no cases');
    }
    return times;
  };
  const baselineRun = async (runs: number) => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const id = 1 + ((i * 7919) % CASES);
      const t0 = performance.now();
      await db.execute(sql`select id, reference, status from complaints where id = ${id}`);
      times.push(performance.now() - t0);
    }
    return times;
  };

  // Warm-up, then measure queue and baseline interleaved in blocks (same load for both).
  await queueRun(agent, filterSets, 40);
  await baselineRun(40);
  const queueTimes: number[] = [];
  const baseTimes: number[] = [];
  for (let block = 0; block < 4; block++) {
    queueTimes.push(...(await queueRun(agent, filterSets, RUNS / 4)));
    baseTimes.push(...(await baselineRun(RUNS / 4)));
  }

  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  const t0 = performance.now();
  const first = await escalateOverdueComplaints({ now });
  const escalationMs = performance.now() - t0;
  const t1 = performance.now();
  const second = await escalateOverdueComplaints({ now });
  const secondMs = performance.now() - t1;
  // A mass escalation rewrites every row: autovacuum's analyze would follow; do it here, so the
  // planner knows escalated_at is no longer all null.
  await db.execute(sql`analyze complaints`);
  const escalatedTimes = await queueRun(
    supervisor,
    [{ escalated: true }, { escalated: true, department: 'repair' }],
    100,
  );

  const qp95 = percentile(queueTimes, 95);
  const bp95 = percentile(baseTimes, 95);
  console.log('');
  console.log('| measure | p50 | p95 | ratio p95 / baseline p95 | goal |');
  console.log('|---|---|---|---|---|');
  console.log(
    `| baseline: one case by primary key | ${ms(percentile(baseTimes, 50))} | ${ms(bp95)} | 1 | |`,
  );
  console.log(
    `| staff queue (list + counts), ${queueTimes.length} requests, 8 filter sets, pages 1–5 | ${ms(percentile(queueTimes, 50))} | ${ms(qp95)} | ${(qp95 / bp95).toFixed(1)} | p95 ≤ 150 ms ${qp95 <= 150 ? '✓' : '✗'} |`,
  );
  console.log(
    `| supervisor queue, escalated filter, 100 requests | ${ms(percentile(escalatedTimes, 50))} | ${ms(percentile(escalatedTimes, 95))} | ${(percentile(escalatedTimes, 95) / bp95).toFixed(1)} | p95 ≤ 150 ms |`,
  );
  console.log('');
  console.log(
    `escalation pass over ${CASES.toLocaleString('en')} open cases: ${(escalationMs / 1000).toFixed(2)} s — escalated ${first.firstResponse.toLocaleString('en')} first-response and ${first.answer.toLocaleString('en')} answer deadlines (goal ≤ 10 s ${escalationMs <= 10_000 ? '✓' : '✗'}); ratio to baseline p95: ${Math.round(escalationMs / bp95).toLocaleString('en')}×`,
  );
  console.log(
    `second pass (must find nothing): ${ms(secondMs)} — ${first.firstResponse + first.answer > 0 && second.firstResponse + second.answer === 0 ? 'nothing escalated twice ✓' : `escalated again: ${JSON.stringify(second)} ✗`}`,
  );
  console.log(`load average during the run (1/5/15 min): ${load}; cpus: ${os.cpus().length}`);
  await closeDatabase();
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
