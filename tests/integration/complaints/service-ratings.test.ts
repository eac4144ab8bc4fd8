import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/server/db';
import { complaints, servicePoints } from '@/server/db/schema';
import { installFileStore } from '@/server/files';
import {
  changeComplaintStatus,
  fileComplaint,
  getServiceRatings,
  rateComplaint,
  type TRatingMonth,
  type TServiceRatings,
} from '@/server/complaints';
import { shanghaiInstant } from '@/lib/dates';
import {
  createDistrict,
  createPremises,
  createResidentWithAccount,
  createUser,
} from '../../fixtures/world';
import {
  createStaffInDepartments,
  fileCase,
  useTemporaryFileStore,
} from '../../fixtures/complaints';

beforeAll(() => {
  useTemporaryFileStore();
});
afterAll(() => installFileStore(undefined));

const at = (day: string, hour = 10) => shanghaiInstant(day, hour);
const NOW = at('2026-11-30');

async function pointOf(districtId: number, utility: 'water' | 'electricity') {
  const db = await getDb();
  const rows = await db
    .select({ id: servicePoints.id, utility: servicePoints.utility })
    .from(servicePoints)
    .where(eq(servicePoints.districtId, districtId));
  const point = rows.find((r) => r.utility === utility);
  if (!point) throw new Error('no service point');
  return point.id;
}

const monthOf = (months: TRatingMonth[], month: string) => months.find((m) => m.month === month);
const pointMonth = (r: TServiceRatings, pointId: number, month: string) =>
  monthOf(r.servicePoints.find((p) => p.id === pointId)?.months ?? [], month);

async function residentIn(districtId: number, utility: 'water' | 'electricity', name: string) {
  const { id: premisesId } = await createPremises({ districtId });
  return createResidentWithAccount({ utility, premisesId, holderName: name });
}

