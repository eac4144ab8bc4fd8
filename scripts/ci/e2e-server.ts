/**
 * The one web server of the Playwright run: a fresh database, migrated and seeded with a small
 * demo city, a production build in .next-e2e, and `next start` on port 3200.
 *
 * - DATABASE_URL set: creates `wanjia_e2e_<random>` on that server (dropped on shutdown).
 * - unset: a fresh PGlite directory `.data/e2e-<random>` (removed on shutdown). The server is the
 *   only process that opens it, and it runs the jobs itself.
 * - E2E_SKIP_BUILD=1 reuses an existing .next-e2e build (the build does not depend on the database).
 *
 * Playwright stops it with SIGTERM (gracefulShutdown in playwright.config.ts); child output goes to
 * .test-output/e2e-server.log.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { E2E_SEED_ARGV } from '../../tests/fixtures/e2e-seed';
import { E2E_BASE_URL, E2E_DIST_DIR, E2E_PORT } from './paths';
import { withServerNodeOptions } from '../server-node-options';

const root = path.resolve(import.meta.dirname, '../..');
const outDir = path.join(root, '.test-output');
mkdirSync(outDir, { recursive: true });
const logFile = path.join(outDir, 'e2e-server.log');
const log = createWriteStream(logFile, { flags: 'w' });
const suffix = randomBytes(4).toString('hex');
const baseDatabaseUrl = process.env.DATABASE_URL;

let databaseName: string | null = null;
let pgliteDir: string | null = null;
let server: ChildProcess | null = null;
let stopping = false;

function say(message: string) {
  log.write(`[e2e-server] ${message}\n`);
  process.stderr.write(`[e2e-server] ${message}\n`);
}

function databaseUrlFor(name: string): string {
  const url = new URL(baseDatabaseUrl ?? '');
  url.pathname = `/${name}`;
  return url.toString();
}

async function adminQuery(sql: string) {
  const admin = new Client({ connectionString: baseDatabaseUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

async function prepareDatabase(): Promise<Record<string, string>> {
  if (baseDatabaseUrl) {
    databaseName = `wanjia_e2e_${suffix}`;
    await adminQuery(`CREATE DATABASE ${databaseName}`);
    say(`database ${databaseName} on PostgreSQL`);
    return { DATABASE_URL: databaseUrlFor(databaseName), JOBS_IN_SERVER: 'true' };
  }
  pgliteDir = path.join('.data', `e2e-${suffix}`);
  say(`database PGlite at ${pgliteDir}`);
  return { PGLITE_DIR: pgliteDir };
}

function appEnv(database: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...database,
    NEXT_DIST_DIR: E2E_DIST_DIR,
    AUTH_URL: E2E_BASE_URL,
    AUTH_TRUST_HOST: 'true',
    APP_URL: E2E_BASE_URL,
    AUTH_SECRET: 'e2e-test-secret-0123456789-abcdefghijklmn',
    OUTBOX_PAGE_ENABLED: 'true',
    // No Stripe key: payments go to the offline sandbox (in production only when asked for).
    STRIPE_SANDBOX_ENABLED: 'true',
    // Each test sends its own X-Forwarded-For (tests/fixtures/e2e.ts), so the per-IP throttles
    // count each test as a separate client instead of all of them as 127.0.0.1.
    TRUST_PROXY: 'true',
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_BUILD_SKIP_TYPECHECK: '1',
  };
  if (!database.DATABASE_URL) delete env.DATABASE_URL;
  return env;
}

function runStep(label: string, command: string, args: string[], env: NodeJS.ProcessEnv) {
  say(`${label}…`);
  const started = Date.now();
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) {
        say(`${label} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        resolve();
      } else {
        reject(new Error(`${label} failed (${signal ?? `exit ${code}`}); see ${logFile}`));
      }
    });
  });
}

/**
 * The migrate, seed and billing steps each take the PGlite lock and drop it when their process
 * exits. Waits (up to 15 s) until the last one has, so `next start` does not meet a lock its
 * holder is about to drop: a server started at once after the steps was seen refusing with
 * "in use by process N" while N was still exiting (or N's number had just been reused).
 */
async function waitForLockRelease(lockPath: string) {
  for (let waited = 0; existsSync(lockPath) && waited < 15_000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (existsSync(lockPath)) say(`the lock ${lockPath} is still held; starting anyway`);
}

/**
 * `next build` with a custom distDir adds `<distDir>/types` to tsconfig.json's include list;
 * put the file back so a test run leaves the checkout as it found it.
 */
async function buildWithoutTouchingTsconfig(next: string, env: NodeJS.ProcessEnv) {
  const tsconfig = path.join(root, 'tsconfig.json');
  const original = readFileSync(tsconfig);
  try {
    await runStep('next build', next, ['build'], env);
  } finally {
    if (!readFileSync(tsconfig).equals(original)) writeFileSync(tsconfig, original);
  }
}

async function cleanUp() {
  if (databaseName) {
    const name = databaseName;
    databaseName = null;
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch((e: unknown) =>
      say(`could not drop ${name}: ${String(e)}`),
    );
  }
  if (pgliteDir && process.env.E2E_KEEP_DATA !== '1') {
    rmSync(path.join(root, pgliteDir), { recursive: true, force: true });
    rmSync(path.join(root, `${pgliteDir}.lock`), { force: true });
    pgliteDir = null;
  }
}

async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    server.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    if (server.exitCode === null) server.kill('SIGKILL');
  }
  await cleanUp();
  log.end();
  process.exit(code);
}

process.on('SIGTERM', () => void stop(0));
process.on('SIGINT', () => void stop(0));

function tailOfLog(): string {
  try {
    return readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
  } catch {
    return '';
  }
}

async function main() {
  const env = appEnv(await prepareDatabase());
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  await runStep('migrate', npm, ['run', 'db:migrate'], env);
  await runStep('seed', npm, ['run', 'seed', '--', ...E2E_SEED_ARGV], env);
  // Bills for every seeded month, through the real billing run (bills, PDFs, reports read them).
  await runStep('billing', npm, ['run', 'billing'], env);
  const next = path.join(root, 'node_modules', '.bin', 'next');
  const hasBuild = existsSync(path.join(root, E2E_DIST_DIR, 'BUILD_ID'));
  if (process.env.E2E_SKIP_BUILD === '1' && hasBuild) {
    say(`reusing the build in ${E2E_DIST_DIR}`);
  } else {
    await buildWithoutTouchingTsconfig(next, env);
  }
  if (pgliteDir) await waitForLockRelease(path.join(root, `${pgliteDir}.lock`));
  say(`next start on ${E2E_BASE_URL}`);
  server = spawn(next, ['start', '-H', '127.0.0.1', '-p', String(E2E_PORT)], {
    cwd: root,
    env: withServerNodeOptions(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.pipe(log, { end: false });
  server.stderr?.pipe(log, { end: false });
  server.on('exit', (code, signal) => {
    if (stopping) return;
    say(`next start exited (${signal ?? `exit ${code}`})\n${tailOfLog()}`);
    void stop(1);
  });
}

main().catch((error: unknown) => {
  say(`${error instanceof Error ? error.message : String(error)}\n${tailOfLog()}`);
  void stop(1);
});
