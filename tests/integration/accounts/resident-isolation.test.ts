import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/server/db';
import { accountLinks } from '@/server/db/schema';
import {
  getLinkedAccount,
  listAccountReadings,
  listLinkedAccounts,
  unlinkServiceAccount,
} from '@/server/accounts';
import {
  actorFor,
  createResidentWithAccount,
  createUser,
  monthlyReadings,
} from '../../fixtures/world';

async function twoResidents() {
  const a = await createResidentWithAccount({ readings: monthlyReadings({ months: 3 }) });
  const b = await createResidentWithAccount();
  return { a, b };
}

describe("another resident's account", () => {
  it('is not found by id, and no data comes back', async () => {
    const { a, b } = await twoResidents();

    expect(await getLinkedAccount({ actor: b.actor, accountId: a.account.id })).toBeNull();
    expect(await getLinkedAccount({ actor: a.actor, accountId: a.account.id })).not.toBeNull();
  });

  it('has readings that are not found for anyone else', async () => {
    const { a, b } = await twoResidents();

    expect(await listAccountReadings({ actor: b.actor, accountId: a.account.id })).toBeNull();
    expect(await listAccountReadings({ actor: a.actor, accountId: a.account.id })).toHaveLength(3);
  });

  it('cannot be unlinked by anyone else, and its owner keeps the link', async () => {
    const { a, b } = await twoResidents();

    const result = await unlinkServiceAccount({ actor: b.actor, accountId: a.account.id });

    expect(result).toEqual({ ok: false, error: 'not_found' });
    const db = await getDb();
    const links = await db
      .select()
      .from(accountLinks)
      .where(eq(accountLinks.accountId, a.account.id));
    expect(links.map((l) => l.userId)).toEqual([a.user.id]);
  });

  it('never shows on another resident’s dashboard', async () => {
    const { a, b } = await twoResidents();

    const dashboard = await listLinkedAccounts({ actor: b.actor });

    expect(dashboard.map((x) => x.id)).toEqual([b.account.id]);
    expect(dashboard.map((x) => x.id)).not.toContain(a.account.id);
  });

  it('is not found for an id that does not exist', async () => {
    const user = await createUser();
    expect(await getLinkedAccount({ actor: actorFor(user), accountId: 987654 })).toBeNull();
    expect(await listAccountReadings({ actor: actorFor(user), accountId: 987654 })).toBeNull();
  });
});
