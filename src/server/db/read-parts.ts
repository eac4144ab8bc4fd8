import 'server-only';
import { fillPlaceholders, sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { getDatabaseHandle } from './index';

/**
 * One read of a domain that can run on its own or together with other domains' reads in a single
 * statement (ADR 022): the domain keeps its SQL, its ownership check and its decoding; a page
 * that needs several of them pays one round trip instead of one per domain.
 *
 * - `name` names the statement when the part runs alone (a named prepared statement, see
 *   ./prepared.ts) and its column when it runs with others.
 * - `query` is built once per process, so values go in only as `sql.placeholder(...)`; `values`
 *   fills them for this call. Parts run together share placeholder names, so a name must mean
 *   the same value in each (`userId` is the actor's id everywhere).
 * - `decode` turns the rows into the domain's DTOs. Alone, it gets them as the driver returns
 *   them; together, as JSON (`json_agg` of the rows): timestamps as ISO text, numbers as
 *   numbers, json columns as values. Decoders accept both (`new Date(x)`, `Number(x)`).
 */
export type TReadPart<T, TRow = never> = {
  name: string;
  query: () => SQL;
  values: Record<string, unknown>;
  decode: (rows: TRow[]) => T;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any row shape: each part decodes its own
type TAnyPart = TReadPart<unknown, any>;

type TCompiled = { text: string; params: unknown[] };

const dialect = new PgDialect();
const compiled = new Map<string, TCompiled>();

/** The statement's text and parameter slots, made on first use; the text never changes. */
function compile(name: string, build: () => SQL): TCompiled {
  let statement = compiled.get(name);
  if (!statement) {
    const query = dialect.sqlToQuery(build());
    statement = { text: query.sql, params: query.params };
    compiled.set(name, statement);
  }
  return statement;
}

async function run<TRow>(
  name: string,
  build: () => SQL,
  values: Record<string, unknown>,
): Promise<TRow[]> {
  const { text, params } = compile(name, build);
  const handle = await getDatabaseHandle();
  return (await handle.query<TRow>(text, fillPlaceholders(params, values), { name })).rows;
}

/** One part on its own, as its own named statement. */
export async function readPart<T, TRow>(part: TReadPart<T, TRow>): Promise<T> {
  return part.decode(await run<TRow>(part.name, part.query, part.values));
}

type TResults<P extends Record<string, TAnyPart>> = {
  [K in keyof P]: ReturnType<P[K]['decode']>;
};

/**
 * Several parts in one statement named `name`: `select (select json_agg(q) from (part) q) as
 * key, …` — one round trip, each part's rows decoded by its own domain.
 */
export async function readParts<P extends Record<string, TAnyPart>>(
  name: string,
  parts: P,
): Promise<TResults<P>> {
  const keys = Object.keys(parts);
  const values: Record<string, unknown> = {};
  for (const key of keys) {
    for (const [placeholder, value] of Object.entries(parts[key]!.values)) {
      if (placeholder in values && values[placeholder] !== value) {
        throw new Error(`readParts(${name}): placeholder ${placeholder} differs between parts`);
      }
      values[placeholder] = value;
    }
  }
  const [row] = await run<Record<string, unknown>>(
    name,
    () =>
      sql`select ${sql.join(
        keys.map(
          (key) =>
            sql`(select coalesce(json_agg(q), '[]'::json) from (${parts[key]!.query()}) q) as ${sql.identifier(key)}`,
        ),
        sql`, `,
      )}`,
    values,
  );
  const results: Record<string, unknown> = {};
  for (const key of keys) {
    // json arrives parsed from node-postgres and PGlite alike; be tolerant of text.
    const json = row?.[key];
    const rows = (typeof json === 'string' ? JSON.parse(json) : json) as unknown[] | null;
    results[key] = parts[key]!.decode(rows ?? []);
  }
  return results as TResults<P>;
}
