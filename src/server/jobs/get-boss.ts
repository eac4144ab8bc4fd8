import 'server-only';
import PgBoss from 'pg-boss';
import { getDatabaseHandle, type TDatabaseHandle } from '../db';
import { runOutsideRequests } from '../process/outside-requests';

type TJobsState = {
  boss?: Promise<PgBoss>;
  /** Queues created in this process (createQueue is idempotent but costs a round trip). */
  queues: Map<string, Promise<void>>;
  workers?: Promise<string[]>;
};

const globalForJobs = globalThis as unknown as { __wanjiaJobs?: TJobsState };

/**
 * Bosses this process has stopped. pg-boss's stop() resolves before its pool has closed every
 * connection, so a database shut down right after (tests drop theirs) would have it report
 * each connection it loses; from a boss we stopped, that is expected and not worth a log.
 */
const stoppedBosses = new WeakSet<PgBoss>();

export function markBossStopped(boss: PgBoss): void {
  stoppedBosses.add(boss);
}

export function jobsState(): TJobsState {
  globalForJobs.__wanjiaJobs ??= { queues: new Map() };
  return globalForJobs.__wanjiaJobs;
}

/**
 * The process's one pg-boss, started lazily on the same database as everything else:
 * PostgreSQL through its own small pool (same connection string), PGlite through the one open
 * client (a second client would lose writes). Sending works without workers in this process:
 * a web server on PostgreSQL may only send while `npm run worker` works the queues.
 */
export async function getBoss(): Promise<PgBoss> {
  const state = jobsState();
  // Outside the request that first sends a job: the process keeps this promise.
  state.boss ??= runOutsideRequests(() => startBoss()).catch((error: unknown) => {
    state.boss = undefined;
    throw error;
  });
  return state.boss;
}

async function startBoss(): Promise<PgBoss> {
  const handle = await getDatabaseHandle();
  const boss = new PgBoss({
    ...connectionOptions(handle),
    schema: 'pgboss',
    application_name: 'wanjia-jobs',
    // Completed jobs are history, not records; the domain tables keep what matters.
    archiveCompletedAfterSeconds: 60 * 60,
    deleteAfterDays: 7,
  });
  boss.on('error', (error) => {
    if (stoppedBosses.has(boss)) return;
    console.error('[jobs] pg-boss reported an error:', error);
  });
  await boss.start();
  return boss;
}

function connectionOptions(handle: TDatabaseHandle): PgBoss.ConstructorOptions {
  if (handle.kind === 'postgres' && handle.connectionString) {
    return { connectionString: handle.connectionString, max: 4 };
  }
  return { db: pgbossAdapter(handle) };
}

/**
 * pg-boss's `db` adapter over our handle: parameterised statements go through query();
 * its multi-statement scripts (schema set-up, locked maintenance) have no values and run as
 * one exec whose last result pg-boss reads.
 */
export function pgbossAdapter(handle: TDatabaseHandle): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (values !== undefined) return handle.query(text, values);
      return handle.execLast(text);
    },
  };
}

/**
 * Creates a queue once per process; send() and work() need it to exist. Retry and expiry are
 * set per job by the sender, so a queue created by whichever process comes first is the same.
 */
export async function ensureQueue(boss: PgBoss, name: string): Promise<void> {
  const { queues } = jobsState();
  let created = queues.get(name);
  if (!created) {
    // Kept for the process's life: made outside the request that first needs it.
    created = runOutsideRequests(() =>
      boss.createQueue(name).catch((error: unknown) => {
        queues.delete(name);
        throw error;
      }),
    );
    queues.set(name, created);
  }
  await created;
}
