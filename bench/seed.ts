/**
 * npm run bench:seed — the whole demo city (650,000 households × 12 months) into PostgreSQL,
 * against its anchor measured in the same run: a plain COPY of the same rows, generated into
 * memory beforehand, into a fresh database with the identical schema.
 * Goal: the city in ≤ 60 s, and seed / plain COPY ≤ 2.
 */
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { env } from '@/env';
import { migrateDatabase } from '@/server/db/migrate-database';
import { openPostgres } from '@/server/db/open-database';
import {
  COPY_ORDER,
  copyStatement,
  createCopyBuilders,
  districtsCopyText,
  householdsCopyBatch,
  type TCopyTable,
} from '../scripts/seed/copy-format';
import {
  districtRows,
  generateCity,
  type THousehold,
  type TSeedArgs,
} from '../scripts/seed/generate-city';
import { seedDatabase } from '../scripts/seed/seed-database';

const SEED_DB = 'wanjia_bench_seed';
const COPY_DB = 'wanjia_bench_copy';
const args: TSeedArgs = { households: 650_000, months: 12, seed: 42, end: '2025-12' };

if (!env.DATABASE_URL) {
  console.error(
    'bench:seed needs DATABASE_URL pointing to a PostgreSQL server (it creates its own databases).',
  );
  process.exit(2);
}
const serverUrl = env.DATABASE_URL;
const admin = new Client({ connectionString: serverUrl });
await admin.connect();

function urlOf(database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function freshDatabase(name: string): Promise<string> {
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const handle = await openPostgres(urlOf(name));
  await migrateDatabase(handle);
  await handle.close();
  return urlOf(name);
}

async function timeIt<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await fn();
  return [value, (performance.now() - started) / 1000];
}

try {
  // 1. The seed, as `npm run seed` runs it.
  const seedUrl = await freshDatabase(SEED_DB);
  const seedHandle = await openPostgres(seedUrl);
  // Each timed phase starts with no dirty pages left over from the one before.
  await admin.query('CHECKPOINT');
  console.log(
    `Seeding ${args.households.toLocaleString('en')} households × ${args.months} months…`,
  );
  const [result, seedSeconds] = await timeIt(() => seedDatabase(seedHandle, args));
  await seedHandle.close();
  if (!result.ok) throw new Error(result.error);
  const seedRows = Object.values(result.counts).reduce((a, b) => a + b, 0);

  // 2. The anchor: the same rows, generated into memory first, then one plain COPY per table.
  console.log('Generating the same rows into memory for the plain COPY…');
  const [buffers, generateSeconds] = await timeIt(() => Promise.resolve(generateAll(args)));
  const copyUrl = await freshDatabase(COPY_DB);
  const client = new Client({ connectionString: copyUrl });
  await client.connect();
  await admin.query('CHECKPOINT');
  console.log('Plain COPY…');
  const [copyRows, copySeconds] = await timeIt(async () => {
    let rows = 0;
    await client.query('BEGIN');
    for (const table of COPY_ORDER) {
      await new Promise<void>((resolve, reject) => {
        const stream = client.query(copyFrom(copyStatement(table)));
        stream.on('finish', () => {
          rows += stream.rowCount;
          resolve();
        });
        stream.on('error', reject);
        const chunks = buffers[table];
        let i = 0;
        const pump = () => {
          while (i < chunks.length) {
            if (!stream.write(chunks[i++])) {
              stream.once('drain', pump);
              return;
            }
          }
          stream.end();
        };
        pump();
      });
    }
    await client.query('COMMIT');
    return rows;
  });
  await client.end();

  const cityRows = COPY_ORDER.reduce((sum, t) => sum + result.counts[t], 0);
  const fmt = (n: number) => n.toLocaleString('en');
  console.log('');
  console.table({
    'npm run seed (generate + write)': {
      rows: fmt(seedRows),
      seconds: seedSeconds.toFixed(1),
      'rows/s': fmt(Math.round(seedRows / seedSeconds)),
    },
    'plain COPY (pre-generated)': {
      rows: fmt(copyRows),
      seconds: copySeconds.toFixed(1),
      'rows/s': fmt(Math.round(copyRows / copySeconds)),
    },
    'generation alone (in memory)': {
      rows: fmt(cityRows),
      seconds: generateSeconds.toFixed(1),
      'rows/s': fmt(Math.round(cityRows / generateSeconds)),
    },
  });
  const ratio = seedSeconds / copySeconds;
  console.log(
    `ratio seed / plain COPY = ${ratio.toFixed(2)} (goal ≤ 2: ${ratio <= 2 ? 'met' : 'missed'}); ` +
      `whole city ${seedSeconds.toFixed(1)} s (goal ≤ 60 s: ${seedSeconds <= 60 ? 'met' : 'missed'})`,
  );
  console.log(
    'The seed drops the bulk tables’ foreign keys and secondary indexes for the load and builds ' +
      'them once at the end; the plain COPY keeps the migrated schema and maintains them row by row.',
  );
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${SEED_DB} WITH (FORCE)`);
  await admin.query(`DROP DATABASE IF EXISTS ${COPY_DB} WITH (FORCE)`);
  await admin.end();
}

function generateAll(seedArgs: TSeedArgs): Record<TCopyTable, Buffer[]> {
  const out: Record<TCopyTable, Buffer[]> = {
    districts: [districtsCopyText(districtRows())],
    premises: [],
    service_accounts: [],
    meters: [],
    meter_readings: [],
  };
  const builders = createCopyBuilders();
  let batch: THousehold[] = [];
  const flush = () => {
    const data = householdsCopyBatch(batch, builders);
    out.premises.push(data.premises);
    out.service_accounts.push(data.service_accounts);
    out.meters.push(data.meters);
    out.meter_readings.push(data.meter_readings);
    batch = [];
  };
  for (const household of generateCity(seedArgs)) {
    batch.push(household);
    if (batch.length >= 5000) flush();
  }
  if (batch.length > 0) flush();
  return out;
}
