/**
 * `npm run demo`: a fresh clone to a running Wanjia on http://localhost:3000 with no
 * PostgreSQL needed. Migrates the embedded database, seeds the demo city once, builds,
 * prints the demo sign-ins and starts `next start` (which also runs the background jobs).
 */
import { spawn, spawnSync } from 'node:child_process';
import { withServerNodeOptions } from './server-node-options';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

const PORT = process.env.PORT ?? '3000';
const DATA = path.resolve('.data');

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`\n✗ ${command} ${args.join(' ')} failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
}

/** A secret kept in .data so sessions survive restarts of the demo. */
function demoSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  mkdirSync(DATA, { recursive: true });
  const file = path.join(DATA, 'auth-secret');
  if (!existsSync(file))
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

async function isSeeded(): Promise<boolean> {
  const { openDatabase } = await import('../src/server/db/open-database');
  const handle = await openDatabase();
  try {
    const { rows } = await handle.query<{ n: number }>(
      'select count(*)::int as n from service_accounts',
    );
    return (rows[0]?.n ?? 0) > 0;
  } finally {
    await handle.close();
  }
}

const tsx = ['tsx', '--conditions=react-server'];
const url = `http://localhost:${PORT}`;
const env: NodeJS.ProcessEnv = {
  ...process.env,
  AUTH_SECRET: demoSecret(),
  AUTH_URL: process.env.AUTH_URL ?? url,
  AUTH_TRUST_HOST: 'true',
  APP_URL: process.env.APP_URL ?? url,
  // No SMTP in the demo: mail is kept and shown at /dev/outbox.
  OUTBOX_PAGE_ENABLED: process.env.OUTBOX_PAGE_ENABLED ?? 'true',
  // No Stripe key in the demo: pay through the offline sandbox (test cards, no real money).
  STRIPE_SANDBOX_ENABLED: process.env.STRIPE_SANDBOX_ENABLED ?? 'true',
};

console.log('▸ Applying migrations');
run('npx', [...tsx, 'scripts/migrate.ts'], env);

if (await isSeeded()) {
  console.log('▸ Demo city already seeded (delete .data/ to start over)');
} else {
  console.log('▸ Seeding the demo city (2,000 households × 24 months)');
  run('npx', [...tsx, 'scripts/seed.ts'], env);
}

// Idempotent: months already billed are skipped, so a restart only finishes what is missing.
console.log('▸ Billing the seeded months (water and electricity)');
run('npx', [...tsx, 'scripts/billing.ts', '--utility', 'all'], env);

// Residents have paid their earlier bills (as succeeded payments), and owe only the latest.
console.log('▸ Recording the payments of earlier bills');
run('npx', [...tsx, 'scripts/settle-demo-history.ts'], env);

// The reminders a running system would have sent for the latest bills, if they are overdue.
console.log('▸ Reminding residents of overdue bills');
run('npx', [...tsx, 'scripts/remind-overdue-bills.ts'], env);

console.log('▸ Building');
run('npx', ['next', 'build'], { ...env, NODE_ENV: 'production' });

const { DEMO_PASSWORD, DEMO_PEOPLE } = await import('./seed/demo-people');
console.log(`\nWanjia is starting at ${url}\n`);
console.log('Demo sign-ins (password for all: ' + DEMO_PASSWORD + ')');
for (const person of DEMO_PEOPLE) console.log(`  ${person.role.padEnd(11)} ${person.email}`);
console.log(`\nMail is not sent in the demo: read it at ${url}/dev/outbox\n`);

// Next's own binary, not npx: Ctrl-C must reach the server itself.
const server = spawn('node_modules/.bin/next', ['start', '-H', '127.0.0.1', '-p', PORT], {
  stdio: 'inherit',
  env: withServerNodeOptions({ ...env, NODE_ENV: 'production' }),
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code) => process.exit(code ?? 0));
