import 'server-only';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { getDatabaseHandle } from './index';

const dialect = new PgDialect();

/**
 * Runs a drizzle `sql` query as a named prepared statement on PostgreSQL (see `prepared` for
 * why); PGlite ignores the name. The query must produce the same text on every call (values only
 * as parameters), as the name stands for that text on each connection.
 */
export async function executeNamed<TRow>(name: string, query: SQL): Promise<TRow[]> {
  const handle = await getDatabaseHandle();
  const { sql: text, params } = dialect.sqlToQuery(query);
  return (await handle.query<TRow>(text, params, { name })).rows;
}
