/**
 * npm run bench:reports — 2,000 annual report PDFs through the real job (pg-boss queue, batch
 * reads, the render pool of one process per core, file store), on PostgreSQL, against its anchor
 * measured in the same run: the same reports rendered back to back by ONE render process with
 * no database and no queue (the per-core ceiling). Prints PDFs/s, p95 per PDF, peak memory per
 * render process, and the ratio ours / (anchor × cores).
 * Goal: ≥ 40 PDFs/s on 2 cores, p95 ≤ 120 ms, ≤ 600 MB per render process.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { env } from '@/env';
import { closeDatabase, installDatabaseHandle } from '@/server/db';
import { migrateDatabase } from '@/server/db/migrate-database';
import { openPostgres } from '@/server/db/open-database';
import { stopJobs } from '@/server/jobs';
import { createRenderPool } from '@/server/reports/create-render-pool';
import { closeReportRenderPool, reportRenderPool } from '@/server/reports/generate-reports-job';
import { loadAnnualReports } from '@/server/reports/load-annual-reports';
import { startReportRun } from '@/server/reports/start-report-run';
import { workReportRun } from '@/server/reports/work-report-run';
import { seedDatabase } from '../scripts/seed/seed-database';

const DB = 'wanjia_bench_reports';
const HOUSEHOLDS = 1000; // a water and an electricity account each: 2,000 reports
const YEAR = 2025;
const ANCHOR_PDFS = 200;

if (!env.DATABASE_URL) {
  console.error('bench:reports needs DATABASE_URL pointing to a PostgreSQL server.');
  process.exit(2);
}
if (env.NODE_ENV !== 'production') {
  console.error('bench:reports measures production React: run it through `npm run bench:reports`.');
  process.exit(2);
}
const url = new URL(env.DATABASE_URL);
url.pathname = `/${DB}`;
const admin = new Client({ connectionString: env.DATABASE_URL });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
await admin.query(`CREATE DATABASE ${DB}`);

const handle = await openPostgres(url.toString());
await migrateDatabase(handle);
installDatabaseHandle(handle);
console.info(`Seeding ${HOUSEHOLDS} households × 24 months and billing them…`);
const seeded = await seedDatabase(handle, {
  households: HOUSEHOLDS,
  months: 24,
  seed: 42,
  end: `${YEAR}-12`,
});
if (!seeded.ok) throw new Error(`seed failed: ${seeded.error}`);
// Bill the year through the real billing CLI so reports carry costs and tiers.
const billing = spawnSync(
  'node_modules/.bin/tsx',
  ['--conditions=react-server', 'scripts/billing.ts', '--from', `${YEAR}-01`, '--to', `${YEAR}-12`],
  { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DATABASE_URL: url.toString() } },
);
if (billing.status !== 0) throw new Error('billing the bench year failed');

const cores = Math.min(2, availableParallelism());
const storeDir = mkdtempSync(path.join(tmpdir(), 'wanjia-bench-reports-'));
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

try {
  // Anchor: one render process, reports already in memory, one PDF at a time.
  const reports = (
    await loadAnnualReports(handle.db, { fromAccountId: 1, toAccountId: 10_000, year: YEAR })
  )
    .filter((r) => r.monthsWithData > 0)
    .slice(0, ANCHOR_PDFS);
  const anchorPool = createRenderPool({ size: 1, inFlightPerProcess: 1, fileStoreDir: storeDir });
  await anchorPool.render({ report: reports[0]!, locale: 'zh-CN', fileKey: 'warm/0.pdf' });
  const anchorStart = performance.now();
  for (const [i, report] of reports.entries()) {
    await anchorPool.render({ report, locale: 'zh-CN', fileKey: `anchor/${i}.pdf` });
  }
  const anchorSeconds = (performance.now() - anchorStart) / 1000;
  const anchorRate = reports.length / anchorSeconds;
  const anchorStats = anchorPool.stats();
  await anchorPool.close();

  // The real thing: queue the year, work it through pg-boss with the pool.
  await closeReportRenderPool();
  const pool = reportRenderPool({ fileStoreDir: storeDir });
  const started = performance.now();
  const { runId, total } = await startReportRun({ actor: null, year: YEAR });
  const result = await workReportRun({ runId });
  const seconds = (performance.now() - started) / 1000;
  const stats = pool.stats();
  const rate = result.done / seconds;

  const rows = [
    ['', 'PDFs', 'seconds', 'PDFs/s', 'p50 ms', 'p95 ms', 'peak MB/process', 'processes'],
    [
      'anchor: 1 process, no DB/queue',
      String(reports.length),
      anchorSeconds.toFixed(1),
      anchorRate.toFixed(1),
      percentile(anchorStats.renderMs, 50).toFixed(0),
      percentile(anchorStats.renderMs, 95).toFixed(0),
      String(mb(anchorStats.peakRssBytes)),
      '1',
    ],
    [
      `report run (${cores} render processes)`,
      `${result.done}/${total}`,
      seconds.toFixed(1),
      rate.toFixed(1),
      percentile(stats.renderMs, 50).toFixed(0),
      percentile(stats.renderMs, 95).toFixed(0),
      String(mb(stats.peakRssBytes)),
      String(stats.processesStarted),
    ],
  ];
  for (const row of rows)
    console.info(row.map((c, i) => (i === 0 ? c.padEnd(34) : c.padStart(10))).join(' '));
  console.info(
    `\nratio run / (anchor × ${cores} cores) = ${(rate / (anchorRate * cores)).toFixed(2)}; ` +
      `goal ≥ 40 PDFs/s → ${rate >= 40 ? 'met' : 'NOT met'}, ` +
      `p95 ≤ 120 ms → ${percentile(stats.renderMs, 95) <= 120 ? 'met' : 'NOT met'}, ` +
      `≤ 600 MB → ${mb(stats.peakRssBytes) <= 600 ? 'met' : 'NOT met'}` +
      (result.failed ? `; ${result.failed} FAILED` : ''),
  );
} finally {
  await stopJobs();
  await closeReportRenderPool();
  await closeDatabase();
  await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin.end();
  rmSync(storeDir, { recursive: true, force: true });
}
process.exit(0);
