import 'server-only';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { getDb } from '../db';
import { emailTokens, users, type TRole } from '../db/schema';
import { writeAudit } from '../audit';
import { hashEmailToken } from './email-token';

/**
 * Uses up a sign-in link token. The first use wins (the UPDATE … WHERE used_at IS NULL is the
 * guard), so a link cannot be replayed. A person who had no account gets one: signing in by
 * e-mail link is also how people register without a password.
 */
export async function consumeSignInLink(input: {
  token: string;
  ip: string | null;
  now?: Date;
}): Promise<{ id: string; role: TRole } | null> {
  const now = input.now ?? new Date();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(emailTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(emailTokens.tokenHash, hashEmailToken(input.token)),
          eq(emailTokens.purpose, 'sign_in'),
          isNull(emailTokens.usedAt),
          gt(emailTokens.expiresAt, now),
        ),
      )
      .returning({ email: emailTokens.email });
    if (!row) return null;

    const [existing] = await tx
      .select({
        id: users.id,
        role: users.role,
        disabledAt: users.disabledAt,
        emailVerifiedAt: users.emailVerifiedAt,
      })
      .from(users)
      .where(eq(users.email, row.email))
      .limit(1);
    if (existing) {
      if (existing.disabledAt) return null;
      if (!existing.emailVerifiedAt) {
        await tx.update(users).set({ emailVerifiedAt: now }).where(eq(users.id, existing.id));
      }
      await writeAudit(
        tx,
        { userId: existing.id, role: existing.role, ip: input.ip },
        {
          action: 'auth.sign_in_link_used',
          subjectType: 'user',
          subjectId: existing.id,
        },
      );
      return { id: existing.id, role: existing.role };
    }
    const [created] = await tx
      .insert(users)
      .values({
        email: row.email,
        name: row.email.split('@')[0] ?? row.email,
        emailVerifiedAt: now,
      })
      .returning({ id: users.id, role: users.role });
    if (!created) return null;
    await writeAudit(
      tx,
      { userId: created.id, role: created.role, ip: input.ip },
      {
        action: 'auth.registered_by_link',
        subjectType: 'user',
        subjectId: created.id,
      },
    );
    return created;
  });
}
