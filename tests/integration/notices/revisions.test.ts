import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { getDb } from '@/server/db';
import {
  auditLog,
  mailOutbox,
  noticeDeliveries,
  noticeRevisionDeliveries,
  noticeRevisions,
  notices,
  notifications,
} from '@/server/db/schema';
import { PermissionError } from '@/server/auth/permissions';
import { saveNotice } from '@/server/notices/save-notice';
import { withdrawNotice } from '@/server/notices/withdraw-notice';
import { reviseNotice, type TNoticeRevisionInput } from '@/server/notices/revise-notice';
import { cancelNotice } from '@/server/notices/cancel-notice';
import { notifyNoticeRecipients } from '@/server/notices/notify-notice-recipients';
import { notifyRevisionRecipients } from '@/server/notices/notify-revision-recipients';
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

/** A resident with one water account at a new premises in the district. */
async function residentIn(districtId: number) {
  const { account } = await createServiceAccount({
    premisesId: (await createPremises({ districtId })).id,
  });
  const user = await createUser();
  await linkAccount({ userId: user.id, accountId: account.id });
  return { user, actor: actorFor(user), account };
}

let agent: ReturnType<typeof actorFor>;
beforeAll(async () => {
  agent = actorFor(await createUser({ role: 'agent' }));
});

/** A water cut two days ahead for the districts given, published and told. */
async function publishedNotice(
  districtIds: number[],
  overrides: Partial<TNoticeInput> = {},
  { tell = true } = {},
) {
  const notice: TNoticeInput = {
    kind: 'water_outage',
    utility: 'water',
    titleZh: '经十路计划停水',
    titleEn: null,
    bodyZh: '因管网维修暂停供水。',
    bodyEn: null,
    startsAt: inHours(48),
    endsAt: inHours(56),
    emergency: false,
    emergencyReason: null,
    districtIds,
    accountNumbers: [],
    ...overrides,
  };
  const saved = await saveNotice({ actor: agent, notice, publish: true });
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  if (tell) await notifyNoticeRecipients(saved.noticeId);
  return { noticeId: saved.noticeId, notice };
}

const revisionOf = (
  notice: TNoticeInput,
  overrides: Partial<TNoticeRevisionInput> = {},
): TNoticeRevisionInput => {
  const { kind: _kind, utility: _utility, ...rest } = notice;
  void _kind;
  void _utility;
  return { ...rest, ...overrides };
};

async function inboxOf(noticeId: number, kind: string) {
  const db = await getDb();
  const rows = await db
    .select({ userId: notifications.userId })
    .from(notifications)
    .where(and(eq(notifications.kind, kind), like(notifications.link, `/notices/${noticeId}`)));
  return rows.map((r) => r.userId).sort();
}

async function mailsTo(email: string, template: string) {
  const db = await getDb();
  return db
    .select({ subject: mailOutbox.subject, text: mailOutbox.textBody })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.toAddress, email), eq(mailOutbox.template, template)));
}

