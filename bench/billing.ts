/**
 * `npm run bench:billing` — one month of electricity for the whole city through the real billing
 * run (startBillingRun + executeBillingRun, the code the pg-boss job runs), against a baseline
 * measured in the same run on the same database: a plain cursor read of that month's readings
 * plus a plain COPY of exactly the bill, line and ledger rows the run wrote.
 *
 * Needs DATABASE_URL (a PostgreSQL server). Uses its own database BENCH_DB (default
 * wanjia_bench_billing), made from the bench:pages city (wanjia_bench_pages, 650,000 households)
 * as a template when it exists and is idle, otherwise seeded. Drop it with BENCH_DROP=1.
 * Prints bills/s and the ratio run / baseline. Goal: ≥ 20,000 bills/s, ratio ≤ 3.
 * BENCH_WAIVER_EVERY=N (default 30) gives every Nth account a 低保 waiver grant for the month.
 */
import { spawnSync } from 'node:child_process';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  console.error(
    'bench:billing runs on PostgreSQL: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres).',
  );
  process.exit(2);
}
const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 650_000);
const MONTHS = Number(process.env.BENCH_MONTHS ?? 12);
const TEMPLATE = process.env.BENCH_TEMPLATE ?? 'wanjia_bench_pages';
const dbName = process.env.BENCH_DB ?? 'wanjia_bench_billing';
const UTILITY = 'electricity' as const;
/** Every Nth account holds a fee-waiver grant for the month (0 = none), so the run's waiver read and lines are measured too. */
const WAIVER_EVERY = Number(process.env.BENCH_WAIVER_EVERY ?? 30);
const dbUrl = new URL(serverUrl);
dbUrl.pathname = `/${dbName}`;

function sh(command: string, args: string[], env: NodeJS.ProcessEnv) {
  const r = spawnSync(command, args, { stdio: 'inherit', env });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function prepareDatabase(): Promise<void> {
  await withClient(serverUrl!, async (admin) => {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [dbName]);
    if (exists.rowCount) return;
    try {
      await admin.query(`create database ${dbName} template ${TEMPLATE}`);
      console.log(`▸ created ${dbName} from ${TEMPLATE}`);
    } catch {
      await admin.query(`create database ${dbName}`);
      console.log(`▸ created an empty ${dbName} (${TEMPLATE} missing or in use)`);
    }
  });
  const env = { ...process.env, DATABASE_URL: dbUrl.toString() };
  sh('npx', ['tsx', '--conditions=react-server', 'scripts/migrate.ts'], env);
  const households = await withClient(dbUrl.toString(), async (c) => {
    const { rows } = await c.query<{ n: number }>('select count(*)::int as n from premises');
    return rows[0]?.n ?? 0;
  });
  if (households < HOUSEHOLDS) {
    console.log(`▸ seeding ${HOUSEHOLDS.toLocaleString('en')} households × ${MONTHS} months`);
    sh(
      'npx',
      [
        'tsx',
        '--conditions=react-server',
        'scripts/seed.ts',
        '--households',
        String(HOUSEHOLDS),
        '--months',
        String(MONTHS),
        '--reset',
      ],
      env,
    );
  }
}

const BILLING_TABLES = 'bills, bill_lines, ledger_entries, billing_exceptions, billing_runs';

async function copyOut(c: pg.Client, table: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await pipeline(
    c.query(copyTo(`COPY ${table} TO STDOUT`)),
    new Writable({
      write(chunk: Buffer, _enc, done) {
        chunks.push(chunk);
        done();
      },
    }),
  );
  return Buffer.concat(chunks);
}

async function copyIn(c: pg.Client, table: string, data: Buffer): Promise<void> {
  const stream = c.query(copyFrom(`COPY ${table} FROM STDIN`));
  await new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
    stream.end(data);
  });
}

/**
 * One approved bench application (programme DB, seeded by the migrations) whose grants cover
 * every WAIVER_EVERY-th account of the utility for the billed month. Replaced on every run.
 */
async function grantWaivers(c: pg.Client, period: string): Promise<number> {
  await c.query(`DELETE FROM assistance_grants WHERE application_id IN
                   (SELECT id FROM assistance_applications WHERE reference = 'BENCH-WAIVERS')`);
  await c.query(`DELETE FROM assistance_applications WHERE reference = 'BENCH-WAIVERS'`);
  if (!WAIVER_EVERY) return 0;
  // A database seeded with --reset before the seed kept programmes has none: add the 低保 one.
  await c.query(
    `INSERT INTO assistance_programs (code, name_zh, name_en, description_zh, description_en,
                                      rule_kind, allowance_water, allowance_electricity)
     VALUES ('DB', '低保户用水用电减免', 'Low-income (dibao) household allowance', '-', '-',
             'allowance', 10, 15)
     ON CONFLICT (code) DO NOTHING`,
  );
  const { rows } = await c.query<{ n: number }>(
    `WITH u AS (
       INSERT INTO users (id, email, name, role)
       VALUES (gen_random_uuid()::text, 'bench-waivers@wanjia.example', 'bench', 'resident')
       ON CONFLICT (email) DO UPDATE SET name = excluded.name RETURNING id
     ), app AS (
       INSERT INTO assistance_applications (reference, program_id, applicant_user_id, status, submitted_at, decided_at)
       SELECT 'BENCH-WAIVERS', p.id, u.id, 'approved', now(), now()
         FROM assistance_programs p, u WHERE p.code = 'DB'
       RETURNING id, program_id
     ), g AS (
       INSERT INTO assistance_grants (account_id, program_id, application_id, valid_from, valid_to)
       SELECT a.id, app.program_id, app.id, $1::date, ($1::date + interval '1 year' - interval '1 day')::date
         FROM service_accounts a, app
        WHERE a.utility = $2 AND a.id % $3 = 0
       RETURNING 1
     )
     SELECT count(*)::int AS n FROM g`,
    [period, UTILITY, WAIVER_EVERY],
  );
  return rows[0]?.n ?? 0;
}

