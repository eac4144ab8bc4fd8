/**
 * `npm run bench:memory` — does a `next start` under steady dashboard load keep finished
 * requests alive? Prints the heap left after each full GC (V8's `--trace-gc` mark-compacts)
 * over BENCH_SECONDS (60) of load, and the growth per minute of load.
 *
 * Uses the database and build bench:pages leaves (wanjia_bench_pages, .next-bench): run that
 * first. 16 connections, a random bench resident per request, like bench:pages.
 *
 * Why it exists: a heap snapshot after a minute of dashboards held 5,468 finished responses.
 * Node stamps each async resource with the AsyncLocalStorage stores active where it is made,
 * React ends each render by aborting its cache signal with an Error whose unformatted stack holds
 * the immediates it ran in, and Node's executed immediates still point to the next ones: any
 * object the process keeps that was made inside a render (a pool socket, a cached promise) holds
 * that render and, through the chain, every render after it. src/server/process/
 * outside-requests.ts moves our anchors out of requests and cuts the chain (the abort reason's
 * stack is formatted at once); this shows that it stays cut. A healthy server's heap after full
 * GC stays level (≈ 75 MB here): the ratio printed, last full GC's heap to the first's under
 * the same load, is then ≈ 1 (before the fix: 2 to 4 within a minute).
 */
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import { encode } from 'next-auth/jwt';
import pg from 'pg';
import { withServerNodeOptions } from '../scripts/server-node-options';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const PORT = 3302;
const BASE = `http://localhost:${PORT}`;
const SECRET = 'bench-secret-bench-secret-bench-secret-0001';
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  console.error('bench:memory runs on PostgreSQL: set DATABASE_URL (then run bench:pages once).');
  process.exit(2);
}
const dbUrl = new URL(serverUrl);
dbUrl.pathname = `/${process.env.BENCH_DB ?? 'wanjia_bench_pages'}`;

const db = new pg.Client({ connectionString: dbUrl.toString() });
await db.connect();
const { rows } = await db.query<{ id: string; role: string }>(
  `select id, role from users where email like 'bench-%@bench.wanjia.example' order by random() limit 2000`,
);
await db.end();
if (rows.length === 0) throw new Error('no bench residents: run `npm run bench:pages` first');
const cookies = await Promise.all(
  rows.map(
    async (r) =>
      `authjs.session-token=${await encode({ salt: 'authjs.session-token', secret: SECRET, token: { sub: r.id, role: r.role } })}`,
  ),
);

const env: NodeJS.ProcessEnv = withServerNodeOptions({
  ...process.env,
  NODE_ENV: 'production' as const,
  DATABASE_URL: dbUrl.toString(),
  NEXT_DIST_DIR: process.env.BENCH_DIST ?? '.next-bench',
  AUTH_SECRET: SECRET,
  AUTH_URL: BASE,
  AUTH_TRUST_HOST: 'true',
  APP_URL: BASE,
});
// --trace-gc is refused in NODE_OPTIONS: it goes to node itself.
const server = spawn(
  process.execPath,
  ['--trace-gc', 'node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', String(PORT)],
  { env, stdio: ['ignore', 'pipe', 'inherit'] },
);
const started = Date.now();
const afterFullGc: { atS: number; mb: number; pauseMs: number }[] = [];
let buffered = '';
server.stdout?.on('data', (chunk: Buffer) => {
  buffered += chunk.toString('utf8');
  const lines = buffered.split('\n');
  buffered = lines.pop() ?? '';
  for (const line of lines) {
    const m = /Mark-Compact[^,]*?-> ([\d.]+) \([\d.]+\) MB, ([\d.]+)/.exec(line);
    if (m) {
      afterFullGc.push({
        atS: (Date.now() - started) / 1000,
        mb: Number(m[1]),
        pauseMs: Number(m[2]),
      });
    }
  }
});

try {
  for (let i = 0; ; i++) {
    if (i > 120) throw new Error('server did not start');
    const up = await fetch(`${BASE}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const loadFrom = (Date.now() - started) / 1000;
  const result = await autocannon({
    url: `${BASE}/dashboard`,
    connections: 16,
    duration: SECONDS,
    requests: [
      {
        setupRequest: (req) => ({
          ...req,
          headers: {
            ...req.headers,
            cookie: cookies[Math.floor(Math.random() * cookies.length)] ?? '',
          },
        }),
      },
    ],
  });
  const under = afterFullGc.filter((g) => g.atS >= loadFrom + 5);
  console.log(
    `\nbench:memory — ${result.requests.total.toLocaleString()} dashboards in ${SECONDS} s (${result.requests.average.toFixed(0)} req/s, non-2xx ${result.non2xx})\n`,
  );
  console.log('s of load   heap after full GC   pause');
  for (const g of under) {
    console.log(
      `${(g.atS - loadFrom).toFixed(0).padStart(9)} ${g.mb.toFixed(0).padStart(15)} MB ${g.pauseMs.toFixed(0).padStart(6)} ms`,
    );
  }
  const first = under[0];
  const last = under.at(-1);
  if (first && last && last !== first) {
    const perMinute = ((last.mb - first.mb) / (last.atS - first.atS)) * 60;
    console.log(
      `\ngrowth: ${perMinute.toFixed(0)} MB per minute of load (a server that keeps nothing: ≈ 0)`,
    );
    console.log(
      `ratio: heap after the last full GC / after the first: ${(last.mb / first.mb).toFixed(2)} (≈ 1 when nothing is kept)`,
    );
    console.log(`longest full-GC pause: ${Math.max(...under.map((g) => g.pauseMs)).toFixed(0)} ms`);
  } else {
    console.log('\n(fewer than two full GCs under load: run longer with BENCH_SECONDS)');
  }
} finally {
  server.kill('SIGTERM');
}
