import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/server/db';
import { auditLog, mailOutbox, notices, notifications, users } from '@/server/db/schema';
import { PermissionError } from '@/server/auth/permissions';
import { saveNotice } from '@/server/notices/save-notice';
import { publishNotice } from '@/server/notices/publish-notice';
import { withdrawNotice } from '@/server/notices/withdraw-notice';
import { notifyNoticeRecipients } from '@/server/notices/notify-notice-recipients';
import { listResidentNotices } from '@/server/notices/list-resident-notices';
import { listPublicNotices } from '@/server/notices/list-public-notices';
import { getPublicNotice } from '@/server/notices/get-public-notice';
import type { TNoticeInput } from '@/server/notices/types';
import { stopJobs } from '@/server/jobs/stop-jobs';
import {
  actorFor,
  createDistrict,
  createPremises,
  createServiceAccount,
  createUser,
  linkAccount,
} from '../../fixtures/world';

afterAll(() => stopJobs());

const HOUR = 3_600_000;
const inHours = (h: number) => new Date(Date.now() + h * HOUR);

/** A water cut next week: far enough ahead for every kind's lead time. */
function noticeInput(overrides: Partial<TNoticeInput> = {}): TNoticeInput {
  return {
    kind: 'water_outage',
    utility: 'water',
    titleZh: '泉城路片区计划停水通知',
    titleEn: null,
    bodyZh: '因管网维修，届时将暂停供水，请提前储水。',
    bodyEn: null,
    startsAt: inHours(8 * 24),
    endsAt: inHours(8 * 24 + 8),
    emergency: false,
    emergencyReason: null,
    districtIds: [],
    accountNumbers: [],
    ...overrides,
  };
}

/** A resident linked to the given accounts. */
async function residentOf(...accountIds: number[]) {
  const user = await createUser();
  for (const accountId of accountIds) await linkAccount({ userId: user.id, accountId });
  return user;
}

/**
 * The city the tests share: district A (two households), district B (one), district C (one
 * household targeted by its account number, one neighbour that is not).
 */
let world: Awaited<ReturnType<typeof buildWorld>>;
async function buildWorld() {
  const [districtA, districtB, districtC] = [
    await createDistrict(),
    await createDistrict(),
    await createDistrict(),
  ];
  const p1 = await createPremises({ districtId: districtA.id });
  const p2 = await createPremises({ districtId: districtA.id });
  const p3 = await createPremises({ districtId: districtB.id });
  const p4 = await createPremises({ districtId: districtC.id });
  const p5 = await createPremises({ districtId: districtC.id });
  const p1Water = (await createServiceAccount({ premisesId: p1.id, utility: 'water' })).account;
  const p1Power = (await createServiceAccount({ premisesId: p1.id, utility: 'electricity' }))
    .account;
  const p2Water = (await createServiceAccount({ premisesId: p2.id })).account;
  const p3Water = (await createServiceAccount({ premisesId: p3.id })).account;
  const p4Water = (await createServiceAccount({ premisesId: p4.id, utility: 'water' })).account;
  const p4Power = (await createServiceAccount({ premisesId: p4.id, utility: 'electricity' }))
    .account;
  const p5Water = (await createServiceAccount({ premisesId: p5.id })).account;
  const disabled = await createUser({ disabled: true });
  await linkAccount({ userId: disabled.id, accountId: p2Water.id });
  return {
    districtA,
    districtB,
    districtC,
    p4Power,
    /** Both accounts of one household: told once, not twice. */
    bothAccountsInA: await residentOf(p1Water.id, p1Power.id),
    otherInA: await residentOf(p2Water.id),
    inB: await residentOf(p3Water.id),
    /** Linked to the water account of the premises whose electricity account is targeted. */
    samePremisesInC: await residentOf(p4Water.id),
    neighbourInC: await residentOf(p5Water.id),
    /** Holds a household in A and one in B: one notice for A names only the A address. */
    landlord: await residentOf(p2Water.id, p3Water.id),
    disabled,
    agent: actorFor(await createUser({ role: 'agent' })),
  };
}

