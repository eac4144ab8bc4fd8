import 'server-only';
import { and, eq, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { accountLinks } from '../db/schema';

/**
 * The ownership test every resident query uses: "this account is linked to this user".
 * Use as `exists(linkOf(actor.userId, bills.accountId))` or as a join condition, so a foreign
 * id simply finds no row (→ "not found"), never someone else's data. In a prepared statement
 * the user is a `sql.placeholder`.
 */
export function linkOf(userId: string | Placeholder, accountIdColumn: AnyPgColumn): SQL {
  return sql`(select 1 from ${accountLinks} where ${and(
    eq(accountLinks.userId, userId),
    eq(accountLinks.accountId, accountIdColumn),
  )})`;
}
