/**
 * Writes the demo city into an open, migrated database. PostgreSQL gets COPY streams
 * (pg-copy-streams) on one connection in one transaction; PGlite gets `COPY … FROM '/dev/blob'`
 * with the same COPY text. Generation and writing overlap: the next batch is generated while
 * the server ingests the previous one.
 */
import { hash } from '@node-rs/argon2';
import type { PGlite } from '@electric-sql/pglite';
import type { Pool, PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { TDatabaseHandle } from '../../src/server/db/open-database';
import {
  COPY_ORDER,
  copyStatement,
  createCopyBuilders,
  districtsCopyText,
  householdsCopyBatch,
  type TCopyBatch,
  type TCopyTable,
} from './copy-format';
import { writeDemoNotices } from './demo-notices';
import { writeDemoComplaints } from './demo-complaints';
import { DEMO_PASSWORD, DEMO_TARIFFS, DEMO_USERS } from './demo-people';
import {
  createCityContext,
  districtRows,
  servicePointRows,
  generateCity,
  type THousehold,
  type TSeedArgs,
} from './generate-city';

export type TSeedCounts = Record<
  | TCopyTable
  | 'service_points'
  | 'users'
  | 'account_links'
  | 'tariffs'
  | 'tariff_tiers'
  | 'tariff_surcharges'
  | 'notices'
  | 'complaints',
  number
>;

export type TSeedResult =
  | { ok: true; counts: TSeedCounts; seconds: number }
  | { ok: false; error: 'seed.database_not_empty' };

export type TSeedOptions = {
  /** Empty every table in the public schema first (otherwise a non-empty database is refused). */
  reset?: boolean;
  /** Households generated and written per COPY batch. */
  batchSize?: number;
  onProgress?: (householdsWritten: number) => void;
  /**
   * PostgreSQL: drop the bulk tables' foreign keys and secondary indexes (and primary keys no
   * foreign key points at) for the load and rebuild them at the end, in the same transaction.
   * Default: on. Building an index once is cheaper than maintaining it row by row.
   */
  deferIndexes?: boolean;
};

/** Tables whose rows mean "this database already holds a city or people". */
const OCCUPANCY_TABLES = ['users', 'districts', 'premises', 'service_accounts', 'tariffs'] as const;

/** Tables whose identity sequences must move past the ids the seed supplied. */
const IDENTITY_TABLES = ['districts', 'premises', 'service_accounts', 'meters', 'tariffs'] as const;

type TBulkWriter = {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  /** Starts a COPY of `data` into `table`; resolves when the server has taken all of it. */
  copy(table: TCopyTable, data: Buffer): Promise<void>;
  release(): void;
};

export async function seedDatabase(
  handle: TDatabaseHandle,
  args: TSeedArgs,
  options: TSeedOptions = {},
): Promise<TSeedResult> {
  const started = performance.now();
  // Hash once, before any transaction is open: argon2id is deliberately slow.
  const passwordHash = await hash(DEMO_PASSWORD);
  const writer = await openWriter(handle);
  try {
    if (!options.reset && !(await isEmpty(writer))) {
      return { ok: false, error: 'seed.database_not_empty' };
    }
    await writer.query('BEGIN');
    try {
      if (options.reset) await truncateDomainTables(writer);
      const rebuild =
        handle.kind === 'postgres' && options.deferIndexes !== false
          ? await dropBulkIndexes(writer)
          : [];
      const counts = await writeCity(writer, args, passwordHash, options);
      for (const statement of rebuild) await writer.query(statement);
      for (const table of IDENTITY_TABLES) {
        await writer.query(
          `SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM ${table}), false)`,
        );
      }
      await writer.query('COMMIT');
      // Fresh planner statistics: without them PostgreSQL guesses ~77,000 readings per account
      // and hash-joins all 1.3 million meters for one dashboard (413 ms instead of 0.3 ms).
      await writer.query('ANALYZE');
      return { ok: true, counts, seconds: (performance.now() - started) / 1000 };
    } catch (error) {
      await writer.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  } finally {
    writer.release();
  }
}

const BULK_TABLES = ['premises', 'service_accounts', 'meters', 'meter_readings'] as const;

/**
 * Drops what makes a bulk load slow on the bulk tables and returns the statements that put it
 * all back, exactly as the migrations defined it (read from the catalogue, not restated here).
 * Primary and unique keys that another table's foreign key depends on stay.
 */
async function dropBulkIndexes(writer: TBulkWriter): Promise<string[]> {
  const tables = `ARRAY[${BULK_TABLES.map((t) => `'public.${t}'::regclass`).join(', ')}]`;
  const { rows: constraints } = await writer.query(
    `SELECT c.conrelid::regclass::text AS tbl, quote_ident(c.conname) AS name, c.contype AS type,
            pg_get_constraintdef(c.oid) AS def
       FROM pg_constraint c
      WHERE c.conrelid = ANY(${tables})
        AND (c.contype = 'f'
             OR (c.contype IN ('p', 'u') AND NOT EXISTS (
                   SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = c.conindid)))
      ORDER BY c.contype = 'f' DESC, c.conname`,
  );
  const { rows: indexes } = await writer.query(
    `SELECT quote_ident(i.relname) AS name, pg_get_indexdef(x.indexrelid) AS def
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
      WHERE x.indrelid = ANY(${tables})
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
      ORDER BY i.relname`,
  );
  const drops: string[] = [];
  const keys: string[] = [];
  const foreignKeys: string[] = [];
  for (const c of constraints) {
    drops.push(`ALTER TABLE ${String(c.tbl)} DROP CONSTRAINT ${String(c.name)}`);
    const add = `ALTER TABLE ${String(c.tbl)} ADD CONSTRAINT ${String(c.name)} ${String(c.def)}`;
    (c.type === 'f' ? foreignKeys : keys).push(add);
  }
  for (const i of indexes) drops.push(`DROP INDEX ${String(i.name)}`);
  for (const statement of drops) await writer.query(statement);
  return [...keys, ...indexes.map((i) => String(i.def)), ...foreignKeys];
}

async function isEmpty(writer: TBulkWriter): Promise<boolean> {
  const probes = OCCUPANCY_TABLES.map((t) => `SELECT 1 FROM ${t}`).join(' UNION ALL ');
  const { rows } = await writer.query(`SELECT EXISTS (${probes}) AS occupied`);
  return rows[0]?.occupied !== true;
}

async function truncateDomainTables(writer: TBulkWriter): Promise<void> {
  const { rows } = await writer.query(
    // Waiver programmes are configuration the migrations install (0011), not demo data: kept.
    `SELECT quote_ident(tablename) AS name FROM pg_tables
      WHERE schemaname = 'public' AND tablename <> 'assistance_programs' ORDER BY tablename`,
  );
  const names = rows.map((r) => String(r.name));
  if (names.length > 0) await writer.query(`TRUNCATE ${names.join(', ')} RESTART IDENTITY CASCADE`);
}

async function writeCity(
  writer: TBulkWriter,
  args: TSeedArgs,
  passwordHash: string,
  options: TSeedOptions,
): Promise<TSeedCounts> {
  const districts = districtRows();
  const counts: TSeedCounts = {
    districts: districts.length,
    service_points: 0,
    premises: 0,
    service_accounts: 0,
    meters: 0,
    meter_readings: 0,
    users: 0,
    account_links: 0,
    tariffs: 0,
    tariff_tiers: 0,
    tariff_surcharges: 0,
    notices: 0,
    complaints: 0,
  };
  await writer.copy('districts', districtsCopyText(districts));
  const points = servicePointRows(districts);
  await writer.query(
    `INSERT INTO service_points (code, utility, district_id, name_zh, name_en)
     SELECT code, utility::utility, district_id, name_zh, name_en
       FROM json_to_recordset($1::json)
         AS p(code text, utility text, district_id int, name_zh text, name_en text)`,
    [
      JSON.stringify(
        points.map((p) => ({
          code: p.code,
          utility: p.utility,
          district_id: p.districtId,
          name_zh: p.nameZh,
          name_en: p.nameEn,
        })),
      ),
    ],
  );
  counts.service_points = points.length;

  const batchSize = options.batchSize ?? 1000;
  const builders = createCopyBuilders();
  let pending: Promise<void> = Promise.resolve();
  let batch: THousehold[] = [];
  let written = 0;
  const flush = async () => {
    const data = householdsCopyBatch(batch, builders);
    batch = [];
    // Overlap: this batch was generated while the server took the previous one.
    await pending;
    for (const table of COPY_ORDER) {
      if (table === 'districts') continue;
      counts[table] += data.rows[table];
    }
    written += data.rows.premises;
    pending = writeBatch(writer, data);
    options.onProgress?.(written);
  };
  for (const household of generateCity(args)) {
    batch.push(household);
    if (batch.length >= batchSize) await flush();
  }
  if (batch.length > 0) await flush();
  await pending;

  await writeTariffs(writer, args, counts);
  await writeDemoPeople(writer, passwordHash, counts);
  counts.notices = await writeDemoNotices((text, values) => writer.query(text, values));
  counts.complaints = await writeDemoComplaints((text, values) => writer.query(text, values));
  return counts;
}

async function writeBatch(writer: TBulkWriter, data: TCopyBatch): Promise<void> {
  // Foreign-key order on one connection: parents are visible before their children arrive.
  await writer.copy('premises', data.premises);
  await writer.copy('service_accounts', data.service_accounts);
  await writer.copy('meters', data.meters);
  await writer.copy('meter_readings', data.meter_readings);
}

async function writeTariffs(writer: TBulkWriter, args: TSeedArgs, counts: TSeedCounts) {
  // Effective from the first seeded year, so every seeded period has a price.
  const effectiveFrom = `${createCityContext(args).firstPeriod.slice(0, 4)}-01-01`;
  let id = 0;
  for (const tariff of DEMO_TARIFFS) {
    id += 1;
    await writer.query(
      `INSERT INTO tariffs (id, utility, code, name_zh, name_en, effective_from, tier_period)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        id,
        tariff.utility,
        tariff.code,
        tariff.nameZh,
        tariff.nameEn,
        effectiveFrom,
        tariff.tierPeriod,
      ],
    );
    counts.tariffs += 1;
    for (const [i, tier] of tariff.tiers.entries()) {
      await writer.query(
        `INSERT INTO tariff_tiers (tariff_id, tier_no, up_to, unit_price) VALUES ($1, $2, $3, $4)`,
        [id, i + 1, tier.upTo, tier.unitPrice],
      );
      counts.tariff_tiers += 1;
    }
    for (const surcharge of tariff.surcharges ?? []) {
      await writer.query(
        `INSERT INTO tariff_surcharges (tariff_id, code, name_zh, name_en, unit_price)
         VALUES ($1, $2, $3, $4, $5)`,
        [id, surcharge.code, surcharge.nameZh, surcharge.nameEn, surcharge.unitPrice],
      );
      counts.tariff_surcharges += 1;
    }
  }
}

async function writeDemoPeople(writer: TBulkWriter, passwordHash: string, counts: TSeedCounts) {
  for (const user of DEMO_USERS) {
    await writer.query(
      `INSERT INTO users (id, email, name, password_hash, role, department, email_verified_at)
       VALUES ($1, $2, $3, $4, $5, $6, now())`,
      [user.id, user.email, user.name, passwordHash, user.role, user.department],
    );
    counts.users += 1;
    for (const household of user.households) {
      // Household i holds water account 2i − 1 and electricity account 2i.
      for (const accountId of [2 * household - 1, 2 * household]) {
        await writer.query(
          `INSERT INTO account_links (user_id, account_id, role)
           SELECT $1, id, 'holder' FROM service_accounts WHERE id = $2`,
          [user.id, accountId],
        );
      }
    }
  }
  const { rows } = await writer.query('SELECT count(*)::int AS n FROM account_links');
  counts.account_links = Number(rows[0]?.n ?? 0);
}

async function openWriter(handle: TDatabaseHandle): Promise<TBulkWriter> {
  if (handle.kind === 'postgres') {
    const pool = (handle.db as unknown as { $client: Pool }).$client;
    return postgresWriter(await pool.connect());
  }
  return pgliteWriter((handle.db as unknown as { $client: PGlite }).$client);
}

function postgresWriter(client: PoolClient): TBulkWriter {
  return {
    async query(text, values) {
      const result = await client.query(text, values);
      return { rows: result.rows as Record<string, unknown>[] };
    },
    copy(table, data) {
      return new Promise<void>((resolve, reject) => {
        const stream = client.query(copyFrom(copyStatement(table)));
        stream.on('finish', () => resolve());
        stream.on('error', reject);
        stream.end(data);
      });
    },
    release: () => client.release(),
  };
}

function pgliteWriter(client: PGlite): TBulkWriter {
  return {
    async query(text, values) {
      const result = await client.query<Record<string, unknown>>(text, values);
      return { rows: result.rows };
    },
    async copy(table, data) {
      await client.query(copyStatement(table, `'/dev/blob'`), [], {
        blob: new Blob([new Uint8Array(data)]),
      });
    },
    release: () => undefined,
  };
}