beforeAll(async () => {
  world = await buildWorld();
});

async function publishFor(targets: Partial<Pick<TNoticeInput, 'districtIds' | 'accountNumbers'>>) {
  const result = await saveNotice({
    actor: world.agent,
    notice: noticeInput(targets),
    publish: true,
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.noticeId;
}

async function noticeNotifications(noticeId: number) {
  const db = await getDb();
  return db
    .select({ userId: notifications.userId })
    .from(notifications)
    .where(eq(notifications.dedupeKey, `notice:${noticeId}`));
}

describe('publishing a notice tells the residents of the targeted places', () => {
  it('tells exactly the residents of the targeted district and account premises, once each, and a rerun tells no one', async () => {
    const noticeId = await publishFor({
      districtIds: [world.districtA.id],
      accountNumbers: [world.p4Power.accountNumber],
    });

    // A small batch size makes the job take several transactions.
    const first = await notifyNoticeRecipients(noticeId, { batchSize: 2 });
    const expected = [
      world.bothAccountsInA.id,
      world.otherInA.id,
      world.samePremisesInC.id,
      world.landlord.id,
    ].sort();
    expect(first).toMatchObject({ notified: 4, complete: true });
    expect(first.batches).toBeGreaterThanOrEqual(2);
    const told = await noticeNotifications(noticeId);
    expect(told.map((n) => n.userId).sort()).toEqual(expected);

    const db = await getDb();
    const mail = await db
      .select({ to: mailOutbox.toAddress, subject: mailOutbox.subject, text: mailOutbox.textBody })
      .from(mailOutbox)
      .where(
        and(
          eq(mailOutbox.template, 'notify.notice.published'),
          sql`${mailOutbox.textBody} like ${`%/notices/${noticeId}%`}`,
        ),
      );
    expect(mail).toHaveLength(4);
    expect(mail[0]?.subject).toContain('泉城路片区计划停水通知');
    expect(mail[0]?.text).toContain('计划停水');

    const again = await notifyNoticeRecipients(noticeId, { batchSize: 2 });
    expect(again).toMatchObject({ notified: 0, complete: true });
    expect(await noticeNotifications(noticeId)).toHaveLength(4);
    const [row] = await db
      .select({ notifiedAt: notices.notifiedAt })
      .from(notices)
      .where(eq(notices.id, noticeId));
    expect(row?.notifiedAt).toBeInstanceOf(Date);
  });

  it('tells a resident who linked an account after publishing on the next run, and only them', async () => {
    const noticeId = await publishFor({ districtIds: [world.districtB.id] });
    expect(await notifyNoticeRecipients(noticeId)).toMatchObject({ notified: 2, complete: true });
    const { account } = await createServiceAccount({
      premisesId: (await createPremises({ districtId: world.districtB.id })).id,
    });
    const late = await residentOf(account.id);
    expect(await notifyNoticeRecipients(noticeId)).toMatchObject({ notified: 1, complete: true });
    expect((await noticeNotifications(noticeId)).map((n) => n.userId)).toContain(late.id);
    expect(await noticeNotifications(noticeId)).toHaveLength(3);
  });

  it('writes the mail in each resident’s language, with the English title when there is one', async () => {
    const db = await getDb();
    const english = await residentOf();
    await db.update(users).set({ locale: 'en' }).where(eq(users.id, english.id));
    const { account } = await createServiceAccount({
      premisesId: (await createPremises({ districtId: world.districtB.id })).id,
    });
    await linkAccount({ userId: english.id, accountId: account.id });
    const result = await saveNotice({
      actor: world.agent,
      notice: noticeInput({
        districtIds: [world.districtB.id],
        titleEn: 'Water cut on Jingshi Road',
      }),
      publish: true,
    });
    if (!result.ok) throw new Error('not published');
    await notifyNoticeRecipients(result.noticeId);
    const [mail] = await db
      .select({ subject: mailOutbox.subject })
      .from(mailOutbox)
      .where(eq(mailOutbox.toAddress, english.email));
    expect(mail?.subject).toBe('New service notice for your address: Water cut on Jingshi Road');
  });

  it('does not tell anyone about a draft, or about a notice withdrawn before the job ran', async () => {
    const draft = await saveNotice({
      actor: world.agent,
      notice: noticeInput({ districtIds: [world.districtA.id] }),
      publish: false,
    });
    if (!draft.ok) throw new Error('not saved');
    expect(await notifyNoticeRecipients(draft.noticeId)).toMatchObject({ notified: 0 });

    const noticeId = await publishFor({ districtIds: [world.districtA.id] });
    expect(await withdrawNotice({ actor: world.agent, noticeId, reason: '施工取消' })).toEqual({
      ok: true,
    });
    expect(await notifyNoticeRecipients(noticeId)).toMatchObject({ notified: 0, complete: false });
    expect(await noticeNotifications(noticeId)).toHaveLength(0);
  });
});

describe('what residents see', () => {
  it('shows a resident only the notices for their own premises on the dashboard', async () => {
    const noticeId = await publishFor({ districtIds: [world.districtA.id] });
    const mine = await listResidentNotices({ actor: actorFor(world.otherInA) });
    expect(mine.map((n) => n.id)).toContain(noticeId);
    const theirs = await listResidentNotices({ actor: actorFor(world.inB) });
    expect(theirs.map((n) => n.id)).not.toContain(noticeId);
    const neighbour = await listResidentNotices({ actor: actorFor(world.neighbourInC) });
    expect(neighbour.map((n) => n.id)).not.toContain(noticeId);

    // The landlord holds homes in A and B: the notice names only the home in A.
    const landlord = await listResidentNotices({ actor: actorFor(world.landlord) });
    const forA = landlord.find((n) => n.id === noticeId);
    expect(forA?.addresses).toHaveLength(1);
    expect(forA).toMatchObject({ kind: 'water_outage', current: false });
  });

  it('shows an account-targeted notice to residents of that premises only', async () => {
    const noticeId = await publishFor({ accountNumbers: [world.p4Power.accountNumber] });
    const same = await listResidentNotices({ actor: actorFor(world.samePremisesInC) });
    expect(same.map((n) => n.id)).toContain(noticeId);
    const neighbour = await listResidentNotices({ actor: actorFor(world.neighbourInC) });
    expect(neighbour.map((n) => n.id)).not.toContain(noticeId);
  });

  it('removes a withdrawn notice from the dashboard and the public lists, and marks its page withdrawn', async () => {
    const noticeId = await publishFor({ districtIds: [world.districtB.id] });
    const resident = actorFor(world.inB);
    expect((await listResidentNotices({ actor: resident })).map((n) => n.id)).toContain(noticeId);
    const upcoming = await listPublicNotices({ when: 'upcoming', districtId: world.districtB.id });
    expect(upcoming.notices.map((n) => n.id)).toContain(noticeId);

    await withdrawNotice({ actor: world.agent, noticeId, reason: '维修计划改期' });

    expect((await listResidentNotices({ actor: resident })).map((n) => n.id)).not.toContain(
      noticeId,
    );
    for (const when of ['current', 'upcoming', 'past'] as const) {
      const list = await listPublicNotices({ when });
      expect(list.notices.map((n) => n.id)).not.toContain(noticeId);
    }
    expect(await getPublicNotice(noticeId)).toMatchObject({ status: 'withdrawn' });
    const db = await getDb();
    const audit = await db
      .select({ action: auditLog.action, actor: auditLog.actorUserId })
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, 'notice'), eq(auditLog.subjectId, String(noticeId))));
    expect(audit.map((a) => a.action).sort()).toEqual([
      'notice.created',
      'notice.published',
      'notice.withdrawn',
    ]);
    expect(audit.every((a) => a.actor === world.agent.userId)).toBe(true);
  });

  it('keeps drafts off the public page entirely', async () => {
    const draft = await saveNotice({
      actor: world.agent,
      notice: noticeInput({ districtIds: [world.districtA.id] }),
      publish: false,
    });
    if (!draft.ok) throw new Error('not saved');
    expect(await getPublicNotice(draft.noticeId)).toBeNull();
    const upcoming = await listPublicNotices({ when: 'upcoming' });
    expect(upcoming.notices.map((n) => n.id)).not.toContain(draft.noticeId);
    expect(
      (await listResidentNotices({ actor: actorFor(world.otherInA) })).map((n) => n.id),
    ).not.toContain(draft.noticeId);
  });

  it('sorts public notices into current, upcoming and past, and filters by district and utility', async () => {
    const db = await getDb();
    // A district of its own: the others collect notices from the tests above.
    const districtD = await createDistrict();
    const current = await publishFor({ districtIds: [districtD.id] });
    await db
      .update(notices)
      .set({ startsAt: inHours(-2), endsAt: inHours(3) })
      .where(eq(notices.id, current));
    const past = await publishFor({ districtIds: [districtD.id] });
    await db
      .update(notices)
      .set({ startsAt: inHours(-30), endsAt: inHours(-20) })
      .where(eq(notices.id, past));
    const power = await saveNotice({
      actor: world.agent,
      notice: noticeInput({ kind: 'planned_outage', districtIds: [districtD.id] }),
      publish: true,
    });
    if (!power.ok) throw new Error('not published');

    const ids = async (input: Parameters<typeof listPublicNotices>[0]) =>
      (await listPublicNotices(input)).notices.map((n) => n.id);
    expect(await ids({ when: 'current', districtId: districtD.id })).toEqual([current]);
    expect(await ids({ when: 'past', districtId: districtD.id })).toEqual([past]);
    expect(await ids({ when: 'upcoming', districtId: districtD.id })).toEqual([power.noticeId]);
    expect(await ids({ when: 'upcoming', districtId: districtD.id, utility: 'water' })).toEqual([]);
    expect(await ids({ when: 'current', districtId: world.districtA.id })).not.toContain(current);

    const [listed] = (await listPublicNotices({ when: 'upcoming', districtId: districtD.id }))
      .notices;
    expect(listed).toMatchObject({ utility: 'electricity', accountTargets: 0 });
    expect(listed?.districts).toEqual([{ zh: districtD.nameZh, en: districtD.nameEn }]);
  });
});

