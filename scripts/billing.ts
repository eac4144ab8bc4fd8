/**
 * npm run billing -- [--utility water|electricity|all] [--from YYYY-MM] [--to YYYY-MM]
 *
 * Bills months through the real billing run (the same code a staff run's job executes), in
 * this process, oldest month first so each month's tiers see the usage billed before it.
 * Without --from/--to: every month that has readings (the demo bills its seeded history so).
 * Safe to repeat: a completed month is left alone, a half-done one resumes.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { env } from '@/env';
import { executeBillingRun, startBillingRun } from '@/server/billing';
import { closeDatabase, getDatabaseHandle } from '@/server/db';
import { UTILITIES, type TUtility } from '@/server/db/schema';

const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM');
const ZBillingCliSchema = z.object({
  utility: z.enum(['water', 'electricity', 'all']).default('all'),
  from: ZMonth.optional(),
  to: ZMonth.optional(),
});

function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}-01`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

async function main(): Promise<number> {
  let cli: z.infer<typeof ZBillingCliSchema>;
  try {
    const { values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        utility: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
      },
      strict: true,
    });
    const parsed = ZBillingCliSchema.safeParse(values);
    if (!parsed.success) {
      throw new Error(
        parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'),
      );
    }
    cli = parsed.data;
  } catch (error) {
    console.error((error as Error).message);
    console.error(
      'Usage: npm run billing -- [--utility water|electricity|all] [--from YYYY-MM] [--to YYYY-MM]',
    );
    return 2;
  }
  const handle = await getDatabaseHandle();
  const { rows } = await handle.query<{ first: string | null; last: string | null }>(
    `SELECT to_char(min(period), 'YYYY-MM') AS first, to_char(max(period), 'YYYY-MM') AS last
       FROM meter_readings`,
  );
  const from = cli.from ?? rows[0]?.first;
  const to = cli.to ?? cli.from ?? rows[0]?.last;
  if (!from || !to) {
    console.log('No readings to bill.');
    return 0;
  }
  if (from > to) {
    console.error('--from must not be after --to.');
    return 2;
  }
  const utilities: readonly TUtility[] = cli.utility === 'all' ? UTILITIES : [cli.utility];
  const where = env.DATABASE_URL ? 'PostgreSQL' : `PGlite at ${env.PGLITE_DIR}`;
  console.log(`Billing ${utilities.join(' + ')} from ${from} to ${to} on ${where}…`);
  let failures = 0;
  for (const period of monthsBetween(from, to)) {
    for (const utility of utilities) {
      const started = performance.now();
      const start = await startBillingRun({ actor: null, utility, period, enqueue: false });
      if (!start.ok) {
        console.error(`  ${period.slice(0, 7)} ${utility}: ${start.error}`);
        failures += 1;
        continue;
      }
      if (start.outcome === 'already_completed') {
        console.log(`  ${period.slice(0, 7)} ${utility.padEnd(11)} already billed`);
        continue;
      }
      const result = await executeBillingRun(start.runId);
      if (!result.ok) {
        console.error(`  ${period.slice(0, 7)} ${utility}: ${result.error}`);
        failures += 1;
        continue;
      }
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `  ${period.slice(0, 7)} ${utility.padEnd(11)} ${result.billed.toLocaleString('en')} bills, ` +
          `${result.heldBack.toLocaleString('en')} held back for staff (${seconds.toFixed(1)} s)`,
      );
    }
  }
  return failures === 0 ? 0 : 1;
}

let code = 1;
try {
  code = await main();
} catch (error) {
  console.error('Billing failed:', error);
} finally {
  await closeDatabase();
}
process.exit(code);
