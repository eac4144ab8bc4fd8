import { afterAll, describe, expect, it } from 'vitest';
import { listLinkedAccounts } from '@/server/accounts';
import { listAccountBillingSummaries } from '@/server/bills';
import { listResidentNotices } from '@/server/notices';
import { saveNotice } from '@/server/notices/save-notice';
import { listMyApplications } from '@/server/assistance';
import { listMyComplaints } from '@/server/complaints';
import { getResidentDashboard } from '@/server/page-reads';
import { stopJobs } from '@/server/jobs/stop-jobs';
import { createBill, tierLine } from '../../fixtures/billing';
import { fileCase } from '../../fixtures/complaints';
import { submitApplication } from '../../fixtures/assistance';
import {
  actorFor,
  createDistrict,
  createPremises,
  createServiceAccount,
  createUser,
  linkAccount,
  monthlyReadings,
} from '../../fixtures/world';

afterAll(() => stopJobs());

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);

/** A resident with something in every section: two accounts, a bill, a notice, a case, an application. */
async function busyResident() {
  const user = await createUser();
  const district = await createDistrict();
  const home = await createPremises({ districtId: district.id, addressZh: '泉城路1号' });
  const water = await createServiceAccount({
    utility: 'water',
    premisesId: home.id,
    readings: monthlyReadings({ months: 4, lastPeriod: '2025-06-01', perMonth: 9 }),
  });
  const power = await createServiceAccount({ utility: 'electricity', premisesId: home.id });
  await linkAccount({ userId: user.id, accountId: water.account.id });
  await linkAccount({ userId: user.id, accountId: power.account.id });
  const actor = actorFor(user);
  await createBill({
    accountId: water.account.id,
    period: '2025-06-01',
    usage: '9',
    lines: [tierLine({ tier: 1, quantity: '9', unitPrice: '3.45', amountFen: 3105, unit: 'm³' })],
  });
  const agent = actorFor(await createUser({ role: 'agent' }));
  const notice = await saveNotice({
    actor: agent,
    notice: {
      kind: 'water_outage',
      utility: 'water',
      titleZh: '泉城路片区计划停水通知',
      titleEn: 'Planned water cut',
      bodyZh: '因管网维修，届时将暂停供水，请提前储水。',
      bodyEn: null,
      startsAt: inDays(8),
      endsAt: inDays(8.5),
      emergency: false,
      emergencyReason: null,
      districtIds: [district.id],
      accountNumbers: [],
    },
    publish: true,
  });
  if (!notice.ok) throw new Error(JSON.stringify(notice));
  await fileCase({ actor, accountId: water.account.id });
  await submitApplication({ actor, accountIds: [water.account.id] });
  return { user, actor };
}

describe("the resident's dashboard in one statement", () => {
  it('gives exactly what each domain gives on its own: accounts, billing, notices, applications, complaints', async () => {
    const { actor } = await busyResident();

    const together = await getResidentDashboard({ actor });
    const [accounts, billing, notices, applications, complaints] = await Promise.all([
      listLinkedAccounts({ actor }),
      listAccountBillingSummaries({ actor }),
      listResidentNotices({ actor }),
      listMyApplications({ actor }),
      listMyComplaints({ actor, limit: 50 }),
    ]);

    // Something in every section, so the comparison below compares values, not empty lists.
    expect(accounts).toHaveLength(2);
    expect(billing.some((b) => b.latestBill?.totalFen === 3105 && b.balanceFen > 0)).toBe(true);
    expect(notices).toHaveLength(1);
    expect(applications).toHaveLength(1);
    expect(complaints).toHaveLength(1);
    expect(accounts[0]?.lastReadings).toHaveLength(2);
    // Dates stay dates (JSON carries them as text), ids and amounts stay numbers.
    expect(notices[0]?.startsAt).toBeInstanceOf(Date);
    expect(together).toEqual({ accounts, billing, notices, applications, complaints });
  });

  it("shows another resident nothing of this one's", async () => {
    await busyResident();
    const stranger = actorFor(await createUser());

    expect(await getResidentDashboard({ actor: stranger })).toEqual({
      accounts: [],
      billing: [],
      notices: [],
      applications: [],
      complaints: [],
    });
  });
});
