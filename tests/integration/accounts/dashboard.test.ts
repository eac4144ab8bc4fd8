import { describe, expect, it } from 'vitest';
import { getLinkedAccount, listAccountReadings, listLinkedAccounts } from '@/server/accounts';
import {
  actorFor,
  createPremises,
  createServiceAccount,
  createUser,
  linkAccount,
  monthlyReadings,
} from '../../fixtures/world';

describe('the dashboard', () => {
  it('shows each linked account with its meter and its last two readings, newest first', async () => {
    const user = await createUser();
    const home = await createPremises({ householdSize: 4, addressZh: '经十路8号' });
    const water = await createServiceAccount({
      utility: 'water',
      premisesId: home.id,
      readings: monthlyReadings({ months: 6, lastPeriod: '2025-06-01', perMonth: 12 }),
    });
    const power = await createServiceAccount({ utility: 'electricity', premisesId: home.id });
    await linkAccount({ userId: user.id, accountId: water.account.id });
    await linkAccount({ userId: user.id, accountId: power.account.id });

    const accounts = await listLinkedAccounts({ actor: actorFor(user) });

    expect(accounts.map((a) => a.utility)).toEqual(['water', 'electricity']);
    const [waterCard, powerCard] = accounts;
    expect(waterCard).toMatchObject({
      householdSize: 4,
      address: { zh: '经十路8号' },
      meterSerial: water.meter.serialNumber,
      readingNote: null,
    });
    expect(waterCard?.lastReadings.map((r) => [r.period, r.consumption])).toEqual([
      ['2025-06-01', '12.00'],
      ['2025-05-01', '12.00'],
    ]);
    expect(powerCard).toMatchObject({ lastReadings: [], readingNote: 'none' });
  });

  it('notes an estimated latest reading and a missing month', async () => {
    const user = await createUser();
    const estimated = await createServiceAccount({
      readings: [
        { period: '2025-04-01', reading: '10', consumption: '10' },
        { period: '2025-05-01', reading: '21', consumption: '11', kind: 'estimated' },
      ],
    });
    const gap = await createServiceAccount({
      readings: [
        { period: '2025-02-01', reading: '10', consumption: '10' },
        { period: '2025-04-01', reading: '30', consumption: '20' },
      ],
    });
    await linkAccount({ userId: user.id, accountId: estimated.account.id });
    await linkAccount({ userId: user.id, accountId: gap.account.id });

    const accounts = await listLinkedAccounts({ actor: actorFor(user) });
    const note = (id: number) => accounts.find((a) => a.id === id)?.readingNote;

    expect(note(estimated.account.id)).toBe('estimated');
    expect(note(gap.account.id)).toBe('missing');
  });

  it('welcomes a resident with no accounts with an empty list', async () => {
    const user = await createUser();
    expect(await listLinkedAccounts({ actor: actorFor(user) })).toEqual([]);
  });
});

describe('the account page', () => {
  it('lists at most the last 24 readings, newest first', async () => {
    const user = await createUser();
    const { account } = await createServiceAccount({
      readings: monthlyReadings({ months: 30, lastPeriod: '2025-12-01' }),
    });
    await linkAccount({ userId: user.id, accountId: account.id });

    const readings = await listAccountReadings({ actor: actorFor(user), accountId: account.id });
    const detail = await getLinkedAccount({ actor: actorFor(user), accountId: account.id });

    expect(readings).toHaveLength(24);
    expect(readings?.[0]?.period).toBe('2025-12-01');
    expect(readings?.[23]?.period).toBe('2024-01-01');
    expect(detail?.meters).toHaveLength(1);
    expect(detail?.holderName).toBe(account.holderName);
  });
});
