/**
 * `npm run bench:notices` — the two costs service notices add, measured through the real code:
 *
 * 1. The dashboard's "Notices for your address" query (listResidentNotices, one prepared
 *    statement) for random residents, with 40 notices in force and 5,000 past ones on file.
 *    Baseline in the same run: the dashboard's existing accounts query (listLinkedAccounts) for
 *    the same residents. Prints p50/p95 of both and the ratio of the p95s.
 * 2. Telling a whole district (notifyNoticeRecipients: deliveries + inbox rows + mail, batches
 *    of 1,000): residents told per second, and a rerun (which must tell no one). Baseline: one
 *    set-based INSERT … SELECT of the same recipient set into a scratch table (the floor of
 *    touching those rows once). Prints the ratio.
 *
 * Needs DATABASE_URL (a PostgreSQL server). Uses its own database BENCH_DB (default
 * wanjia_bench_notices), recreated each run: a city of BENCH_HOUSEHOLDS households (default
 * 200,000) with one resident linked to every water account of the largest district.
 */
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { installDatabaseHandle, closeDatabase } from '../src/server/db';
import { openPostgres } from '../src/server/db/open-database';
import { listLinkedAccounts } from '../src/server/accounts/list-linked-accounts';
import { listResidentNotices } from '../src/server/notices/list-resident-notices';
import { notifyNoticeRecipients } from '../src/server/notices/notify-notice-recipients';
import { saveNotice } from '../src/server/notices/save-notice';
import { getBoss } from '../src/server/jobs/get-boss';
import { stopJobs } from '../src/server/jobs/stop-jobs';

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  console.error(
    'bench:notices runs on PostgreSQL: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres).',
  );
  process.exit(2);
}
const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 200_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 2_000);
const dbName = process.env.BENCH_DB ?? 'wanjia_bench_notices';
const dbUrl = new URL(serverUrl);
dbUrl.pathname = `/${dbName}`;

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function run(args: string[]) {
  const r = spawnSync('npx', ['tsx', '--conditions=react-server', ...args], {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: dbUrl.toString() },
  });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function timeEach(userIds: string[], fn: (userId: string) => Promise<unknown>) {
  const times: number[] = [];
  for (const userId of userIds) {
    const started = performance.now();
    await fn(userId);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function main() {
  await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${dbName}`);
  console.log(`Seeding ${HOUSEHOLDS.toLocaleString('en')} households into ${dbName}…`);
  run(['scripts/seed.ts', '--households', String(HOUSEHOLDS), '--months', '2', '--seed', '11']);

  const handle = await openPostgres(dbUrl.toString());
  installDatabaseHandle(handle);
  const q = <T extends Record<string, unknown>>(text: string, values?: unknown[]) =>
    handle.query<T>(text, values);
  try {
    // One resident per water account in the largest district: a fully registered district.
    const [largest] = (
      await q<{ id: number; n: number }>(
        `select p.district_id as id, count(*)::int as n from premises p
          group by 1 order by 2 desc limit 1`,
      )
    ).rows;
    if (!largest) throw new Error('no districts');
    await q(
      `insert into users (id, email, name, role, email_verified_at)
       select 'bench-' || sa.id, 'bench-' || sa.id || '@example.test', sa.holder_name, 'resident', now()
         from service_accounts sa join premises p on p.id = sa.premises_id
        where p.district_id = $1 and sa.utility = 'water'`,
      [largest.id],
    );
    await q(
      `insert into account_links (user_id, account_id)
       select 'bench-' || sa.id, sa.id
         from service_accounts sa join premises p on p.id = sa.premises_id
        where p.district_id = $1 and sa.utility = 'water'`,
      [largest.id],
    );
    // Notices on file: 5,000 past, 40 in force or coming, a tenth of them for single accounts.
    await q(
      `insert into notices (kind, utility, title_zh, body_zh, starts_at, ends_at, status, published_at, notified_at)
       select 'water_outage', 'water', '历史停水通知 ' || g, '正文', now() - (g || ' hours')::interval - interval '8 hours',
              now() - (g || ' hours')::interval, 'published', now() - interval '400 days', now()
         from generate_series(1, 5000) g`,
    );
    await q(
      `insert into notices (kind, utility, title_zh, body_zh, starts_at, ends_at, status, published_at, notified_at)
       select 'planned_outage', 'electricity', '计划停电通知 ' || g, '正文', now() + (g * 6 - 60 || ' hours')::interval,
              now() + (g * 6 - 50 || ' hours')::interval, 'published', now() - interval '8 days', now()
         from generate_series(1, 40) g`,
    );
    await q(
      `insert into notice_targets (notice_id, district_id)
       select n.id, 1 + (n.id % (select count(*) from districts)) from notices n where n.id % 10 <> 0
           and not exists (select 1 from notice_targets t where t.notice_id = n.id)`,
    );
    await q(
      `insert into notice_targets (notice_id, account_id)
       select n.id, 1 + (n.id * 7919) % (select max(id) from service_accounts) from notices n where n.id % 10 = 0
           and not exists (select 1 from notice_targets t where t.notice_id = n.id)`,
    );
    await q('analyze');

    const sample = (
      await q<{ user_id: string }>(`select user_id from account_links order by random() limit $1`, [
        SAMPLES,
      ])
    ).rows.map((r) => r.user_id);
    const actor = (userId: string) => ({ userId, role: 'resident' as const, ip: null });
    // Warm both prepared statements.
    for (const userId of sample.slice(0, 50)) {
      await listResidentNotices({ actor: actor(userId) });
      await listLinkedAccounts({ actor: actor(userId) });
    }
    const notices = await timeEach(sample, (u) => listResidentNotices({ actor: actor(u) }));
    const accounts = await timeEach(sample, (u) => listLinkedAccounts({ actor: actor(u) }));

    // Telling the largest district.
    await getBoss(); // start pg-boss before timing (the mail nudge sends a job)
    const agent = { userId: 'bench-agent', role: 'agent' as const, ip: null };
    await q(
      `insert into users (id, email, name, role) values ('bench-agent', 'agent@bench.test', 'agent', 'agent')`,
    );
    const published = await saveNotice({
      actor: agent,
      notice: {
        kind: 'water_outage',
        utility: 'water',
        titleZh: '全区管网维修停水通知',
        titleEn: null,
        bodyZh: '正文',
        bodyEn: null,
        startsAt: new Date(Date.now() + 3 * 24 * 3_600_000),
        endsAt: new Date(Date.now() + 3 * 24 * 3_600_000 + 8 * 3_600_000),
        emergency: false,
        emergencyReason: null,
        districtIds: [largest.id],
        accountNumbers: [],
      },
      publish: true,
    });
    if (!published.ok) throw new Error(JSON.stringify(published));
    const jobStarted = performance.now();
    const report = await notifyNoticeRecipients(published.noticeId);
    const jobSeconds = (performance.now() - jobStarted) / 1000;
    const rerunStarted = performance.now();
    const rerun = await notifyNoticeRecipients(published.noticeId);
    const rerunSeconds = (performance.now() - rerunStarted) / 1000;

    const floorStarted = performance.now();
    await q(`create temp table bench_floor (notice_id int, user_id text)`);
    await q(
      `insert into bench_floor
       select $1::int, al.user_id from account_links al
         join service_accounts sa on sa.id = al.account_id
         join premises p on p.id = sa.premises_id
        where p.district_id = $2`,
      [published.noticeId, largest.id],
    );
    const floorSeconds = (performance.now() - floorStarted) / 1000;
    const mails = (
      await q<{ n: number }>(
        `select count(*)::int as n from mail_outbox where template = 'notify.notice.published'`,
      )
    ).rows[0]?.n;

    const load = spawnSync('uptime', { encoding: 'utf8' }).stdout.trim();
    console.log('\nbench:notices (PostgreSQL)');
    console.table({
      'dashboard notices query (ms)': {
        p50: +notices.p50.toFixed(2),
        p95: +notices.p95.toFixed(2),
      },
      'dashboard accounts query, baseline (ms)': {
        p50: +accounts.p50.toFixed(2),
        p95: +accounts.p95.toFixed(2),
      },
    });
    console.log(
      `notices / accounts p95 ratio: ${(notices.p95 / accounts.p95).toFixed(2)} (${SAMPLES} residents each)`,
    );
    console.log(
      `notify district ${largest.id}: ${report.notified.toLocaleString('en')} residents told in ${jobSeconds.toFixed(2)} s ` +
        `(${Math.round(report.notified / jobSeconds).toLocaleString('en')}/s, ${report.batches} batches, ${mails} mails queued); ` +
        `rerun told ${rerun.notified} in ${rerunSeconds.toFixed(2)} s`,
    );
    console.log(
      `set-based floor (one INSERT … SELECT of the same recipients): ${floorSeconds.toFixed(2)} s; job / floor = ${(jobSeconds / floorSeconds).toFixed(1)}`,
    );
    console.log(`load: ${load}`);
  } finally {
    await stopJobs();
    await closeDatabase();
  }
}

await main();
