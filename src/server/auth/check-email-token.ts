import 'server-only';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { getDb } from '../db';
import { emailTokens } from '../db/schema';
import { hashEmailToken } from './email-token';

/**
 * Whether a mailed token can still be used, without using it: the GET of a link only shows a
 * confirmation page (mail scanners follow links), the POST that follows consumes it.
 */
export async function checkEmailToken(input: {
  token: string;
  purpose: 'sign_in' | 'password_reset';
  now?: Date;
}): Promise<boolean> {
  if (!input.token) return false;
  const now = input.now ?? new Date();
  const db = await getDb();
  const [row] = await db
    .select({ email: emailTokens.email })
    .from(emailTokens)
    .where(
      and(
        eq(emailTokens.tokenHash, hashEmailToken(input.token)),
        eq(emailTokens.purpose, input.purpose),
        isNull(emailTokens.usedAt),
        gt(emailTokens.expiresAt, now),
      ),
    )
    .limit(1);
  return Boolean(row);
}