describe('public service ratings per service point (万众评)', () => {
  it('put each case under the point of its premises and utility, a report under the district it names, the rest unassigned — and show nothing personal', async () => {
    const east = await createDistrict({ nameZh: '东区', nameEn: 'East' });
    const west = await createDistrict({ nameZh: '西区', nameEn: 'West' });
    const bare = await createDistrict({ nameZh: '无网点区', servicePoints: false });
    const agent = await createStaffInDepartments('agent', ['business_hall', 'inspection']);
    const eastWater = await residentIn(east.id, 'water', '户主秘密甲');
    const eastPower = await residentIn(east.id, 'electricity', '户主秘密乙');
    const westWater = await residentIn(west.id, 'water', '户主秘密丙');
    const bareWater = await residentIn(bare.id, 'water', '户主秘密丁');
    const before = await getServiceRatings({ now: NOW });
    const unassignedBefore = monthOf(before.unassigned, '2026-11')?.cases ?? 0;

    const query = (r: typeof eastWater, day: string, description = '账单疑问秘密描述') =>
      fileCase({
        actor: r.actor,
        category: 'billing_query',
        subType: 'amount',
        accountId: r.account.id,
        description,
        now: at(day),
      });
    const eastWaterCase = await query(eastWater, '2026-11-02');
    const eastWaterLate = await query(eastWater, '2026-11-03');
    await query(eastPower, '2026-11-04');
    await query(westWater, '2026-10-05');
    await query(bareWater, '2026-11-05');
    const report = (districtId: number | null, ip: string) =>
      fileCase({
        actor: null,
        ip,
        category: 'illegal_use',
        subType: 'electricity',
        reportedDistrictId: districtId,
        location: '秘密小区5号楼',
        contactEmail: 'secret-reporter@example.test',
        description: '邻居私拉电线秘密',
        now: at('2026-11-06'),
      });
    const westReport = await report(west.id, '10.0.0.1');
    await report(null, '10.0.0.2');

    await changeComplaintStatus({
      actor: agent.actor,
      complaintId: eastWaterCase.complaintId,
      status: 'closed',
      body: '已核实',
      now: at('2026-11-03'),
    });
    await changeComplaintStatus({
      actor: agent.actor,
      complaintId: eastWaterLate.complaintId,
      status: 'closed',
      body: '已核实',
      now: at('2026-11-25'),
    });
    await rateComplaint({
      actor: eastWater.actor,
      complaintId: eastWaterCase.complaintId,
      rating: 5,
      comment: '评价秘密意见',
    });
    await rateComplaint({
      actor: eastWater.actor,
      complaintId: eastWaterLate.complaintId,
      rating: 2,
      comment: '',
    });

    const db = await getDb();
    const [stored] = await db
      .select({ servicePointId: complaints.servicePointId, districtId: complaints.districtId })
      .from(complaints)
      .where(eq(complaints.id, westReport.complaintId));
    expect(stored).toEqual({
      servicePointId: await pointOf(west.id, 'electricity'),
      districtId: west.id,
    });

    const ratings = await getServiceRatings({ month: '2026-11', now: NOW });
    expect(ratings.month).toBe('2026-11');
    expect(ratings.months).toHaveLength(12);
    expect(pointMonth(ratings, await pointOf(east.id, 'water'), '2026-11')).toEqual({
      month: '2026-11',
      cases: 2,
      answered: 2,
      answeredOnTime: 1,
      onTimeShare: 0.5,
      ratings: 2,
      averageRating: 3.5,
    });
    expect(pointMonth(ratings, await pointOf(east.id, 'electricity'), '2026-11')).toMatchObject({
      cases: 1,
      answered: 0,
      onTimeShare: null,
      averageRating: null,
    });
    // The trend keeps earlier months: west's water case was filed in October.
    expect(pointMonth(ratings, await pointOf(west.id, 'water'), '2026-10')?.cases).toBe(1);
    expect(pointMonth(ratings, await pointOf(west.id, 'water'), '2026-11')?.cases).toBe(0);
    expect(pointMonth(ratings, await pointOf(west.id, 'electricity'), '2026-11')?.cases).toBe(1);
    // A district without points and a report naming no district: unassigned, still counted
    // in their departments.
    expect(monthOf(ratings.unassigned, '2026-11')?.cases).toBe(unassignedBefore + 2);
    const inspection = ratings.departments.find((d) => d.department === 'inspection');
    expect(monthOf(inspection?.months ?? [], '2026-11')?.cases).toBe(
      (monthOf(
        before.departments.find((d) => d.department === 'inspection')?.months ?? [],
        '2026-11',
      )?.cases ?? 0) + 2,
    );
    // Every configured point is listed, with its district, cases or not.
    const eastPoints = ratings.servicePoints.filter((p) => p.district.zh === '东区');
    expect(eastPoints.map((p) => p.label.zh).sort()).toEqual(['东区供水所', '东区供电所'].sort());
    expect(ratings.servicePoints.some((p) => p.district.zh === '无网点区')).toBe(false);

    const json = JSON.stringify(ratings);
    for (const secret of [
      '户主秘密',
      eastWater.account.accountNumber,
      eastWater.user.email,
      '账单疑问秘密描述',
      '评价秘密意见',
      '秘密小区',
      '私拉电线秘密',
      'secret-reporter',
      eastWaterCase.reference,
      westReport.reference,
      eastWater.actor.userId,
    ])
      expect(json).not.toContain(secret);
    expect(json).not.toMatch(/WJ-\d{4}-\d{6}|@|userId|email|name|address|description|comment/i);
  });

  it('shows the month a visitor picks with the months before it, and only months that have begun', async () => {
    const district = await createDistrict();
    const resident = await residentIn(district.id, 'electricity', '户主');
    await fileCase({
      actor: resident.actor,
      category: 'billing_query',
      subType: 'amount',
      accountId: resident.account.id,
      now: at('2026-06-10'),
    });
    const point = await pointOf(district.id, 'electricity');
    const june = await getServiceRatings({ month: '2026-06', now: NOW });
    expect(june.month).toBe('2026-06');
    expect(june.months[0]).toBe('2025-07');
    expect(june.months.at(-1)).toBe('2026-06');
    expect(pointMonth(june, point, '2026-06')?.cases).toBe(1);
    expect(june.selectableMonths[0]).toBe('2026-11');
    expect(june.selectableMonths).toHaveLength(24);
    // A later month's window ends before June's case was filed: not counted there.
    const may = await getServiceRatings({ month: '2026-05', now: NOW });
    expect(pointMonth(may, point, '2026-05')?.cases).toBe(0);
    expect(may.months.includes('2026-06')).toBe(false);
    for (const month of ['2026-12', '2020-01', 'junk', null])
      expect((await getServiceRatings({ month, now: NOW })).month).toBe('2026-11');
  });

  it('refuses a report naming a district that does not exist, beside the district field', async () => {
    const user = await createUser();
    void user;
    const result = await fileComplaint({
      actor: null,
      ip: '10.0.0.9',
      locale: 'zh-CN',
      category: 'illegal_use',
      subType: 'water',
      accountId: null,
      reportedDistrictId: 999_999,
      location: '某路',
      contactEmail: null,
      description: '偷水',
      files: [],
      now: NOW,
    });
    expect(result).toEqual({ ok: false, error: 'district' });
  });
});
