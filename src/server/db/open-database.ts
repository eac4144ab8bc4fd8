import 'server-only';
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { env } from '../../env';
import { runOutsideRequests } from '../process/outside-requests';
import * as schema from './schema';

export type TDb = PgDatabase<PgQueryResultHKT, typeof schema>;

export type TDatabaseHandle = {
  kind: 'postgres' | 'pglite';
  db: TDb;
  /**
   * Raw parameterised SQL for pg-boss, bulk loaders and the hottest reads. A `name` makes it a
   * prepared statement on PostgreSQL (planned once per connection); PGlite ignores it.
   */
  query<TRow = Record<string, unknown>>(
    text: string,
    values?: unknown[],
    options?: { name?: string },
  ): Promise<{ rows: TRow[] }>;
  /** Several statements without parameters. */
  exec(text: string): Promise<void>;
  /** Several statements without parameters; returns the last statement's rows (pg-boss adapter). */
  execLast<TRow = Record<string, unknown>>(text: string): Promise<{ rows: TRow[] }>;
  /** The PostgreSQL connection string (unset for PGlite), for pg-boss's own pool. */
  connectionString?: string;
  close(): Promise<void>;
};

/**
 * Opens the configured database: PostgreSQL through a node-postgres pool when DATABASE_URL is
 * set, otherwise embedded PGlite in PGLITE_DIR (`memory://` for throwaway databases).
 * Works outside Next too (scripts), so it does not import 'server-only'.
 */
export async function openDatabase(
  options: { databaseUrl?: string; pgliteDir?: string } = {},
): Promise<TDatabaseHandle> {
  const databaseUrl = options.databaseUrl ?? env.DATABASE_URL;
  if (databaseUrl) return openPostgres(databaseUrl, env.DATABASE_POOL_MAX);
  return openPglite(options.pgliteDir ?? env.PGLITE_DIR);
}

export async function openPostgres(
  connectionString: string,
  maxConnections = 20,
): Promise<TDatabaseHandle> {
  const pool = await createPool(connectionString, maxConnections);
  const { drizzle } = await import('drizzle-orm/node-postgres');
  let closing = false;
  // An idle connection dropped by the server (restart, failover, DROP DATABASE … FORCE) must not
  // crash the process; the pool replaces it on next use.
  pool.on('error', (error) => {
    if (!closing) console.error('[db] an idle PostgreSQL connection failed:', error.message);
  });
  const db = drizzle({ client: pool, schema, casing: 'snake_case' }) as unknown as TDb;
  return {
    kind: 'postgres',
    db,
    async query<TRow>(text: string, values?: unknown[], options?: { name?: string }) {
      const result = await pool.query({ text, values, name: options?.name });
      return { rows: result.rows as TRow[] };
    },
    async exec(text) {
      await pool.query(text);
    },
    async execLast<TRow>(text: string) {
      // node-postgres returns an array of results for a multi-statement query.
      const result = (await pool.query(text)) as unknown as
        { rows: TRow[] } | Array<{ rows: TRow[] }>;
      const last = Array.isArray(result) ? result.at(-1) : result;
      return { rows: last?.rows ?? [] };
    },
    connectionString,
    close: () => {
      closing = true;
      return pool.end();
    },
  };
}

/**
 * The node-postgres pool of a web process. Its clients open their sockets outside the request
 * that needed them (src/server/process/outside-requests.ts), so a connection never keeps a request alive.
 */
export async function createPool(connectionString: string, maxConnections: number) {
  const { Pool, Client } = await import('pg');
  class StartupContextClient extends Client {}
  const connect = Client.prototype.connect as (this: unknown, callback?: TCallback) => unknown;
  StartupContextClient.prototype.connect = function (this: unknown, callback?: TCallback) {
    // node-postgres keeps the closures of its connect() (its 'connect' listener among them) for
    // the connection's life, and they hold the callback: the pool's, which holds the first
    // query's promise and, through it, the request that made it. Hand it one that lets go.
    const once = callback ? callOnceThenForget(callback) : undefined;
    return runOutsideRequests(() => (once ? connect.call(this, once) : connect.call(this)));
  } as typeof Client.prototype.connect;
  // Idle connections are kept for a minute (node-postgres' default is 10 s): a new one costs the
  // server a backend process with cold catalogue caches and every named statement prepared
  // again, and a site's traffic pauses for ten seconds often enough (bench:pages' dashboard,
  // loaded after 10 s of pages without queries, opened its 20 connections anew each round).
  return new Pool({
    connectionString,
    max: maxConnections,
    idleTimeoutMillis: 60_000,
    Client: StartupContextClient,
  });
}

type TCallback = (...args: unknown[]) => void;

/** `callback`, called at most once, and not referenced any more after it. */
function callOnceThenForget(callback: TCallback): TCallback {
  let pending: TCallback | null = callback;
  return (...args) => {
    const call = pending;
    pending = null;
    call?.(...args);
  };
}

async function openPglite(dataDir: string): Promise<TDatabaseHandle> {
  const { PGlite: PGliteClass } = await import('@electric-sql/pglite');
  const inMemory = dataDir.startsWith('memory://');
  let releaseLock = () => {};
  let client: PGlite;
  if (inMemory) {
    client = new PGliteClass(dataDir);
  } else {
    const absolute = path.resolve(dataDir);
    mkdirSync(absolute, { recursive: true });
    releaseLock = acquireLock(`${absolute}.lock`);
    client = new PGliteClass(absolute);
  }
  await client.waitReady;
  return pgliteHandle(client, releaseLock);
}

/** Wraps an open PGlite (tests build theirs from a migrated template). */
export async function pgliteHandle(
  client: PGlite,
  releaseLock: () => void = () => {},
): Promise<TDatabaseHandle> {
  const { drizzle } = await import('drizzle-orm/pglite');
  const db = drizzle({ client, schema, casing: 'snake_case' }) as unknown as TDb;
  return {
    kind: 'pglite',
    db,
    async query<TRow>(text: string, values?: unknown[]) {
      const result = await client.query<TRow>(text, values);
      return { rows: result.rows };
    },
    async exec(text) {
      await client.exec(text);
    },
    async execLast<TRow>(text: string) {
      const results = await client.exec(text);
      return { rows: (results.at(-1)?.rows ?? []) as TRow[] };
    },
    async close() {
      await client.close();
      releaseLock();
    },
  };
}

/**
 * PGlite allows one process per data directory; a second one silently loses writes. The lock
 * file is created with O_EXCL; a lock left by a dead process is taken over.
 */
export function acquireLock(lockPath: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      const release = () => {
        try {
          if (readFileSync(lockPath, 'utf8') === String(process.pid)) unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
        throw new Error(
          `The embedded database is in use by process ${holder} (lock file ${lockPath}). ` +
            'PGlite allows one process at a time: stop that process first, or set DATABASE_URL to use PostgreSQL.',
        );
      }
      unlinkSync(lockPath);
    }
  }
  throw new Error(`Could not take the database lock ${lockPath}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
