import 'server-only';
import { runOutsideRequests } from '../process/outside-requests';
import { openDatabase, type TDatabaseHandle } from './open-database';

export type { TDb, TDatabaseHandle } from './open-database';
export * as schema from './schema';

const globalForDb = globalThis as unknown as { __wanjiaDb?: Promise<TDatabaseHandle> };

/**
 * The one way to reach the database. Opens lazily on first use (never during `next build`),
 * then reuses the handle for the life of the process — opened outside the request that first
 * asks, so the process-long promise does not keep that request alive. Tests install their own
 * handle with `installDatabaseHandle`.
 */
export async function getDatabaseHandle(): Promise<TDatabaseHandle> {
  globalForDb.__wanjiaDb ??= runOutsideRequests(() => openDatabase());
  return globalForDb.__wanjiaDb;
}

export async function getDb() {
  return (await getDatabaseHandle()).db;
}

export function installDatabaseHandle(handle: TDatabaseHandle): void {
  globalForDb.__wanjiaDb = Promise.resolve(handle);
}

export async function closeDatabase(): Promise<void> {
  const pending = globalForDb.__wanjiaDb;
  globalForDb.__wanjiaDb = undefined;
  if (pending) await (await pending).close();
}
