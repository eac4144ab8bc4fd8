import 'server-only';
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { TActor } from '../auth/actor';

/**
 * Who may see an application on the resident side: the applicant and the officer who filed it
 * for them; for an application filed for a household without a login (no applicant: it belongs
 * to its account), also whoever has linked that account since. Used inside every query, so
 * anyone else's id finds no row ("not found") — another resident's own application stays out
 * of reach even of a resident who links the same account. `userId` may be a placeholder, for a
 * statement built once (../db/read-parts.ts).
 */
export function applicantOrFiler(actor: TActor | { userId: SQLWrapper }, alias = 'app'): SQL {
  const a = sql.raw(alias);
  const user = actor.userId;
  return sql`(${a}.applicant_user_id = ${user} OR ${a}.filed_by_user_id = ${user}
     OR (${a}.applicant_user_id IS NULL AND EXISTS (
           SELECT 1 FROM assistance_application_accounts aa
             JOIN account_links l ON l.account_id = aa.account_id
            WHERE aa.application_id = ${a}.id AND l.user_id = ${user})))`;
}

/**
 * True when the application concerns the actor's own household: their own application, one
 * they filed, or one covering an account at premises where the actor has a linked account.
 * Reviewers may not decide those.
 */
export function ownHousehold(actor: TActor, alias = 'app'): SQL {
  const a = sql.raw(alias);
  // coalesce: filed_by_user_id is usually NULL, and NULL = x would make the whole test NULL.
  return sql`coalesce(${a}.applicant_user_id = ${actor.userId}
     OR ${a}.filed_by_user_id = ${actor.userId}
     OR EXISTS (SELECT 1
                  FROM assistance_application_accounts aa
                  JOIN service_accounts sa ON sa.id = aa.account_id
                  JOIN service_accounts mine ON mine.premises_id = sa.premises_id
                  JOIN account_links l ON l.account_id = mine.id
                 WHERE aa.application_id = ${a}.id AND l.user_id = ${actor.userId}), false)`;
}
