/**
 * `npm test`: type check, lint, unit, integration and end-to-end tests, ending with ONE line
 * `N passed, N failed` that sums every runner (type check and lint count as one check each).
 *
 *   npm test                                 everything; PGlite unless DATABASE_URL is set
 *   npm test -- --only integration,e2e       a subset (.ci/run's second pass)
 *   npm test -- --counts-file FILE           also write the counts as JSON (for .ci/run)
 *   npm test -- --e2e-grep-invert @a11y      leave out the e2e tests with that tag
 *
 * On a fresh machine it first installs the Debian packages the tests need (as root), or names
 * the one command to run. Exit code is non-zero when anything failed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  countCheck,
  countPlaywright,
  countVitest,
  formatCounts,
  sumCounts,
  type TCounts,
  type TPlaywrightReport,
  type TVitestReport,
} from './ci/count-results';
import { ensureSystemPackages } from './ci/ensure-system-packages';
import { PLAYWRIGHT_REPORT_FILE } from './ci/paths';

const STEPS = ['typecheck', 'lint', 'unit', 'integration', 'e2e'] as const;
type TStep = (typeof STEPS)[number];

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, '.test-output');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    'counts-file': { type: 'string' },
    'e2e-grep-invert': { type: 'string' },
  },
});

const selected: TStep[] = values.only
  ? values.only.split(',').map((s) => {
      const step = STEPS.find((known) => known === s.trim());
      if (!step) throw new Error(`Unknown step "${s}". Known: ${STEPS.join(', ')}`);
      return step;
    })
  : [...STEPS];

if (!ensureSystemPackages()) process.exit(2);
mkdirSync(outDir, { recursive: true });

function run(label: string, command: string, args: string[]): number {
  console.log(`\n▶ ${label}: ${[path.basename(command), ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.error) console.error(result.error.message);
  return result.status ?? 1;
}

function readJson<T>(file: string): T | null {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

function runVitest(project: 'unit' | 'integration'): TCounts {
  const report = path.join(outDir, `vitest-${project}.json`);
  rmSync(report, { force: true });
  const code = run(project, bin('vitest'), [
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  return countVitest(readJson<TVitestReport>(report), code);
}

function runPlaywright(): TCounts {
  const report = path.join(root, PLAYWRIGHT_REPORT_FILE);
  rmSync(report, { force: true });
  const grepInvert = values['e2e-grep-invert'];
  const code = run('e2e', bin('playwright'), [
    'test',
    ...(grepInvert ? ['--grep-invert', grepInvert] : []),
  ]);
  return countPlaywright(readJson<TPlaywrightReport>(report), code);
}

/**
 * Runs a check with its output held back, printed whole when it ends: the type check and the
 * lint are single-threaded, so on two cores they run side by side without mixing their output.
 */
function runQuietly(label: string, command: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env: process.env });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', (error) => {
      chunks.push(Buffer.from(`${error.message}\n`));
    });
    child.on('close', (code) => {
      console.log(`\n▶ ${label}: ${[path.basename(command), ...args].join(' ')}`);
      process.stdout.write(Buffer.concat(chunks));
      resolve(code ?? 1);
    });
  });
}

const CHECKS: Record<'typecheck' | 'lint', [string, string[]]> = {
  typecheck: [bin('tsc'), ['--noEmit']],
  lint: ['npm', ['run', '--silent', 'lint']],
};

const results: { step: TStep; counts: TCounts; seconds: number }[] = [];
const checks = selected.filter((step) => step === 'typecheck' || step === 'lint');
await Promise.all(
  checks.map(async (step) => {
    const started = Date.now();
    const [command, args] = CHECKS[step];
    const counts = countCheck(await runQuietly(step, command, args));
    results.push({ step, counts, seconds: Math.round((Date.now() - started) / 1000) });
  }),
);
results.sort((a, b) => STEPS.indexOf(a.step) - STEPS.indexOf(b.step));

for (const step of selected) {
  const started = Date.now();
  let counts: TCounts;
  switch (step) {
    case 'typecheck':
    case 'lint':
      continue;
    case 'unit':
    case 'integration':
      counts = runVitest(step);
      break;
    case 'e2e':
      counts = runPlaywright();
      break;
  }
  results.push({ step, counts, seconds: Math.round((Date.now() - started) / 1000) });
}

const total = sumCounts(results.map((r) => r.counts));
const database = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
console.log(`\nSummary (${database}):`);
for (const { step, counts, seconds } of results) {
  console.log(`  ${step.padEnd(12)} ${formatCounts(counts).padEnd(24)} ${seconds} s`);
}
if (values['counts-file']) {
  writeFileSync(values['counts-file'], JSON.stringify({ ...total, database, results }, null, 2));
}
console.log(formatCounts(total));
process.exit(total.failed > 0 ? 1 : 0);
