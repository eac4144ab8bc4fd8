import 'server-only';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { accountLinks } from '../db/schema';

/**
 * The ownership test every resident query uses: "this account is linked to this user".
 * Use as `exists(linkOf(actor.userId, bills.accountId))` or as a join condition, so a foreign
 * id simply finds no row (→ "not found"), never someone else's data.
 */
export function linkOf(userId: string, accountIdColumn: AnyPgColumn): SQL {
  return sql`(select 1 from ${accountLinks} where ${and(
    eq(accountLinks.userId, userId),
    eq(accountLinks.accountId, accountIdColumn),
  )})`;
}
