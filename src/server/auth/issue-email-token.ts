import 'server-only';
import type { TDb } from '../db';
import { emailTokens } from '../db/schema';
import { createEmailToken } from './email-token';

type TExecutor = Pick<TDb, 'insert'>;

/**
 * Stores the hash of a fresh one-time token and returns the raw token, which exists only in
 * the mail built from it.
 */
export async function issueEmailToken(
  tx: TExecutor,
  input: {
    purpose: 'sign_in' | 'password_reset';
    email: string;
    userId: string | null;
    minutes: number;
    now: Date;
  },
): Promise<string> {
  const { token, tokenHash } = createEmailToken();
  await tx.insert(emailTokens).values({
    tokenHash,
    purpose: input.purpose,
    email: input.email,
    userId: input.userId,
    expiresAt: new Date(input.now.getTime() + input.minutes * 60_000),
    createdAt: input.now,
  });
  return token;
}
