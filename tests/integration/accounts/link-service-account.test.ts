import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { env } from '@/env';
import { getDb } from '@/server/db';
import { accountLinks, auditLog } from '@/server/db/schema';
import { linkServiceAccount, listLinkedAccounts, unlinkServiceAccount } from '@/server/accounts';
import { actorFor, createServiceAccount, createUser } from '../../fixtures/world';

async function linksOf(userId: string) {
  const db = await getDb();
  return db.select().from(accountLinks).where(eq(accountLinks.userId, userId));
}

async function auditRows(action: string, subjectId: number) {
  const db = await getDb();
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.subjectId, String(subjectId))));
}

describe('linking a service account', () => {
  it('links the account when the number and the code on the bill match, and records it', async () => {
    const user = await createUser();
    const { account } = await createServiceAccount({ verificationCode: '482913' });

    const result = await linkServiceAccount({
      actor: actorFor(user),
      accountNumber: account.accountNumber,
      verificationCode: '482913',
    });

    expect(result).toEqual({ ok: true, accountId: account.id, alreadyLinked: false });
    const dashboard = await listLinkedAccounts({ actor: actorFor(user) });
    expect(dashboard.map((a) => a.accountNumber)).toEqual([account.accountNumber]);
    const audit = await auditRows('account.linked', account.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actorUserId).toBe(user.id);
  });

  it('treats linking an account that is already linked as a quiet success', async () => {
    const user = await createUser();
    const { account } = await createServiceAccount({ verificationCode: '111222' });
    const input = {
      actor: actorFor(user),
      accountNumber: account.accountNumber,
      verificationCode: '111222',
    };
    await linkServiceAccount(input);

    const again = await linkServiceAccount(input);

    expect(again).toEqual({ ok: true, accountId: account.id, alreadyLinked: true });
    expect(await linksOf(user.id)).toHaveLength(1);
    expect(await auditRows('account.linked', account.id)).toHaveLength(1);
  });

  it('gives the same answer for a wrong code, an unknown number and a closed account', async () => {
    const user = await createUser();
    const actor = actorFor(user);
    const { account } = await createServiceAccount({ verificationCode: '654321' });
    const { account: closed } = await createServiceAccount({
      verificationCode: '777777',
      status: 'closed',
    });

    const wrongCode = await linkServiceAccount({
      actor,
      accountNumber: account.accountNumber,
      verificationCode: '654320',
    });
    const unknown = await linkServiceAccount({
      actor,
      accountNumber: '1999999999',
      verificationCode: '654321',
    });
    const closedAccount = await linkServiceAccount({
      actor,
      accountNumber: closed.accountNumber,
      verificationCode: '777777',
    });

    expect(wrongCode).toEqual({ ok: false, error: 'invalid' });
    expect(unknown).toEqual(wrongCode);
    expect(closedAccount).toEqual(wrongCode);
    expect(await linksOf(user.id)).toHaveLength(0);
  });

  it(`refuses even the right code once ${env.LINK_MAX_FAILURES} wrong codes were tried, and says how long to wait`, async () => {
    const user = await createUser();
    const actor = actorFor(user);
    const { account } = await createServiceAccount({ verificationCode: '246810' });

    for (let i = 0; i < env.LINK_MAX_FAILURES; i++) {
      const attempt = await linkServiceAccount({
        actor,
        accountNumber: account.accountNumber,
        verificationCode: String(300000 + i),
      });
      expect(attempt).toEqual({ ok: false, error: 'invalid' });
    }

    const rightCode = await linkServiceAccount({
      actor,
      accountNumber: account.accountNumber,
      verificationCode: '246810',
    });

    expect(rightCode).toMatchObject({ ok: false, error: 'throttled' });
    if (rightCode.ok || rightCode.error !== 'throttled') throw new Error('expected throttled');
    expect(rightCode.retryAfterMinutes).toBeGreaterThan(0);
    expect(rightCode.retryAfterMinutes).toBeLessThanOrEqual(env.LINK_WINDOW_MINUTES);
    expect(await linksOf(user.id)).toHaveLength(0);
  });

  it("does not let one resident's wrong guesses lock out another resident", async () => {
    const guesser = await createUser();
    const neighbour = await createUser();
    const { account } = await createServiceAccount({ verificationCode: '135790' });
    for (let i = 0; i < env.LINK_MAX_FAILURES; i++) {
      await linkServiceAccount({
        actor: actorFor(guesser),
        accountNumber: account.accountNumber,
        verificationCode: String(400000 + i),
      });
    }

    const result = await linkServiceAccount({
      actor: actorFor(neighbour),
      accountNumber: account.accountNumber,
      verificationCode: '135790',
    });

    expect(result).toMatchObject({ ok: true, accountId: account.id });
  });
});

describe('unlinking a service account', () => {
  it('removes the link, leaves the dashboard without it, and records it', async () => {
    const user = await createUser();
    const { account } = await createServiceAccount({ verificationCode: '202020' });
    await linkServiceAccount({
      actor: actorFor(user),
      accountNumber: account.accountNumber,
      verificationCode: '202020',
    });

    const result = await unlinkServiceAccount({ actor: actorFor(user), accountId: account.id });

    expect(result).toEqual({ ok: true, directDebitCanceled: false });
    expect(await listLinkedAccounts({ actor: actorFor(user) })).toEqual([]);
    expect(await auditRows('account.unlinked', account.id)).toHaveLength(1);
  });
});