describe('revising a published notice', () => {
  it('tells the residents already told what changed, once each, by inbox and mail; audits it; shows it updated', async () => {
    const district = await createDistrict();
    const [a, b] = [await residentIn(district.id), await residentIn(district.id)];
    const { noticeId, notice } = await publishedNotice([district.id]);
    expect(await inboxOf(noticeId, 'notice.published')).toEqual([a.user.id, b.user.id].sort());

    const extendedEnd = inHours(60);
    const revised = await reviseNotice({
      actor: agent,
      noticeId,
      notice: revisionOf(notice, { endsAt: extendedEnd }),
      reason: '管道损坏比预计严重，延长 4 小时。',
    });
    expect(revised).toEqual({ ok: true, revision: 1 });

    const db = await getDb();
    const [revision] = await db
      .select()
      .from(noticeRevisions)
      .where(eq(noticeRevisions.noticeId, noticeId));
    expect(revision).toMatchObject({ revision: 1, kind: 'revised' });
    expect(revision?.changes).toEqual({
      schedule: { startsAt: notice.startsAt.toISOString(), endsAt: extendedEnd.toISOString() },
      endsAt: { from: notice.endsAt.toISOString(), to: extendedEnd.toISOString() },
    });
    expect(await notifyRevisionRecipients(revision!.id, { batchSize: 1 })).toMatchObject({
      notified: 2,
      complete: true,
    });
    expect(await notifyRevisionRecipients(revision!.id)).toMatchObject({ notified: 0 });
    expect(await inboxOf(noticeId, 'notice.revised')).toEqual([a.user.id, b.user.id].sort());
    const mail = await mailsTo(a.user.email, 'notify.notice.revised');
    expect(mail).toHaveLength(1);
    expect(mail[0]?.subject).toContain('经十路计划停水');
    expect(mail[0]?.text).toContain('管道损坏比预计严重');
    // Nobody was told the notice itself a second time.
    expect(await inboxOf(noticeId, 'notice.published')).toHaveLength(2);

    const [audit] = await db
      .select({ detail: auditLog.detail, actor: auditLog.actorUserId })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'notice.revised'), eq(auditLog.subjectId, String(noticeId))));
    expect(audit).toMatchObject({ actor: agent.userId, detail: { revision: 1 } });

    const page = await getPublicNotice(noticeId);
    expect(page?.endsAt).toEqual(extendedEnd);
    expect(page?.changes).toHaveLength(1);
    expect(page?.changes[0]).toMatchObject({
      kind: 'revised',
      reason: '管道损坏比预计严重，延长 4 小时。',
    });
    const [dashboard] = await listResidentNotices({ actor: a.actor });
    expect(dashboard).toMatchObject({ id: noticeId, status: 'published' });
    expect(dashboard?.lastChange?.changes.endsAt?.to).toBe(extendedEnd.toISOString());
    const listed = await listPublicNotices({ when: 'upcoming', districtId: district.id });
    expect(listed.notices[0]?.lastChange?.revision).toBe(1);
  });

  it('tells residents no longer targeted of the change, and newly targeted residents only the new notice', async () => {
    const [east, west] = [await createDistrict(), await createDistrict()];
    const inEast = await residentIn(east.id);
    const inWest = await residentIn(west.id);
    const { noticeId, notice } = await publishedNotice([east.id]);
    const revised = await reviseNotice({
      actor: agent,
      noticeId,
      notice: revisionOf(notice, { districtIds: [west.id], titleZh: '经十路西段计划停水' }),
      reason: '施工范围改为西段。',
    });
    expect(revised.ok).toBe(true);
    const db = await getDb();
    const [revision] = await db
      .select({ id: noticeRevisions.id, changes: noticeRevisions.changes })
      .from(noticeRevisions)
      .where(eq(noticeRevisions.noticeId, noticeId));
    expect(revision?.changes).toMatchObject({
      text: true,
      districtsAdded: [{ id: west.id }],
      districtsRemoved: [{ id: east.id }],
    });
    await notifyRevisionRecipients(revision!.id);
    await notifyNoticeRecipients(noticeId);
    await notifyRevisionRecipients(revision!.id);
    await notifyNoticeRecipients(noticeId);
    expect(await inboxOf(noticeId, 'notice.revised')).toEqual([inEast.user.id]);
    expect(await inboxOf(noticeId, 'notice.published')).toEqual(
      [inEast.user.id, inWest.user.id].sort(),
    );
    const [westMail] = await mailsTo(inWest.user.email, 'notify.notice.published');
    expect(westMail?.subject).toContain('经十路西段计划停水');
    expect(await listResidentNotices({ actor: inEast.actor })).toEqual([]);
    expect((await listResidentNotices({ actor: inWest.actor })).map((n) => n.id)).toEqual([
      noticeId,
    ]);
  });

  it('gives a resident listed but not yet told the revised notice, not the change', async () => {
    const district = await createDistrict();
    const early = await residentIn(district.id);
    const { noticeId, notice } = await publishedNotice([district.id]);
    const late = await residentIn(district.id);
    const revised = await reviseNotice({
      actor: agent,
      noticeId,
      notice: revisionOf(notice, { bodyZh: '因管网维修暂停供水，请储水。' }),
      reason: '补充储水提示。',
    });
    expect(revised.ok).toBe(true);
    const db = await getDb();
    const [revision] = await db
      .select({ id: noticeRevisions.id })
      .from(noticeRevisions)
      .where(eq(noticeRevisions.noticeId, noticeId));
    await notifyRevisionRecipients(revision!.id);
    await notifyNoticeRecipients(noticeId);
    expect(await inboxOf(noticeId, 'notice.revised')).toEqual([early.user.id]);
    expect(await inboxOf(noticeId, 'notice.published')).toEqual(
      [early.user.id, late.user.id].sort(),
    );
  });

  it('waits for a notify batch in flight, so a resident that batch tells is in the revision’s list', async () => {
    const district = await createDistrict();
    const resident = await residentIn(district.id);
    const { noticeId, notice } = await publishedNotice([district.id], {}, { tell: false });
    const db = await getDb();
    // List the resident without telling them yet, as the job's first step does.
    await db.insert(noticeDeliveries).values({ noticeId, userId: resident.user.id });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    // A batch as deliverInBatches runs it: the notice FOR SHARE, the resident marked told.
    const batch = db.transaction(async (tx) => {
      await tx
        .select({ id: notices.id })
        .from(notices)
        .where(eq(notices.id, noticeId))
        .for('share');
      await tx
        .update(noticeDeliveries)
        .set({ deliveredAt: new Date() })
        .where(eq(noticeDeliveries.noticeId, noticeId));
      locked();
      await held;
    });
    await lockTaken;
    const revising = reviseNotice({
      actor: agent,
      noticeId,
      notice: revisionOf(notice, { endsAt: inHours(60) }),
      reason: '延长',
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await batch;
    expect(await revising).toEqual({ ok: true, revision: 1 });
    const listed = await db
      .select({ userId: noticeRevisionDeliveries.userId })
      .from(noticeRevisionDeliveries)
      .innerJoin(noticeRevisions, eq(noticeRevisions.id, noticeRevisionDeliveries.revisionId))
      .where(eq(noticeRevisions.noticeId, noticeId));
    expect(listed).toEqual([{ userId: resident.user.id }]);
  });

  it('refuses an end before the start beside the end field', async () => {
    const { noticeId, notice } = await publishedNotice(
      [(await createDistrict()).id],
      {},
      {
        tell: false,
      },
    );
    const result = await reviseNotice({
      actor: agent,
      noticeId,
      notice: revisionOf(notice, { endsAt: new Date(notice.startsAt.getTime() - HOUR) }),
      reason: '改时间',
    });
    expect(result).toEqual({
      ok: false,
      error: 'invalid',
      fields: { endsAt: { code: 'endBeforeStart' } },
    });
  });

  it('asks the lead time for a start moved earlier, unless an emergency with a reason', async () => {
    const { noticeId, notice } = await publishedNotice([(await createDistrict()).id], {
      kind: 'planned_outage',
      utility: 'electricity',
      startsAt: inHours(10 * 24),
      endsAt: inHours(10 * 24 + 6),
    });
    const earlier = revisionOf(notice, { startsAt: inHours(3 * 24) });
    expect(await reviseNotice({ actor: agent, noticeId, notice: earlier, reason: '提前' })).toEqual(
      {
        ok: false,
        error: 'invalid',
        fields: {
          startsAt: { code: 'leadTime.planned_outage', values: { hours: 168 } },
        },
      },
    );
    expect(
      await reviseNotice({
        actor: agent,
        noticeId,
        notice: { ...earlier, emergency: true, emergencyReason: null },
        reason: '提前',
      }),
    ).toEqual({
      ok: false,
      error: 'invalid',
      fields: { emergencyReason: { code: 'reasonNeeded' } },
    });
    // Moving it later needs no lead time at all.
    expect(
      await reviseNotice({
        actor: agent,
        noticeId,
        notice: revisionOf(notice, { startsAt: inHours(12 * 24), endsAt: inHours(12 * 24 + 6) }),
        reason: '推迟两天',
      }),
    ).toEqual({ ok: true, revision: 1 });
    expect(
      await reviseNotice({
        actor: agent,
        noticeId,
        notice: { ...earlier, emergency: true, emergencyReason: '变电站故障需提前检修' },
        reason: '提前',
      }),
    ).toEqual({ ok: true, revision: 2 });
  });

  it('refuses a change that changes nothing, and one without a reason', async () => {
    const { noticeId, notice } = await publishedNotice(
      [(await createDistrict()).id],
      {},
      {
        tell: false,
      },
    );
    expect(
      await reviseNotice({ actor: agent, noticeId, notice: revisionOf(notice), reason: '无' }),
    ).toEqual({ ok: false, error: 'unchanged' });
    expect(
      await reviseNotice({
        actor: agent,
        noticeId,
        notice: revisionOf(notice, { endsAt: inHours(58) }),
        reason: '  ',
      }),
    ).toEqual({ ok: false, error: 'invalid', fields: { reason: { code: 'revisionReason' } } });
  });

  it('refuses to revise or cancel a cancelled, withdrawn, ended or draft notice, saying which', async () => {
    const district = await createDistrict();
    const cancelled = await publishedNotice([district.id], {}, { tell: false });
    expect(
      await cancelNotice({ actor: agent, noticeId: cancelled.noticeId, reason: '取消' }),
    ).toEqual({ ok: true });
    const withdrawn = await publishedNotice([district.id], {}, { tell: false });
    await withdrawNotice({ actor: agent, noticeId: withdrawn.noticeId, reason: '发错了' });
    const ended = await publishedNotice([district.id], {}, { tell: false });
    const draft = await saveNotice({
      actor: agent,
      notice: { ...ended.notice, districtIds: [district.id] },
      publish: false,
    });
    if (!draft.ok) throw new Error('draft');
    const later = inHours(24 * 30);
    for (const [noticeId, notice, reason, now] of [
      [cancelled.noticeId, cancelled.notice, 'cancelled', undefined],
      [withdrawn.noticeId, withdrawn.notice, 'withdrawn', undefined],
      [ended.noticeId, ended.notice, 'ended', later],
      [draft.noticeId, ended.notice, 'draft', undefined],
    ] as const) {
      const change = revisionOf(notice, { endsAt: inHours(57) });
      expect(
        await reviseNotice({ actor: agent, noticeId, notice: change, reason: '改', now }),
      ).toEqual({ ok: false, error: 'not_revisable', reason });
      expect(await cancelNotice({ actor: agent, noticeId, reason: '取消', now })).toEqual({
        ok: false,
        error: 'not_revisable',
        reason,
      });
    }
    expect(
      await reviseNotice({
        actor: agent,
        noticeId: 2_000_000_000,
        notice: revisionOf(ended.notice),
        reason: '改',
      }),
    ).toEqual({ ok: false, error: 'not_found' });
  });

  it('is for staff with the notices permission only', async () => {
    const { noticeId, notice } = await publishedNotice(
      [(await createDistrict()).id],
      {},
      {
        tell: false,
      },
    );
    const resident = actorFor(await createUser());
    await expect(
      reviseNotice({ actor: resident, noticeId, notice: revisionOf(notice), reason: '改' }),
    ).rejects.toBeInstanceOf(PermissionError);
    await expect(
      cancelNotice({ actor: resident, noticeId, reason: '取消' }),
    ).rejects.toBeInstanceOf(PermissionError);
  });
});

