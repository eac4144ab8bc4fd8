/**
 * `npm run bench:webhooks` — signed Stripe webhooks through `next start`, on PostgreSQL.
 *
 * Builds into .next-bench-webhooks and serves on :3310 with its own database
 * (wanjia_bench_webhooks, re-created each run). 10,000 accounts each owe one bill and have one
 * pending checkout payment; 10,000 distinct `payment_intent.succeeded` events plus 3,000
 * duplicates of them, shuffled, each signed as Stripe signs, are POSTed concurrently to
 * /api/webhooks/stripe. Prints events/s and the ratio to /health (an empty dynamic page on the
 * same server, the framework's ceiling) measured in the same run, and checks that exactly
 * 10,000 effects happened (one ledger entry and one recorded event per payment).
 * Goals: ≥ 300 events/s, ratio ≥ 0.5.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import autocannon from 'autocannon';
import pg from 'pg';
import { withServerNodeOptions } from '../scripts/server-node-options';
import Stripe from 'stripe';

const EVENTS = 10_000;
const DUPLICATES = 3_000;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const PORT = 3310;
const BASE = `http://localhost:${PORT}`;
const SECRET = 'bench-webhooks-only-not-a-real-secret-0000000';
/** The sandbox's fixed webhook secret (src/server/payments/payment-settings.ts). */
const WEBHOOK_SECRET = 'whsec_wanjia_offline_sandbox_not_a_real_secret';

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  console.error(
    'bench:webhooks runs on PostgreSQL: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres).',
  );
  process.exit(1);
}
const dbName = process.env.BENCH_DB ?? 'wanjia_bench_webhooks';
const dbUrl = new URL(serverUrl);
dbUrl.pathname = `/${dbName}`;

function sh(command: string, args: string[], env: NodeJS.ProcessEnv) {
  const r = spawnSync(command, args, { stdio: 'inherit', env });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

async function prepareDatabase(): Promise<string[]> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.query(`create database ${dbName}`);
  await admin.end();
  sh('npx', ['tsx', '--conditions=react-server', 'scripts/migrate.ts'], {
    ...process.env,
    DATABASE_URL: dbUrl.toString(),
  });
  const db = new pg.Client({ connectionString: dbUrl.toString() });
  await db.connect();
  await db.query(`
    insert into districts (code, name_zh, name_en) values ('BENCH', '压测区', 'Bench');
    insert into premises (district_id, address_zh, address_en, household_size)
      select (select id from districts where code = 'BENCH'), '压测路' || g, 'Bench Road ' || g, 2
        from generate_series(1, ${EVENTS}) g;
    insert into service_accounts (account_number, utility, premises_id, holder_name, verification_code, opened_on)
      select lpad((1000000000 + p.id)::text, 10, '0'), 'water', p.id, '测试' || p.id, '123456', '2020-01-01'
        from premises p;
    insert into bills (account_id, period, usage, total_fen, issued_on, due_on)
      select id, '2026-10-01', '10', 2000 + (id % 5000), '2026-11-01', '2026-11-21' from service_accounts;
    insert into ledger_entries (account_id, kind, amount_fen, bill_id)
      select account_id, 'bill', total_fen, id from bills;
  `);
  const ids = Array.from(
    { length: EVENTS },
    () =>
      `pay_${randomBytes(13)
        .toString('hex')
        .replace(/[0189]/g, 'a')
        .slice(0, 26)}`,
  );
  await db.query(
    `insert into payments (id, account_id, channel, scope, amount_fen, status, receipt_token, provider_payment_intent_id)
     select t.id, b.account_id, 'checkout', 'balance', b.total_fen, 'pending', t.token, 'pi_' || t.id
       from unnest($1::text[], $2::text[]) with ordinality as t(id, token, n)
       join bills b on b.account_id = (select min(id) from service_accounts) + t.n - 1`,
    [ids, ids.map(() => randomBytes(20).toString('base64url'))],
  );
  // A running database has statistics (autovacuum); without them the planner hashes every
  // 'bill' ledger entry to find one account's open bills, on each of the 10,000 settlements
  // (EXPLAIN on the unanalysed bench database: 10,000 rows read per call).
  await db.query('analyze');
  const { rows } = await db.query<{ id: string; amount_fen: number }>(
    'select id, amount_fen from payments',
  );
  await db.end();
  if (rows.length !== EVENTS) throw new Error(`expected ${EVENTS} payments, made ${rows.length}`);
  return rows.map((r) => JSON.stringify({ id: r.id, amount: r.amount_fen }));
}

function startServer(): ChildProcess {
  const env = {
    ...process.env,
    NODE_ENV: 'production' as const,
    DATABASE_URL: dbUrl.toString(),
    NEXT_DIST_DIR: '.next-bench-webhooks',
    AUTH_SECRET: SECRET,
    AUTH_URL: BASE,
    AUTH_TRUST_HOST: 'true',
    APP_URL: BASE,
    STRIPE_SANDBOX_ENABLED: 'true',
    JOBS_IN_SERVER: 'false',
  };
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    const tsconfig = readFileSync('tsconfig.json', 'utf8');
    try {
      sh('npx', ['next', 'build'], env);
    } finally {
      writeFileSync('tsconfig.json', tsconfig);
    }
  }
  // BENCH_CPU_PROF=<dir> writes the server's CPU profile there when it stops (node --cpu-prof).
  const profileDir = process.env.BENCH_CPU_PROF;
  const args = ['node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', String(PORT)];
  return spawn(
    process.execPath,
    profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, ...args] : args,
    { env: withServerNodeOptions(env), stdio: ['ignore', 'ignore', 'inherit'] },
  );
}

