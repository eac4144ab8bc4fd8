import 'server-only';

/**
 * The rows of a raw `execute()`: both drivers (node-postgres, PGlite) answer `{ rows }`, but
 * the shared database type leaves the result unknown. T is what the SQL selects.
 */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
