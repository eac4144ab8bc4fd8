import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/server/db';
import { complaintEvents, complaints, mailOutbox, notifications } from '@/server/db/schema';
import { installFileStore } from '@/server/files';
import {
  addResidentMessage,
  addStaffComment,
  assignComplaint,
  changeComplaintStatus,
  escalateOverdueComplaints,
  fileComplaint,
  getComplaint,
  getComplaintAttachment,
  getServiceRatings,
  getStaffComplaint,
  listComplaintQueue,
  rateComplaint,
  reopenComplaint,
  routeComplaint,
} from '@/server/complaints';
import { shanghaiInstant } from '@/lib/dates';
import { createResidentWithAccount, createUser } from '../../fixtures/world';
import {
  createStaffInDepartments,
  fileCase,
  PNG_BYTES,
  upload,
  useTemporaryFileStore,
} from '../../fixtures/complaints';

beforeAll(() => {
  useTemporaryFileStore();
});
afterAll(() => installFileStore(undefined));

const minutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);

describe('escalation', () => {
  it(
    'escalates exactly the overdue deadlines, once each, and tells the supervisors',
    { timeout: 120_000 },
    async () => {
      const db = await getDb();
      const supervisor = await createStaffInDepartments('supervisor', []);
      const agent = await createStaffInDepartments('agent', ['repair']);
      const { actor, account } = await createResidentWithAccount();
      const t0 = shanghaiInstant('2026-11-26', 10);
      const fault = (now: Date) =>
        fileCase({ actor, category: 'fault', subType: 'no_power', accountId: account.id, now });
      const late = await fault(t0); // on site due 10:45, restored due 13:00
      const answered = await fault(t0); // crew on site in time
      const fresh = await fault(minutes(t0, 30)); // on site due 11:15
      const closed = await fault(t0);
      await changeComplaintStatus({
        actor: agent.actor,
        complaintId: answered.complaintId,
        status: 'in_progress',
        now: minutes(t0, 20),
      });
      await changeComplaintStatus({
        actor: agent.actor,
        complaintId: closed.complaintId,
        status: 'closed',
        body: '已修复',
        now: minutes(t0, 40),
      });

      const at1100 = minutes(t0, 60);
      expect(await escalateOverdueComplaints({ now: at1100 })).toEqual({
        firstResponse: 1,
        answer: 0,
      });
      // The same minute again (or a second worker): nothing more.
      expect(await escalateOverdueComplaints({ now: minutes(at1100, 1) })).toEqual({
        firstResponse: 0,
        answer: 0,
      });

      const escalated = async () =>
        db
          .select({ id: complaintEvents.complaintId, detail: complaintEvents.detail })
          .from(complaintEvents)
          .where(
            and(
              eq(complaintEvents.kind, 'escalated'),
              inArray(complaintEvents.complaintId, [
                late.complaintId,
                answered.complaintId,
                fresh.complaintId,
                closed.complaintId,
              ]),
            ),
          );
      expect((await escalated()).map((e) => [e.id, e.detail?.deadline])).toEqual([
        [late.complaintId, 'first_response'],
      ]);

      // 13:30: "late" and "answered" missed the restoration time (13:00); "fresh" missed on-site
      // (11:15) and is due to be restored at 13:30 — not yet past.
      const at1330 = shanghaiInstant('2026-11-26', 13, 30);
      expect(await escalateOverdueComplaints({ now: at1330 })).toEqual({
        firstResponse: 1,
        answer: 2,
      });
      expect(await escalateOverdueComplaints({ now: minutes(at1330, 1) })).toEqual({
        firstResponse: 0,
        answer: 1,
      });
      expect(await escalateOverdueComplaints({ now: minutes(at1330, 2) })).toEqual({
        firstResponse: 0,
        answer: 0,
      });
      expect((await escalated()).length).toBe(5);

      const inbox = await db
        .select({ kind: notifications.kind, link: notifications.link })
        .from(notifications)
        .where(eq(notifications.userId, supervisor.user.id));
      expect(inbox).toEqual(
        Array.from({ length: 3 }, () => ({
          kind: 'complaint.escalated',
          link: '/staff/complaints?escalated=1',
        })),
      );

      const resident = await getComplaint({ actor, complaintId: late.complaintId });
      expect(resident?.escalated).toBe(true);
      expect(resident?.events.map((e) => e.kind)).toEqual(['filed', 'escalated', 'escalated']);

      const queue = await listComplaintQueue({
        actor: supervisor.actor,
        filters: { escalated: true, department: 'repair' },
        now: shanghaiInstant('2026-11-26', 14),
      });
      const ids = queue.items.map((i) => i.id);
      expect(ids).toEqual(
        expect.arrayContaining([late.complaintId, answered.complaintId, fresh.complaintId]),
      );
      expect(ids).not.toContain(closed.complaintId);
      expect(queue.items.every((i) => i.overdue && i.escalated)).toBe(true);
    },
  );

  it('escalates each deadline once when two passes cut into ranges run at the same time', async () => {
    const db = await getDb();
    const { actor, account } = await createResidentWithAccount();
    const t0 = shanghaiInstant('2026-11-27', 10);
    const cases = [];
    for (let i = 0; i < 5; i++) {
      cases.push(
        await fileCase({
          actor,
          category: 'fault',
          subType: 'no_power',
          accountId: account.id,
          now: t0,
        }),
      );
    }
    const ids = cases.map((c) => c.complaintId);

    // 11:00: every case missed its on-site time (10:45), none its restoration time (13:00).
    // Ranges of 1 and of 2 cases, two lanes each: the passes race over the same rows.
    const at1100 = minutes(t0, 60);
    const passes = await Promise.all([
      escalateOverdueComplaints({ now: at1100, chunkCases: 1 }),
      escalateOverdueComplaints({ now: at1100, chunkCases: 2 }),
    ]);
    expect(passes.reduce((sum, p) => sum + p.firstResponse, 0)).toBe(5);
    expect(passes.reduce((sum, p) => sum + p.answer, 0)).toBe(0);

    const events = await db
      .select({ id: complaintEvents.complaintId, detail: complaintEvents.detail })
      .from(complaintEvents)
      .where(and(eq(complaintEvents.kind, 'escalated'), inArray(complaintEvents.complaintId, ids)));
    expect(events.map((e) => e.id).sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
    expect(events.every((e) => e.detail?.deadline === 'first_response')).toBe(true);
    expect(await escalateOverdueComplaints({ now: minutes(at1100, 1), chunkCases: 1 })).toEqual({
      firstResponse: 0,
      answer: 0,
    });
  });
});

describe('handling, rating and reopening', () => {
  it('puts overdue cases first in the queue and filters by category', async () => {
    const agent = await createStaffInDepartments('agent', ['service_centre']);
    const { actor, account } = await createResidentWithAccount();
    const now = shanghaiInstant('2026-12-01', 9);
    const older = await fileCase({ actor, now: shanghaiInstant('2026-11-20', 9) });
    const newer = await fileCase({ actor, now: shanghaiInstant('2026-11-30', 9) });
    const query = await fileCase({
      actor,
      category: 'billing_query',
      subType: 'amount',
      accountId: account.id,
      now: shanghaiInstant('2026-11-10', 9),
    });
    const queue = await listComplaintQueue({
      actor: agent.actor,
      filters: { category: 'complaint' },
      now,
    });
    const ids = queue.items.map((i) => i.id);
    expect(ids.indexOf(older.complaintId)).toBeLessThan(ids.indexOf(newer.complaintId));
    expect(ids).not.toContain(query.complaintId);
    expect(queue.items.find((i) => i.id === older.complaintId)?.overdue).toBe(true);
    expect(queue.items.find((i) => i.id === newer.complaintId)?.overdue).toBe(false);
  });

  it('a reply is first contact; closing records whether the answer was on time; the resident rates once', async () => {
    const agent = await createStaffInDepartments('agent', ['service_centre']);
    const { actor } = await createResidentWithAccount();
    const t0 = shanghaiInstant('2026-11-26', 10);
    const { complaintId } = await fileCase({ actor, now: t0 });

    expect(await rateComplaint({ actor, complaintId, rating: 5, comment: '' })).toEqual({
      ok: false,
      error: 'not_closed',
    });
    expect(
      await addStaffComment({
        actor: agent.actor,
        complaintId,
        visibility: 'reply',
        body: '您好，我们已联系营业厅。',
        now: minutes(t0, 60),
      }),
    ).toEqual({ ok: true });
    expect(
      await changeComplaintStatus({
        actor: agent.actor,
        complaintId,
        status: 'closed',
        now: minutes(t0, 90),
      }),
    ).toEqual({ ok: false, error: 'answer_required' });
    expect(
      await changeComplaintStatus({
        actor: agent.actor,
        complaintId,
        status: 'closed',
        body: '已对相关人员批评教育。',
        now: minutes(t0, 120),
      }),
    ).toEqual({ ok: true });

    const db = await getDb();
    const [row] = await db.select().from(complaints).where(eq(complaints.id, complaintId));
    expect(row).toMatchObject({ status: 'closed', answeredOnTime: true, nextDueAt: null });
    expect(row?.firstRespondedAt?.toISOString()).toBe(minutes(t0, 60).toISOString());

    expect(await addResidentMessage({ actor, complaintId, body: '还是不满意' })).toEqual({
      ok: false,
      error: 'closed',
      canReopen: true,
    });
    expect(await rateComplaint({ actor, complaintId, rating: 4, comment: '处理及时' })).toEqual({
      ok: true,
      reopened: false,
    });
    expect(await rateComplaint({ actor, complaintId, rating: 5, comment: '' })).toEqual({
      ok: false,
      error: 'already_rated',
    });
    expect(
      await rateComplaint({ actor, complaintId: complaintId + 100000, rating: 5, comment: '' }),
    ).toEqual({ ok: false, error: 'not_found' });

    const view = await getComplaint({ actor, complaintId });
    expect(view?.events.map((e) => e.kind)).toEqual(['filed', 'reply', 'closed', 'rated']);
    expect(view?.rating).toBe(4);
  });

  it('a dissatisfied rating reopens the case for a supervisor once, with a new deadline', async () => {
    const db = await getDb();
    const supervisor = await createStaffInDepartments('supervisor', []);
    const agent = await createStaffInDepartments('agent', ['service_centre']);
    const { actor } = await createResidentWithAccount();
    const t0 = shanghaiInstant('2026-11-26', 10);
    const { complaintId } = await fileCase({ actor, now: t0 });
    await changeComplaintStatus({
      actor: agent.actor,
      complaintId,
      status: 'closed',
      body: '已处理',
      now: minutes(t0, 30),
    });
    const ratedAt = shanghaiInstant('2026-11-27', 9);
    expect(
      await rateComplaint({ actor, complaintId, rating: 1, comment: '根本没解决', now: ratedAt }),
    ).toEqual({ ok: true, reopened: true });

    const [row] = await db.select().from(complaints).where(eq(complaints.id, complaintId));
    expect(row).toMatchObject({
      status: 'in_progress',
      reopenedCount: 1,
      rating: 1,
      answeredOnTime: true,
    });
    expect(row?.escalatedAt?.toISOString()).toBe(ratedAt.toISOString());
    // 4 working days from Friday 27 Nov → Thursday 3 Dec 17:00.
    expect(row?.answerDueAt.toISOString()).toBe(shanghaiInstant('2026-12-03', 17).toISOString());
    const inbox = await db
      .select({ kind: notifications.kind })
      .from(notifications)
      .where(eq(notifications.userId, supervisor.user.id));
    expect(inbox).toEqual([{ kind: 'complaint.reopened' }]);

    // Closed again: the rating stands, and neither another rating nor another reopen is allowed.
    await changeComplaintStatus({
      actor: supervisor.actor,
      complaintId,
      status: 'closed',
      body: '主管上门处理完毕',
      now: minutes(ratedAt, 60),
    });
    expect(await rateComplaint({ actor, complaintId, rating: 1, comment: '' })).toEqual({
      ok: false,
      error: 'already_rated',
    });
    expect(await reopenComplaint({ actor, complaintId, body: '还是不行' })).toEqual({
      ok: false,
      error: 'already_reopened',
    });
    expect(await addResidentMessage({ actor, complaintId, body: '还是不行' })).toEqual({
      ok: false,
      error: 'closed',
      canReopen: false,
    });
  });

  it('a resident may reopen a closed case once by writing why', async () => {
    const agent = await createStaffInDepartments('agent', ['service_centre']);
    const { actor } = await createResidentWithAccount();
    const { complaintId } = await fileCase({ actor });
    expect(await reopenComplaint({ actor, complaintId, body: '还没好' })).toEqual({
      ok: false,
      error: 'not_closed',
    });
    await changeComplaintStatus({
      actor: agent.actor,
      complaintId,
      status: 'closed',
      body: '已处理',
    });
    expect(await reopenComplaint({ actor, complaintId, body: '  ' })).toEqual({
      ok: false,
      error: 'body',
    });
    expect(await reopenComplaint({ actor, complaintId, body: '水压还是很低' })).toEqual({
      ok: true,
    });
    const view = await getComplaint({ actor, complaintId });
    expect(view?.status).toBe('in_progress');
    expect(view?.events.at(-1)).toMatchObject({
      kind: 'reopened',
      body: '水压还是很低',
      by: 'resident',
    });
  });
});

describe('an anonymous illegal-use report', () => {
  it('gets the answer by mail in the language it was written in', async () => {
    const agent = await createStaffInDepartments('agent', ['inspection']);
    const address = `reporter-${Date.now()}@example.com`;
    const filed = await fileComplaint({
      actor: null,
      ip: '198.51.100.77',
      locale: 'en',
      category: 'illegal_use',
      subType: 'electricity',
      accountId: null,
      location: 'Block 9, bicycle shed',
      description: 'A cable runs from the street light into the shed.',
      contactEmail: address,
      files: [],
    });
    if (!filed.ok) throw new Error(filed.error);
    expect(
      await changeComplaintStatus({
        actor: agent.actor,
        complaintId: filed.complaintId,
        status: 'closed',
        body: 'Our inspectors removed the cable on Friday.',
      }),
    ).toEqual({ ok: true });

    const db = await getDb();
    const mail = await db
      .select({ subject: mailOutbox.subject, template: mailOutbox.template })
      .from(mailOutbox)
      .where(eq(mailOutbox.toAddress, address));
    const answer = mail.find((m) => m.template === 'complaints.report_answered');
    expect(answer?.subject).toMatch(/^[\x20-\x7e]+$/);
    expect(answer?.subject).toContain(filed.reference);
  });
});

describe('who sees what', () => {
  it("gives resident B 'not found' for A's case and A's attachments", async () => {
    const a = await createResidentWithAccount();
    const b = await createResidentWithAccount();
    const { complaintId } = await fileCase({ actor: a.actor, files: [upload('a.png', PNG_BYTES)] });
    const attachmentId =
      (await getComplaint({ actor: a.actor, complaintId }))?.events[0]?.attachments[0]?.id ?? 0;
    expect(attachmentId).toBeGreaterThan(0);

    expect(await getComplaint({ actor: b.actor, complaintId })).toBeNull();
    expect(await getComplaintAttachment({ actor: b.actor, complaintId, attachmentId })).toBeNull();
    expect(await addResidentMessage({ actor: b.actor, complaintId, body: 'x' })).toEqual({
      ok: false,
      error: 'not_found',
    });
    expect(await rateComplaint({ actor: b.actor, complaintId, rating: 5, comment: '' })).toEqual({
      ok: false,
      error: 'not_found',
    });
    expect(await reopenComplaint({ actor: b.actor, complaintId, body: 'x' })).toEqual({
      ok: false,
      error: 'not_found',
    });

    const own = await getComplaintAttachment({ actor: a.actor, complaintId, attachmentId });
    expect(own?.contentType).toBe('image/png');
    expect(Buffer.compare(own?.bytes ?? Buffer.alloc(0), Buffer.from(PNG_BYTES))).toBe(0);
    const agent = await createStaffInDepartments('agent', []);
    expect(
      (await getComplaintAttachment({ actor: agent.actor, complaintId, attachmentId }))?.name,
    ).toBe('a.png');
    // Right attachment, wrong case id: not found either.
    const other = await fileCase({ actor: b.actor });
    expect(
      await getComplaintAttachment({
        actor: agent.actor,
        complaintId: other.complaintId,
        attachmentId,
      }),
    ).toBeNull();
  });

  it('hides internal notes from an agent of another department, and from the resident', async () => {
    const { actor } = await createResidentWithAccount();
    const { complaintId } = await fileCase({ actor }); // → service_centre
    const own = await createStaffInDepartments('agent', ['service_centre']);
    const repair = await createStaffInDepartments('agent', ['repair']);
    const supervisor = await createStaffInDepartments('supervisor', []);
    await addStaffComment({
      actor: own.actor,
      complaintId,
      visibility: 'note',
      body: '居民情绪激动，回电请注意语气',
    });
    await addStaffComment({
      actor: own.actor,
      complaintId,
      visibility: 'reply',
      body: '您好，已收到',
    });
    await assignComplaint({ actor: own.actor, complaintId, assigneeUserId: own.user.id });

    const notes = (c: Awaited<ReturnType<typeof getStaffComplaint>>) =>
      c?.events.filter((e) => e.kind === 'internal_note').map((e) => e.body);
    const mine = await getStaffComplaint({ actor: own.actor, complaintId });
    expect(mine?.notesVisible).toBe(true);
    expect(notes(mine)).toEqual(['居民情绪激动，回电请注意语气']);
    const theirs = await getStaffComplaint({ actor: repair.actor, complaintId });
    expect(theirs?.notesVisible).toBe(false);
    expect(notes(theirs)).toEqual([]);
    expect(theirs?.events.map((e) => e.kind)).toEqual(['filed', 'reply', 'assigned']);
    expect(notes(await getStaffComplaint({ actor: supervisor.actor, complaintId }))).toHaveLength(
      1,
    );

    const resident = await getComplaint({ actor, complaintId });
    expect(resident?.events.map((e) => e.kind)).toEqual(['filed', 'reply']);
    expect(JSON.stringify(resident)).not.toContain('情绪激动');
    expect(JSON.stringify(resident)).not.toContain(own.user.name);

    // Routing moves the case, and with it who reads the notes.
    await routeComplaint({ actor: own.actor, complaintId, department: 'repair' });
    expect(notes(await getStaffComplaint({ actor: repair.actor, complaintId }))).toHaveLength(1);
    expect(notes(await getStaffComplaint({ actor: own.actor, complaintId }))).toEqual([]);
  });

  it('refuses residents the staff functions', async () => {
    const { actor } = await createResidentWithAccount();
    const { complaintId } = await fileCase({ actor });
    await expect(getStaffComplaint({ actor, complaintId })).rejects.toThrow(/permission/i);
    await expect(
      addStaffComment({ actor, complaintId, visibility: 'reply', body: 'x' }),
    ).rejects.toThrow(/permission/i);
    await expect(listComplaintQueue({ actor, filters: {} })).rejects.toThrow(/permission/i);
  });
});

describe('public service ratings', () => {
  it('count cases, on-time answers and satisfaction per department and month — and nothing personal', async () => {
    const agent = await createStaffInDepartments('agent', ['business_hall']);
    const resident = await createUser({
      name: '独特姓名甲乙丙',
      email: 'unique-rater@example.test',
    });
    const { actor, account } = await createResidentWithAccount({ holderName: '户主独特名' });
    void resident;
    const at = (day: string) => shanghaiInstant(day, 10);
    const before = await getServiceRatings({ now: at('2026-11-30') });
    const onTime = await fileCase({
      actor,
      category: 'billing_query',
      subType: 'amount',
      accountId: account.id,
      description: '账单秘密描述XYZ',
      now: at('2026-11-02'),
    });
    const late = await fileCase({
      actor,
      category: 'billing_query',
      subType: 'reading',
      accountId: account.id,
      now: at('2026-11-02'),
    });
    await fileCase({
      actor,
      category: 'billing_query',
      subType: 'payment',
      accountId: account.id,
      now: at('2026-11-03'),
    });
    await changeComplaintStatus({
      actor: agent.actor,
      complaintId: onTime.complaintId,
      status: 'closed',
      body: '已核实',
      now: at('2026-11-03'),
    });
    await changeComplaintStatus({
      actor: agent.actor,
      complaintId: late.complaintId,
      status: 'closed',
      body: '已核实',
      now: at('2026-11-20'),
    });
    await rateComplaint({
      actor,
      complaintId: onTime.complaintId,
      rating: 5,
      comment: '评价秘密意见',
    });
    await rateComplaint({ actor, complaintId: late.complaintId, rating: 3, comment: '' });

    const ratings = await getServiceRatings({ now: at('2026-11-30') });
    expect(ratings.months).toHaveLength(12);
    expect(ratings.months.at(-1)).toBe('2026-11');
    const nov = (r: typeof ratings) =>
      r.departments
        .find((d) => d.department === 'business_hall')
        ?.months.find((m) => m.month === '2026-11');
    const b = nov(before);
    expect(nov(ratings)).toMatchObject({
      cases: (b?.cases ?? 0) + 3,
      answered: (b?.answered ?? 0) + 2,
      answeredOnTime: (b?.answeredOnTime ?? 0) + 1,
      ratings: (b?.ratings ?? 0) + 2,
    });

    const json = JSON.stringify(ratings);
    for (const secret of [
      '独特姓名甲乙丙',
      'unique-rater',
      '户主独特名',
      account.accountNumber,
      '账单秘密描述XYZ',
      '评价秘密意见',
      onTime.reference,
      actor.userId,
    ])
      expect(json).not.toContain(secret);
    expect(json).not.toMatch(/WJ-\d{4}-\d{6}|@|userId|email|name|address|description|comment/i);
  });
});