async function waitUntilUp(): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${BASE}/health`)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('server did not start');
}

function event(payment: { id: string; amount: number }) {
  const created = Math.floor(Date.now() / 1000);
  return JSON.stringify({
    id: `evt_bench_${payment.id.slice(4)}`,
    object: 'event',
    api_version: '2026-10-28.endive',
    created,
    type: 'payment_intent.succeeded',
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: {
      object: {
        id: `pi_${payment.id}`,
        object: 'payment_intent',
        amount: payment.amount,
        amount_received: payment.amount,
        currency: 'cny',
        status: 'succeeded',
        latest_charge: `ch_${payment.id.slice(4)}`,
        last_payment_error: null,
        payment_method_types: ['card'],
        metadata: { payment_id: payment.id },
      },
    },
  });
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

type TRun = {
  rps: number;
  seconds: number;
  statuses: Record<string, number>;
  errors: number;
  /** What the failed requests were (ECONNRESET, 'request timed out', …), counted by kind. */
  errorKinds: Record<string, number>;
};

async function run(options: autocannon.Options): Promise<TRun> {
  const statuses: Record<string, number> = {};
  const errorKinds: Record<string, number> = {};
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, r) => (error ? reject(error) : resolve(r)));
    instance.on('response', (_client, status) => {
      statuses[status] = (statuses[status] ?? 0) + 1;
    });
    instance.on('reqError', (error: Error & { code?: string }) => {
      const kind = error.code ?? error.message;
      errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
    });
  });
  return {
    rps: result.requests.average,
    seconds: result.duration,
    statuses,
    errors: result.errors,
    errorKinds,
  };
}

const payments = (await prepareDatabase()).map(
  (s) => JSON.parse(s) as { id: string; amount: number },
);
const stripe = new Stripe('sk_test_bench', { telemetry: false });
const server = startServer();
try {
  await waitUntilUp();
  // Warm both routes (compiled code, connection pool); the webhook warm-up is refused (400).
  await run({ url: `${BASE}/health`, connections: 8, amount: 400 });
  await run({
    url: `${BASE}/api/webhooks/stripe`,
    method: 'POST',
    body: '{}',
    headers: { 'stripe-signature': 't=1,v1=00' },
    connections: 8,
    amount: 400,
  });

  const health = await run({ url: `${BASE}/health`, connections: CONNECTIONS, duration: 10 });
  console.log(`▸ /health: ${health.rps.toFixed(0)} req/s`);

  const picks = [
    ...payments,
    ...Array.from(
      { length: DUPLICATES },
      () => payments[Math.floor(Math.random() * payments.length)]!,
    ),
  ];
  const deliveries = shuffle(picks).map((p) => ({ body: event(p) }));
  let next = 0;
  const started = performance.now();
  const hooks = await run({
    url: `${BASE}/api/webhooks/stripe`,
    method: 'POST',
    connections: CONNECTIONS,
    amount: deliveries.length,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const d = deliveries[next++ % deliveries.length]!;
          // Signed as it is sent, as Stripe does: the timestamp must be within 300 s.
          const signature = stripe.webhooks.generateTestHeaderString({
            payload: d.body,
            secret: WEBHOOK_SECRET,
          });
          return {
            ...req,
            method: 'POST',
            body: d.body,
            headers: {
              ...req.headers,
              'content-type': 'application/json',
              'stripe-signature': signature,
            },
          };
        },
      },
    ],
  });
  const seconds = (performance.now() - started) / 1000;
  const eventsPerSecond = deliveries.length / seconds;

  const db = new pg.Client({ connectionString: dbUrl.toString() });
  await db.connect();
  const count = async (sql: string) => Number((await db.query<{ n: string }>(sql)).rows[0]?.n ?? 0);
  const effects = {
    ledger: await count(`select count(*) as n from ledger_entries where kind = 'payment'`),
    events: await count(`select count(*) as n from stripe_events`),
    succeeded: await count(`select count(*) as n from payments where status = 'succeeded'`),
    allocations: await count(`select count(*) as n from payment_allocations`),
  };
  await db.end();

  const ratio = eventsPerSecond / health.rps;
  console.log('');
  console.log(
    `machine: ${os.cpus().length} cores, load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    `posted:  ${deliveries.length.toLocaleString()} (${EVENTS.toLocaleString()} distinct + ${DUPLICATES.toLocaleString()} duplicates), ${CONNECTIONS} connections`,
  );
  console.log(
    `answers: ${JSON.stringify(hooks.statuses)}, errors ${hooks.errors} ${JSON.stringify(hooks.errorKinds)}`,
  );
  console.log(
    `webhooks: ${eventsPerSecond.toFixed(0)} events/s (${seconds.toFixed(1)} s)   goal ≥ 300`,
  );
  console.log(`/health:  ${health.rps.toFixed(0)} req/s`);
  console.log(`ratio:    ${ratio.toFixed(2)}   goal ≥ 0.5`);
  console.log(`effects:  ${JSON.stringify(effects)}   expected ${EVENTS} each`);
  const exact =
    effects.ledger === EVENTS &&
    effects.events === EVENTS &&
    effects.succeeded === EVENTS &&
    effects.allocations === EVENTS;
  if (!exact) {
    console.error('✗ effects are not exactly one per distinct event');
    process.exitCode = 1;
  } else {
    console.log('✓ exactly one effect per distinct event');
  }
} finally {
  server.kill('SIGTERM');
}
