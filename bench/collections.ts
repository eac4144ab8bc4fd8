/**
 * `npm run bench:collections` — one direct-debit collection day for 100,000 mandates through
 * the real collection code (collectDueCollections, what the daily pg-boss job runs): batched
 * claims under account locks, payments + attempts written per batch, one off-session
 * PaymentIntent per collection through the Stripe SDK into the offline sandbox (bounded
 * concurrency, the attempt id as idempotency key), results written back per batch; 2 % of the
 * cards decline and go through the payments domain one by one (retry planned, as in production).
 *
 * Baseline, measured in the same run on the same database and the same SDK: the raw sandbox
 * PaymentIntent create rate (stripe.paymentIntents.create, same concurrency, nothing of ours
 * around it). Prints collections/s and the ratio to the baseline. Goal ≥ 1,000 collections/s.
 *
 * BENCH_WORKERS (default 1) runs the day in that many worker processes at once, as
 * `npm run worker` on several machines or cores would: each calls collectDueCollections and the
 * claims (FOR UPDATE SKIP LOCKED) share the collections out. Measured on this two-core machine,
 * 100,000 mandates at load ≈ 2: 1 process 1,241/s (ratio 0.73), 2 processes 1,866/s (1.26);
 * at load 7–10 (20,000 mandates) the second process gained nothing (411/s vs 285/s). The day is timed from the
 * moment every worker has loaded its code to the last one finishing. The baseline stays one
 * process (the SDK + sandbox rate of a single process), so a ratio above 1 is the second core.
 *
 * Needs DATABASE_URL (a PostgreSQL server); uses its own database BENCH_DB (default
 * wanjia_bench_collections), recreated each run. Webhook delivery of the emitted events is not
 * part of the figure (the sandbox stores the events; bench:webhooks measures their handling).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import pg from 'pg';
import type { TCollectionDayResult } from '../src/server/direct-debit/collect-due-collections';

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  console.error(
    'bench:collections runs on PostgreSQL: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres).',
  );
  process.exit(2);
}
const MANDATES = Number(process.env.BENCH_MANDATES ?? 100_000);
const BASELINE_CALLS = Number(process.env.BENCH_BASELINE_CALLS ?? 10_000);
const DECLINE_EVERY = 50;
const DAY = '2026-12-21';
const WORKERS = Number(process.env.BENCH_WORKERS ?? 1);
const dbName = process.env.BENCH_DB ?? 'wanjia_bench_collections';
const dbUrl = new URL(serverUrl);
dbUrl.pathname = `/${dbName}`;

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
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${dbName}`);
  });
  const migrate = spawnSync('npx', ['tsx', '--conditions=react-server', 'scripts/migrate.ts'], {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: dbUrl.toString() },
  });
  if (migrate.status !== 0) throw new Error('migrate failed');
  const started = performance.now();
  await withClient(dbUrl.toString(), async (c) => {
    await c.query('BEGIN');
    await c.query(
      `INSERT INTO districts (code, name_zh, name_en) VALUES ('BENCH', '基准区', 'Bench')`,
    );
    await c.query(
      `INSERT INTO premises (district_id, address_zh, address_en, household_size)
       SELECT (SELECT id FROM districts), '基准路' || g || '号', 'No. ' || g || ' Bench Road', 3
         FROM generate_series(1, $1) g`,
      [MANDATES],
    );
    await c.query(
      `INSERT INTO service_accounts (account_number, utility, premises_id, holder_name,
                                     verification_code, opened_on)
       SELECT (1000000000 + p.id)::text, 'water', p.id, '张' || p.id, '123456', '2020-01-01'
         FROM premises p`,
    );
    await c.query(
      `INSERT INTO bills (account_id, period, usage, total_fen, issued_on, due_on)
       SELECT id, '2026-11-01', 12, 3000 + id % 7000, '2026-12-01', $1 FROM service_accounts`,
      [DAY],
    );
    await c.query(
      `INSERT INTO ledger_entries (account_id, kind, amount_fen, bill_id)
       SELECT account_id, 'bill', total_fen, id FROM bills`,
    );
    await c.query(
      `INSERT INTO users (id, email, name) VALUES ('bench-resident', 'bench@example.com', 'Bench')`,
    );
    await c.query(
      `INSERT INTO mandates (account_id, status, currency, method_type, method_label, method_last4,
                             provider_customer_id, provider_payment_method_id, created_by_user_id,
                             activated_at)
       SELECT id, 'active', 'CNY', 'card', 'visa', '4242', 'cus_bench' || id, 'pm_bench' || id,
              'bench-resident', now()
         FROM service_accounts`,
    );
    // The saved cards, as the sandbox's hosted page would have stored them; every 50th declines.
    await c.query(
      `INSERT INTO sandbox_stripe_objects (id, type, data)
       SELECT 'pm_bench' || id, 'payment_method', jsonb_build_object(
                'id', 'pm_bench' || id, 'object', 'payment_method', 'type', 'card',
                'customer', 'cus_bench' || id, 'created', 1795000000, 'livemode', false,
                'card', jsonb_build_object('brand', 'visa', 'last4', '4242', 'exp_month', 12,
                                           'exp_year', 2034, 'country', 'US'),
                'sandbox', jsonb_build_object('behaviour', CASE WHEN id % $1 = 0
                  THEN jsonb_build_object('charge', 'decline', 'code', 'card_declined',
                                          'message', 'Your card was declined.')
                  ELSE jsonb_build_object('charge', 'succeed') END))
         FROM service_accounts`,
      [DECLINE_EVERY],
    );
    // Planned and announced 14 days ago: today is their collection day.
    await c.query(
      `INSERT INTO collections (mandate_id, account_id, bill_id, amount_fen, currency, collect_on,
                                notice_by, notice_sent_at, status, next_attempt_on)
       SELECT m.id, m.account_id, b.id, b.total_fen, 'CNY', $1, ($1::date - 14), now(),
              'notified', $1
         FROM mandates m JOIN bills b ON b.account_id = m.account_id`,
      [DAY],
    );
    await c.query('COMMIT');
    await c.query('VACUUM ANALYZE');
  });
  console.log(
    `▸ ${MANDATES.toLocaleString('en')} active mandates with a bill due ${DAY} (seeded in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
}

type TWorkerResult = TCollectionDayResult & { eventsEmitted: number };

/** The code a collection-day process runs, with the sandbox's events counted, not delivered. */
async function loadCollectionCode() {
  const { collectDueCollections } =
    await import('../src/server/direct-debit/collect-due-collections');
  const { installSandboxEventSink } = await import('../src/server/payments/sandbox/events');
  const sink = { eventsEmitted: 0 };
  // Events are stored by the sandbox as usual; their delivery is bench:webhooks' subject.
  installSandboxEventSink(async (plan) => {
    sink.eventsEmitted += plan.length;
  });
  return { collectDueCollections, sink };
}