describe('cancelling a published notice', () => {
  it('tells the residents already told, once; tells the others nothing; keeps it listed, marked cancelled, with the reason', async () => {
    const district = await createDistrict();
    const told = await residentIn(district.id);
    const { noticeId } = await publishedNotice([district.id]);
    const notYetTold = await residentIn(district.id);
    expect(
      await cancelNotice({ actor: agent, noticeId, reason: '施工推迟到明年，本次停水取消。' }),
    ).toEqual({ ok: true });

    const db = await getDb();
    const [revision] = await db
      .select({ id: noticeRevisions.id, kind: noticeRevisions.kind })
      .from(noticeRevisions)
      .where(eq(noticeRevisions.noticeId, noticeId));
    expect(revision?.kind).toBe('cancelled');
    expect(await notifyRevisionRecipients(revision!.id)).toMatchObject({ notified: 1 });
    expect(await notifyRevisionRecipients(revision!.id)).toMatchObject({ notified: 0 });
    expect(await notifyNoticeRecipients(noticeId)).toMatchObject({ notified: 0 });
    expect(await inboxOf(noticeId, 'notice.cancelled')).toEqual([told.user.id]);
    expect(await inboxOf(noticeId, 'notice.published')).toEqual([told.user.id]);
    const [mail] = await mailsTo(told.user.email, 'notify.notice.cancelled');
    expect(mail?.text).toContain('施工推迟到明年');
    expect(await mailsTo(notYetTold.user.email, 'notify.notice.cancelled')).toEqual([]);

    const [row] = await db
      .select({ status: notices.status, reason: notices.cancelledReason })
      .from(notices)
      .where(eq(notices.id, noticeId));
    expect(row).toEqual({ status: 'cancelled', reason: '施工推迟到明年，本次停水取消。' });
    const [dashboard] = await listResidentNotices({ actor: told.actor });
    expect(dashboard).toMatchObject({ id: noticeId, status: 'cancelled' });
    expect(dashboard?.lastChange).toMatchObject({ kind: 'cancelled' });
    const listed = await listPublicNotices({ when: 'upcoming', districtId: district.id });
    expect(listed.notices.map((n) => [n.id, n.status])).toEqual([[noticeId, 'cancelled']]);
    expect((await getPublicNotice(noticeId))?.status).toBe('cancelled');
    const [audit] = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'notice.cancelled'), eq(auditLog.subjectId, String(noticeId))),
      );
    expect(audit).toBeDefined();
    expect(await cancelNotice({ actor: agent, noticeId, reason: '再取消' })).toEqual({
      ok: false,
      error: 'not_revisable',
      reason: 'cancelled',
    });
  });
});
