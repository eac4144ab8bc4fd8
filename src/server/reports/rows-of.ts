import 'server-only';

/** node-postgres and PGlite both answer `db.execute` with `{ rows }`. */
export function rowsOf<TRow>(result: unknown): TRow[] {
  return (result as { rows: TRow[] }).rows;
}