/**
 * A worker process (BENCH_WORKER=1): loads the collection code, says `ready`, waits for `go` on
 * stdin, works the day until nothing is left to claim, and prints its result as JSON.
 */
async function workerMain() {
  const { collectDueCollections, sink } = await loadCollectionCode();
  const { closeDatabase } = await import('../src/server/db');
  const lines = createInterface({ input: process.stdin });
  console.log('ready');
  await new Promise<void>((resolve) => lines.once('line', () => resolve()));
  const result = await collectDueCollections({ today: DAY });
  await closeDatabase();
  console.log(JSON.stringify({ ...result, eventsEmitted: sink.eventsEmitted }));
  lines.close();
}

type TWorker = { child: ChildProcess; ready: Promise<void>; result: Promise<TWorkerResult> };

function startWorker(): TWorker {
  const child = spawn(
    process.execPath,
    [...process.execArgv, process.argv[1] ?? 'bench/collections.ts'],
    {
      env: {
        ...process.env,
        DATABASE_URL: dbUrl.toString(),
        STRIPE_SANDBOX_CHAOS: 'false',
        BENCH_WORKER: '1',
      },
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout! });
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const result = new Promise<TWorkerResult>((resolve, reject) => {
    lines.on('line', (line) => {
      if (line === 'ready') markReady();
      else if (line.startsWith('{')) resolve(JSON.parse(line) as TWorkerResult);
    });
    child.on('exit', (code) =>
      code === 0 ? undefined : reject(new Error(`worker exited with ${code}`)),
    );
  });
  return { child, ready, result };
}