describe('the rules staff publish under', () => {
  it('lets only staff with publish:notice:any save, publish or withdraw', async () => {
    const draft = await saveNotice({
      actor: world.agent,
      notice: noticeInput({ districtIds: [world.districtA.id] }),
      publish: false,
    });
    if (!draft.ok) throw new Error('not saved');
    for (const role of ['billing', 'reviewer', 'resident'] as const) {
      const actor = actorFor(await createUser({ role }));
      await expect(
        saveNotice({
          actor,
          notice: noticeInput({ districtIds: [world.districtA.id] }),
          publish: true,
        }),
      ).rejects.toThrow(PermissionError);
      await expect(publishNotice({ actor, noticeId: draft.noticeId })).rejects.toThrow(
        PermissionError,
      );
      await expect(
        withdrawNotice({ actor, noticeId: draft.noticeId, reason: 'x' }),
      ).rejects.toThrow(PermissionError);
    }
    const db = await getDb();
    const [row] = await db
      .select({ status: notices.status })
      .from(notices)
      .where(eq(notices.id, draft.noticeId));
    expect(row?.status).toBe('draft');
  });

  it('refuses a power cut with less than 7 days notice unless it is an emergency with a reason', async () => {
    const soon = noticeInput({
      kind: 'planned_outage',
      startsAt: inHours(48),
      endsAt: inHours(52),
      districtIds: [world.districtA.id],
    });
    expect(await saveNotice({ actor: world.agent, notice: soon, publish: true })).toEqual({
      ok: false,
      error: 'invalid',
      fields: { startsAt: { code: 'leadTime.planned_outage', values: { hours: 168 } } },
    });
    expect(
      await saveNotice({ actor: world.agent, notice: { ...soon, emergency: true }, publish: true }),
    ).toEqual({
      ok: false,
      error: 'invalid',
      fields: { emergencyReason: { code: 'reasonNeeded' } },
    });
    const emergency = await saveNotice({
      actor: world.agent,
      notice: { ...soon, emergency: true, emergencyReason: '变压器故障抢修' },
      publish: true,
    });
    expect(emergency).toMatchObject({ ok: true, published: true });
  });

  it('saves a late draft but refuses to publish it until the lead time is met', async () => {
    const draft = await saveNotice({
      actor: world.agent,
      notice: noticeInput({
        startsAt: inHours(5),
        endsAt: inHours(9),
        districtIds: [world.districtA.id],
      }),
      publish: false,
    });
    if (!draft.ok) throw new Error('not saved');
    expect(await publishNotice({ actor: world.agent, noticeId: draft.noticeId })).toEqual({
      ok: false,
      error: 'invalid',
      fields: { startsAt: { code: 'leadTime.water_outage', values: { hours: 24 } } },
    });
    const later = await saveNotice({
      actor: world.agent,
      noticeId: draft.noticeId,
      notice: noticeInput({ districtIds: [world.districtA.id] }),
      publish: false,
    });
    expect(later).toMatchObject({ ok: true });
    expect(await publishNotice({ actor: world.agent, noticeId: draft.noticeId })).toEqual({
      ok: true,
    });
    // Published: no longer edited, nor published twice.
    expect(
      await saveNotice({
        actor: world.agent,
        noticeId: draft.noticeId,
        notice: noticeInput({ districtIds: [world.districtA.id] }),
        publish: false,
      }),
    ).toEqual({ ok: false, error: 'not_found' });
    expect(await publishNotice({ actor: world.agent, noticeId: draft.noticeId })).toEqual({
      ok: false,
      error: 'not_found',
    });
  });

  it('publishes water-quality results with no lead time, and refuses an end before the start', async () => {
    const quality = await saveNotice({
      actor: world.agent,
      notice: noticeInput({
        kind: 'water_quality',
        startsAt: inHours(-24),
        endsAt: inHours(24 * 30),
        districtIds: [world.districtA.id],
      }),
      publish: true,
    });
    expect(quality).toMatchObject({ ok: true });
    const backwards = await saveNotice({
      actor: world.agent,
      notice: noticeInput({
        startsAt: inHours(200),
        endsAt: inHours(199),
        districtIds: [world.districtA.id],
      }),
      publish: false,
    });
    expect(backwards).toEqual({
      ok: false,
      error: 'invalid',
      fields: { endsAt: { code: 'endBeforeStart' } },
    });
  });

  it('names the account numbers it cannot find and asks for at least one target', async () => {
    expect(
      await saveNotice({
        actor: world.agent,
        notice: noticeInput({ accountNumbers: ['1999999998', world.p4Power.accountNumber] }),
        publish: false,
      }),
    ).toEqual({
      ok: false,
      error: 'invalid',
      fields: {
        accountNumbers: { code: 'unknownAccounts', values: { numbers: '1999999998', count: 1 } },
      },
    });
    expect(await saveNotice({ actor: world.agent, notice: noticeInput(), publish: false })).toEqual(
      {
        ok: false,
        error: 'invalid',
        fields: { targets: { code: 'noTargets' } },
      },
    );
  });
});