async function main() {
  await prepareDatabase();
  process.env.DATABASE_URL = dbUrl.toString();
  const { startBillingRun, executeBillingRun } = await import('../src/server/billing');
  const { closeDatabase } = await import('../src/server/db');

  const admin = new pg.Client({ connectionString: dbUrl.toString() });
  await admin.connect();
  const { rows: periodRows } = await admin.query<{ period: string; accounts: number }>(
    `SELECT max(period)::text AS period,
            (SELECT count(*)::int FROM service_accounts WHERE utility = $1) AS accounts
       FROM meter_readings`,
    [UTILITY],
  );
  const period = periodRows[0]?.period;
  if (!period) throw new Error('no readings in the bench database');
  await admin.query(`TRUNCATE ${BILLING_TABLES}, assistance_credits RESTART IDENTITY`);
  const waivers = await grantWaivers(admin, period);
  await admin.query('VACUUM ANALYZE bills, bill_lines, ledger_entries, billing_exceptions');
  await admin.query('CHECKPOINT');
  console.log(
    `▸ billing ${UTILITY} for ${period.slice(0, 7)}: ${periodRows[0]?.accounts.toLocaleString('en')} accounts`,
  );

  // 1. The real run.
  const t0 = performance.now();
  const start = await startBillingRun({ actor: null, utility: UTILITY, period, enqueue: false });
  if (!start.ok) throw new Error(start.error);
  const result = await executeBillingRun(start.runId);
  const runSeconds = (performance.now() - t0) / 1000;
  if (!result.ok) throw new Error(result.error);
  await closeDatabase();

  const { rows: counts } = await admin.query<{ bills: number; lines: number; ledger: number }>(
    `SELECT (SELECT count(*)::int FROM bills) AS bills, (SELECT count(*)::int FROM bill_lines) AS lines,
            (SELECT count(*)::int FROM ledger_entries) AS ledger`,
  );
  const written = counts[0]!;

  // 2. The baseline: the same rows, the plainest way in.
  const saved = {
    bills: await copyOut(admin, 'bills'),
    bill_lines: await copyOut(admin, 'bill_lines'),
    ledger_entries: await copyOut(admin, 'ledger_entries'),
  };
  await admin.query('TRUNCATE bills, bill_lines, ledger_entries');
  await admin.query('CHECKPOINT');
  const t1 = performance.now();
  await admin.query('BEGIN');
  await admin.query(
    `DECLARE readings NO SCROLL CURSOR FOR
       SELECT r.account_id, r.period, r.meter_id, r.reading, r.consumption, r.kind
         FROM meter_readings r JOIN service_accounts a ON a.id = r.account_id
        WHERE r.period = $1 AND a.utility = $2`,
    [period, UTILITY],
  );
  let readRows = 0;
  for (;;) {
    const { rowCount } = await admin.query('FETCH 10000 FROM readings');
    if (!rowCount) break;
    readRows += rowCount;
  }
  await admin.query('COMMIT');
  const readSeconds = (performance.now() - t1) / 1000;
  const t2 = performance.now();
  await admin.query('BEGIN');
  for (const [table, data] of Object.entries(saved)) await copyIn(admin, table, data);
  await admin.query('COMMIT');
  const copySeconds = (performance.now() - t2) / 1000;
  await admin.end();

  const baseline = readSeconds + copySeconds;
  const billsPerSecond = written.bills / runSeconds;
  console.table({
    'billing run': {
      seconds: +runSeconds.toFixed(2),
      'bills/s': Math.round(billsPerSecond),
      bills: written.bills,
      lines: written.lines,
      ledger: written.ledger,
      'held back': result.heldBack,
      'waiver grants': waivers,
    },
    'baseline: cursor read': { seconds: +readSeconds.toFixed(2), rows: readRows },
    'baseline: COPY in': {
      seconds: +copySeconds.toFixed(2),
      rows: written.bills + written.lines + written.ledger,
    },
    'baseline total': {
      seconds: +baseline.toFixed(2),
      'bills/s': Math.round(written.bills / baseline),
    },
  });
  const ratio = runSeconds / baseline;
  console.log(
    `${Math.round(billsPerSecond).toLocaleString('en')} bills/s (goal ≥ 20,000); ratio to baseline ${ratio.toFixed(2)} (goal ≤ 3)`,
  );
  if (process.env.BENCH_DROP === '1') {
    await withClient(serverUrl!, (c) => c.query(`DROP DATABASE ${dbName} WITH (FORCE)`));
    console.log(`▸ dropped ${dbName}`);
  }
}

await main();