async function main() {
  await prepareDatabase();
  process.env.DATABASE_URL = dbUrl.toString();
  process.env.STRIPE_SANDBOX_CHAOS = 'false';
  const { getStripe } = await import('../src/server/payments/get-stripe');
  const { closeDatabase } = await import('../src/server/db');
  const { env } = await import('../src/env');

  const load = () => {
    const r = spawnSync('uptime', [], { encoding: 'utf8' });
    return r.stdout.trim().replace(/^.*load average:\s*/, '');
  };
  // 1. The collection day, in WORKERS processes sharing it through the SKIP LOCKED claims.
  const workers = Array.from({ length: WORKERS }, () => startWorker());
  await Promise.all(workers.map((w) => w.ready));
  console.log(
    `▸ load average before: ${load()}; ${WORKERS} worker process(es), concurrency ${env.DIRECT_DEBIT_CONCURRENCY} each`,
  );
  const t0 = performance.now();
  for (const w of workers) w.child.stdin?.end('go\n');
  const parts = await Promise.all(workers.map((w) => w.result));
  const daySeconds = (performance.now() - t0) / 1000;
  const result = parts.reduce((sum, part) => {
    for (const key of Object.keys(sum) as (keyof TWorkerResult)[]) sum[key] += part[key];
    return sum;
  });
  const eventsEmitted = result.eventsEmitted;

  // 2. Baseline: the same SDK call on the same sandbox, nothing of ours around it (this process).
  await loadCollectionCode();
  const stripe = getStripe();
  let next = 0;
  const t1 = performance.now();
  await Promise.all(
    Array.from({ length: env.DIRECT_DEBIT_CONCURRENCY }, async () => {
      while (next < BASELINE_CALLS) {
        const i = next++;
        const account = (i % MANDATES) + 1;
        // Only accounts whose card succeeds, so every baseline call is a full success.
        const id = account % DECLINE_EVERY === 0 ? account + 1 : account;
        await stripe.paymentIntents.create(
          {
            amount: 3000,
            currency: 'cny',
            customer: `cus_bench${id}`,
            payment_method: `pm_bench${id}`,
            off_session: true,
            confirm: true,
            metadata: { baseline: String(i) },
          },
          { idempotencyKey: `bench-baseline-${i}` },
        );
      }
    }),
  );
  const baseSeconds = (performance.now() - t1) / 1000;
  await closeDatabase();
  const loadAfter = load();

  const counts = await withClient(dbUrl.toString(), async (c) => {
    const { rows } = await c.query<{
      processing: number;
      retry: number;
      other: number;
      payments: number;
      intents: number;
      attempts: number;
    }>(
      `SELECT (SELECT count(*)::int FROM collections WHERE status = 'processing') AS processing,
              (SELECT count(*)::int FROM collections WHERE status = 'notified' AND attempt_count = 1) AS retry,
              (SELECT count(*)::int FROM collections WHERE status NOT IN ('processing', 'notified')) AS other,
              (SELECT count(*)::int FROM payments WHERE channel = 'direct_debit') AS payments,
              (SELECT count(DISTINCT provider_payment_intent_id)::int FROM collection_attempts) AS intents,
              (SELECT count(*)::int FROM collection_attempts) AS attempts`,
    );
    return rows[0]!;
  });
  const expectedDeclines = Math.floor(MANDATES / DECLINE_EVERY);
  const checks = {
    'every mandate attempted once': counts.attempts === MANDATES,
    'one payment per attempt': counts.payments === MANDATES,
    'one PaymentIntent per attempt': counts.intents === MANDATES,
    'declines planned for a retry': counts.retry === expectedDeclines,
    'accepted collections processing': counts.processing === MANDATES - expectedDeclines,
  };

  const perSecond = result.attempted / daySeconds;
  const basePerSecond = BASELINE_CALLS / baseSeconds;
  console.table({
    [`collection day (${WORKERS} processes)`]: {
      seconds: +daySeconds.toFixed(2),
      'per s': Math.round(perSecond),
      attempted: result.attempted,
      succeeded: result.succeeded,
      declined: result.declined,
      unanswered: result.unanswered,
    },
    'baseline: raw sandbox PaymentIntent create': {
      seconds: +baseSeconds.toFixed(2),
      'per s': Math.round(basePerSecond),
      attempted: BASELINE_CALLS,
    },
  });
  console.table(checks);
  console.log(
    `collections/s ${Math.round(perSecond)} (goal ≥ 1,000); ratio to the raw sandbox PaymentIntent rate ${(perSecond / basePerSecond).toFixed(2)}; events emitted ${eventsEmitted.toLocaleString('en')}; load average after: ${loadAfter}`,
  );
  if (Object.values(checks).includes(false)) process.exit(1);
}

(process.env.BENCH_WORKER === '1' ? workerMain() : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
