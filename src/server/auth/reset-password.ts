import 'server-only';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { writeAudit } from '../audit';
import { getDb } from '../db';
import { emailTokens, throttleEvents, users } from '../db/schema';
import { hashEmailToken } from './email-token';
import { hashPassword } from './password';

export type TResetPasswordResult = { ok: true } | { ok: false; error: 'invalid_token' };

/**
 * Sets a new password with a reset token. The token is used up atomically (UPDATE … WHERE
 * used_at IS NULL), so two submissions cannot both succeed. The same transaction marks the
 * e-mail confirmed (the person just proved they read it), voids every other outstanding reset
 * link for the address, lifts the sign-in throttle on it and writes the audit row.
 * The new password is expected to be validated already (ZResetPasswordSchema).
 */
export async function resetPassword(input: {
  token: string;
  password: string;
  ip: string | null;
  now?: Date;
}): Promise<TResetPasswordResult> {
  const now = input.now ?? new Date();
  const passwordHash = await hashPassword(input.password);
  const db = await getDb();
  return db.transaction(async (tx): Promise<TResetPasswordResult> => {
    const [token] = await tx
      .update(emailTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(emailTokens.tokenHash, hashEmailToken(input.token)),
          eq(emailTokens.purpose, 'password_reset'),
          isNull(emailTokens.usedAt),
          gt(emailTokens.expiresAt, now),
        ),
      )
      .returning({ email: emailTokens.email });
    if (!token) return { ok: false, error: 'invalid_token' };

    const [user] = await tx
      .update(users)
      .set({ passwordHash, emailVerifiedAt: now, sessionsValidAfter: now, updatedAt: now })
      .where(and(eq(users.email, token.email), isNull(users.disabledAt)))
      .returning({ id: users.id, role: users.role, emailVerifiedAt: users.emailVerifiedAt });
    if (!user) return { ok: false, error: 'invalid_token' };

    await tx
      .update(emailTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(emailTokens.email, token.email),
          eq(emailTokens.purpose, 'password_reset'),
          isNull(emailTokens.usedAt),
        ),
      );
    await tx
      .delete(throttleEvents)
      .where(
        and(eq(throttleEvents.bucket, 'signin'), eq(throttleEvents.key, `email:${token.email}`)),
      );
    await writeAudit(
      tx,
      { userId: user.id, role: user.role, ip: input.ip },
      { action: 'auth.password_reset', subjectType: 'user', subjectId: user.id },
    );
    return { ok: true };
  });
}
