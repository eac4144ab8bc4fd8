import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/server/db';
import { auditLog } from '@/server/db/schema';
import { PermissionError } from '@/server/auth/permissions';
import { searchServiceAccounts, viewServiceAccount } from '@/server/staff';
import {
  actorFor,
  createPremises,
  createServiceAccount,
  createUser,
  linkAccount,
  monthlyReadings,
  resetWorld,
} from '../../fixtures/world';

beforeEach(resetWorld);

describe('staff account search', () => {
  it('finds an account by its full number and by the first digits of it', async () => {
    const agent = actorFor(await createUser({ role: 'agent' }));
    const { account } = await createServiceAccount({ accountNumber: '1234567890' });
    await createServiceAccount({ accountNumber: '1299999999' });

    const exact = await searchServiceAccounts({ actor: agent, query: '1234567890' });
    const prefix = await searchServiceAccounts({ actor: agent, query: '12345' });
    const wider = await searchServiceAccounts({ actor: agent, query: '12' });

    expect(exact.hits.map((h) => h.id)).toEqual([account.id]);
    expect(prefix.hits.map((h) => h.accountNumber)).toEqual(['1234567890']);
    expect(wider.hits.map((h) => h.accountNumber)).toEqual(['1234567890', '1299999999']);
  });

  it("finds accounts by part of the holder's name and by part of the address", async () => {
    const agent = actorFor(await createUser({ role: 'agent' }));
    const { account: byName } = await createServiceAccount({ holderName: '欧阳明月' });
    const home = await createPremises({
      addressZh: '历山路66号3单元502室',
      addressEn: 'Room 502, Unit 3, No. 66 Lishan Road',
    });
    const { account: byAddress } = await createServiceAccount({ premisesId: home.id });

    const name = await searchServiceAccounts({ actor: agent, query: '阳明' });
    const addressZh = await searchServiceAccounts({ actor: agent, query: '历山路66号' });
    const addressEn = await searchServiceAccounts({ actor: agent, query: 'lishan road' });

    expect(name.hits.map((h) => h.id)).toEqual([byName.id]);
    expect(addressZh.hits.map((h) => h.id)).toEqual([byAddress.id]);
    expect(addressEn.hits.map((h) => h.id)).toEqual([byAddress.id]);
  });

  it('treats % and _ in a search as plain characters', async () => {
    const agent = actorFor(await createUser({ role: 'agent' }));
    await createServiceAccount({ holderName: '王芳' });

    const result = await searchServiceAccounts({ actor: agent, query: '%' });

    expect(result.hits).toEqual([]);
  });

  it('pages through results twenty at a time', async () => {
    const agent = actorFor(await createUser({ role: 'agent' }));
    for (let i = 0; i < 25; i++)
      await createServiceAccount({ accountNumber: `15${String(i).padStart(8, '0')}` });

    const first = await searchServiceAccounts({ actor: agent, query: '15' });
    const second = await searchServiceAccounts({
      actor: agent,
      query: '15',
      after: first.nextAfter,
    });

    expect(first.hits).toHaveLength(20);
    expect(first.nextAfter).toBe('1500000019');
    expect(second.hits.map((h) => h.accountNumber)).toEqual([
      '1500000020',
      '1500000021',
      '1500000022',
      '1500000023',
      '1500000024',
    ]);
    expect(second.nextAfter).toBeNull();
  });

  it('is refused to residents', async () => {
    const resident = actorFor(await createUser());
    await expect(searchServiceAccounts({ actor: resident, query: '1' })).rejects.toBeInstanceOf(
      PermissionError,
    );
  });
});

describe('a staff member viewing an account', () => {
  it('sees the account, its meter, readings and linked users with their e-mail partly hidden, and the view is recorded', async () => {
    const agent = await createUser({ role: 'agent' });
    const resident = await createUser({ email: 'liu.yang@example.com' });
    const { account, meter } = await createServiceAccount({
      readings: monthlyReadings({ months: 15 }),
    });
    await linkAccount({ userId: resident.id, accountId: account.id });

    const view = await viewServiceAccount({ actor: actorFor(agent), accountId: account.id });

    expect(view?.accountNumber).toBe(account.accountNumber);
    expect(view?.meters.map((m) => m.serialNumber)).toEqual([meter.serialNumber]);
    expect(view?.readings).toHaveLength(12);
    expect(view?.linkedUsers.map((u) => u.maskedEmail)).toEqual(['li••••••@example.com']);
    expect(JSON.stringify(view)).not.toContain('liu.yang@example.com');
    const db = await getDb();
    const audit = await db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'staff.account_viewed'),
          eq(auditLog.subjectId, String(account.id)),
        ),
      );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: agent.id, actorRole: 'agent' });
  });

  it('records every view, not only the first', async () => {
    const agent = actorFor(await createUser({ role: 'billing' }));
    const { account } = await createServiceAccount();

    await viewServiceAccount({ actor: agent, accountId: account.id });
    await viewServiceAccount({ actor: agent, accountId: account.id });

    const db = await getDb();
    const audit = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'staff.account_viewed'));
    expect(audit).toHaveLength(2);
  });

  it('gets nothing for an unknown account', async () => {
    const agent = actorFor(await createUser({ role: 'agent' }));
    expect(await viewServiceAccount({ actor: agent, accountId: 424242 })).toBeNull();
  });

  it('is refused to residents, even for their own account', async () => {
    const resident = await createUser();
    const { account } = await createServiceAccount();
    await linkAccount({ userId: resident.id, accountId: account.id });

    await expect(
      viewServiceAccount({ actor: actorFor(resident), accountId: account.id }),
    ).rejects.toBeInstanceOf(PermissionError);
  });
});
