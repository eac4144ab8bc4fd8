import 'server-only';
import path from 'node:path';
import type { TDatabaseHandle } from './open-database';

/** Applies the committed SQL migrations in drizzle/ (the same files on both databases). */
export async function migrateDatabase(handle: TDatabaseHandle, migrationsFolder = 'drizzle') {
  const folder = path.resolve(migrationsFolder);
  if (handle.kind === 'postgres') {
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    await migrate(handle.db as never, { migrationsFolder: folder });
  } else {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(handle.db as never, { migrationsFolder: folder });
  }
}
