import 'server-only';
import type { PGlite } from '@electric-sql/pglite';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { getDatabaseHandle } from '../db';
import type { TTx } from './bill-account-range';

/**
 * `COPY … FROM` inside the caller's transaction, on either driver: node-postgres streams the
 * text (pg-copy-streams), PGlite reads it as a blob. Bulk rows go in several times faster this
 * way than as `unnest` arrays of parameters, which both sides must escape and parse.
 *
 * Drizzle keeps the transaction's connection on `session.client` (a pool client on
 * node-postgres, PGlite's transaction object); there is no public accessor for it.
 */
export async function copyInto(tx: TTx, statement: string, text: string): Promise<void> {
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client;
  if (!client) throw new Error('copyInto needs a drizzle transaction');
  const handle = await getDatabaseHandle();
  if (handle.kind === 'pglite') {
    await (client as Pick<PGlite, 'query'>).query(`${statement} FROM '/dev/blob'`, [], {
      blob: new Blob([text]),
    });
    return;
  }
  const stream = (client as PoolClient).query(copyFrom(`${statement} FROM STDIN`));
  await new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
    stream.end(text);
  });
}

/**
 * One field of COPY text format: `\N` for null; backslash, tab, newline and carriage return
 * escaped (JSON's own `\"` and `\n` escapes contain backslashes, so this is never skippable).
 */
export function copyField(value: string | number | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, escapeChar) : value;
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function escapeChar(char: string): string {
  return ESCAPES[char] ?? char;
}
