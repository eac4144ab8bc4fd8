import 'server-only';
const statements = new WeakMap<object, Map<string, unknown>>();

/**
 * A drizzle prepared statement built once per database handle and reused by every request: the
 * query builder's SQL is not rebuilt each time, and on PostgreSQL the `name` makes it a named
 * prepared statement, so the server stops planning it once it settles on a generic plan (it
 * planned the dashboard's unnamed queries on every view: 0.2–0.8 ms of server CPU each). PGlite
 * ignores the name. Names must be unique across the app; values go in as `sql.placeholder`s.
 * `db` may also be a transaction: the statement then lives as long as the transaction.
 */
export function prepared<TExecutor extends object, T>(
  db: TExecutor,
  name: string,
  build: (db: TExecutor) => T,
): T {
  let byName = statements.get(db);
  if (!byName) {
    byName = new Map();
    statements.set(db, byName);
  }
  let statement = byName.get(name) as T | undefined;
  if (statement === undefined) {
    statement = build(db);
    byName.set(name, statement);
  }
  return statement;
}
