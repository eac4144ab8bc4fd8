/**
 * npm run seed -- --households N --months M --seed S [--end YYYY-MM] [--reset]
 * Migrates, then writes the demo city (PGlite by default, PostgreSQL when DATABASE_URL is set).
 */
import { env } from '@/env';
import { migrateDatabase } from '@/server/db/migrate-database';
import { openDatabase } from '@/server/db/open-database';
import { DEMO_PASSWORD, DEMO_USERS } from './seed/demo-people';
import { parseSeedArgs } from './seed/parse-seed-args';
import { seedDatabase } from './seed/seed-database';

async function main(): Promise<number> {
  let cli;
  try {
    cli = parseSeedArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    console.error(
      'Usage: npm run seed -- [--households N] [--months M] [--seed S] [--end YYYY-MM] [--reset]',
    );
    return 2;
  }
  const where = env.DATABASE_URL ? 'PostgreSQL' : `PGlite at ${env.PGLITE_DIR}`;
  const handle = await openDatabase();
  try {
    await migrateDatabase(handle);
    const { households, months, seed, end } = cli.args;
    console.log(
      `Seeding ${households.toLocaleString('en')} households × ${months} months (seed ${seed}, ending ${end}) into ${where}…`,
    );
    const result = await seedDatabase(handle, cli.args, { reset: cli.reset });
    if (!result.ok) {
      console.error(
        'The database already holds data; nothing was written. Run again with --reset to empty it first.',
      );
      return 1;
    }
    const total = Object.values(result.counts).reduce((a, b) => a + b, 0);
    console.table(result.counts);
    console.log(
      `${total.toLocaleString('en')} rows in ${result.seconds.toFixed(1)} s (${Math.round(total / result.seconds).toLocaleString('en')} rows/s).`,
    );
    console.log(`\nDemo sign-ins (password for all: ${DEMO_PASSWORD}):`);
    for (const user of DEMO_USERS) {
      const holds = user.households.length ? `  households ${user.households.join(', ')}` : '';
      console.log(`  ${user.email.padEnd(28)} ${user.role.padEnd(10)} ${user.name}${holds}`);
    }
    return 0;
  } finally {
    await handle.close();
  }
}

process.exitCode = await main();
