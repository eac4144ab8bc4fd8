import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { getDb } from '@/server/db';
import {
  auditLog,
  complaintAttachments,
  complaintEvents,
  complaints,
  districts,
  notifications,
} from '@/server/db/schema';
import { installFileStore, type TFileStore } from '@/server/files';
import { createLocalFileStore } from '@/server/files';
import { fileComplaint, getComplaint } from '@/server/complaints';
import { shanghaiInstant } from '@/lib/dates';
import { createDistrict, createPremises, createResidentWithAccount } from '../../fixtures/world';
import {
  bigPng,
  EXE_BYTES,
  fileCase,
  filesIn,
  PDF_BYTES,
  PNG_BYTES,
  upload,
  useTemporaryFileStore,
} from '../../fixtures/complaints';

let storeDir = '';
beforeEach(() => {
  storeDir = useTemporaryFileStore();
});
afterAll(() => installFileStore(undefined));

async function countRows() {
  const db = await getDb();
  const [c] = await db.select({ n: count() }).from(complaints);
  const [a] = await db.select({ n: count() }).from(complaintAttachments);
  return { complaints: c?.n ?? 0, attachments: a?.n ?? 0 };
}

const base = {
  ip: '10.0.0.1',
  locale: 'zh-CN' as const,
  location: null,
  contactEmail: null,
};

describe('filing a case', () => {
  it('files a fault report with a photo and a PDF: reference, deadlines, stored files, receipt', async () => {
    const { actor, account } = await createResidentWithAccount({ utility: 'water' });
    const now = shanghaiInstant('2026-11-26', 10);
    const result = await fileComplaint({
      ...base,
      actor,
      category: 'fault',
      subType: 'no_water',
      accountId: account.id,
      description: '今天早上起全楼停水。<script>alert(1)</script>',
      files: [
        upload('水表.jpg', PNG_BYTES, 'image/jpeg'),
        upload('通知.pdf', PDF_BYTES, 'application/pdf'),
      ],
      now,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.reference).toMatch(/^WJ-2026-\d{6}$/);
    // Town premises: on site by 10:45, supply back by 13:00.
    expect(result.firstResponseDueAt?.toISOString()).toBe('2026-11-26T02:45:00.000Z');
    expect(result.answerDueAt.toISOString()).toBe('2026-11-26T05:00:00.000Z');

    const detail = await getComplaint({ actor, complaintId: result.complaintId });
    expect(detail?.description).toBe('今天早上起全楼停水。<script>alert(1)</script>');
    expect(detail?.account?.accountNumber).toBe(account.accountNumber);
    expect(detail?.events.map((e) => e.kind)).toEqual(['filed']);
    const attachments = detail?.events[0]?.attachments ?? [];
    // The type comes from the content: the "jpg" is really a PNG.
    expect(attachments.map((a) => [a.name, a.contentType])).toEqual([
      ['水表.jpg', 'image/png'],
      ['通知.pdf', 'application/pdf'],
    ]);
    expect(filesIn(storeDir)).toHaveLength(2);
    expect(filesIn(storeDir).every((f) => f.startsWith(`complaints/${result.complaintId}/`))).toBe(
      true,
    );

    const db = await getDb();
    const inbox = await db
      .select({ kind: notifications.kind, link: notifications.link })
      .from(notifications)
      .where(eq(notifications.userId, actor.userId));
    expect(inbox).toEqual([{ kind: 'complaint.filed', link: `/complaints/${result.complaintId}` }]);
  });

  it('numbers references per year in sequence', async () => {
    const { actor } = await createResidentWithAccount();
    const a = await fileCase({ actor });
    const b = await fileCase({ actor });
    const n = (ref: string) => Number(ref.slice(-6));
    expect(n(b.reference)).toBe(n(a.reference) + 1);
    const next = await fileCase({ actor, now: shanghaiInstant('2027-01-01', 0, 5) });
    expect(next.reference).toBe('WJ-2027-000001');
  });

  it('gives rural premises the longer repair commitment', async () => {
    const district = await createDistrict();
    const db = await getDb();
    await db.update(districts).set({ rural: true }).where(eq(districts.id, district.id));
    const home = await createPremises({ districtId: district.id });
    const { actor, account } = await createResidentWithAccount({ premisesId: home.id });
    const now = shanghaiInstant('2026-11-26', 10);
    const result = await fileComplaint({
      ...base,
      actor,
      category: 'fault',
      subType: 'leak',
      accountId: account.id,
      description: '门口水管漏水',
      files: [],
      now,
    });
    if (!result.ok) throw new Error('refused');
    expect(result.firstResponseDueAt?.toISOString()).toBe('2026-11-26T03:30:00.000Z');
    expect(result.answerDueAt.toISOString()).toBe('2026-11-26T06:00:00.000Z');
  });

  it.each([
    ['a renamed executable', [upload('photo.jpg', EXE_BYTES)], 'type'],
    ['a file over 10 MB', [bigPng(10 * 1024 * 1024 + 1)], 'too_large'],
    [
      'a sixth file',
      Array.from({ length: 6 }, (_, i) => upload(`p${i}.png`, PNG_BYTES)),
      'too_many',
    ],
  ])('refuses %s and stores nothing', async (_label, files, upload) => {
    const { actor, account } = await createResidentWithAccount();
    const before = await countRows();
    const result = await fileComplaint({
      ...base,
      actor,
      category: 'fault',
      subType: 'no_water',
      accountId: account.id,
      description: '停水',
      files,
    });
    expect(result).toMatchObject({ ok: false, error: 'attachments', upload });
    expect(await countRows()).toEqual(before);
    expect(filesIn(storeDir)).toEqual([]);
  });

  it('leaves neither rows nor files when a file write fails half-way', async () => {
    const { actor, account } = await createResidentWithAccount();
    const real = createLocalFileStore(storeDir);
    let puts = 0;
    const failing: TFileStore = {
      ...real,
      async put(key, data) {
        puts += 1;
        if (puts === 2) throw new Error('disk full');
        await real.put(key, data);
      },
    };
    installFileStore(failing);
    const before = await countRows();
    await expect(
      fileComplaint({
        ...base,
        actor,
        category: 'fault',
        subType: 'no_water',
        accountId: account.id,
        description: '停水',
        files: [upload('a.png', PNG_BYTES), upload('b.png', PNG_BYTES)],
      }),
    ).rejects.toThrow('disk full');
    expect(await countRows()).toEqual(before);
    expect(filesIn(storeDir)).toEqual([]);
  });

  it('refuses an empty description and one over 5,000 characters', async () => {
    const { actor } = await createResidentWithAccount();
    for (const description of ['   ', '字'.repeat(5_001)]) {
      const result = await fileComplaint({
        ...base,
        actor,
        category: 'complaint',
        subType: 'service',
        accountId: null,
        description,
        files: [],
      });
      expect(result).toEqual({ ok: false, error: 'description' });
    }
  });

  it("refuses another resident's account and a fault without an account", async () => {
    const { actor } = await createResidentWithAccount();
    const other = await createResidentWithAccount();
    const common = {
      ...base,
      actor,
      category: 'fault' as const,
      subType: 'no_water',
      description: '停水',
      files: [],
    };
    expect(await fileComplaint({ ...common, accountId: other.account.id })).toEqual({
      ok: false,
      error: 'account',
    });
    expect(await fileComplaint({ ...common, accountId: null })).toEqual({
      ok: false,
      error: 'account',
    });
  });

  it('takes illegal-use reports without an account, only those, and throttles them per IP', async () => {
    const report = {
      ...base,
      ip: '203.0.113.9',
      actor: null,
      category: 'illegal_use' as const,
      subType: 'water',
      accountId: null,
      location: '幸福小区3号楼地下室',
      description: '有人私接消防栓用水',
      files: [],
    };
    expect(await fileComplaint({ ...report, category: 'complaint', subType: 'service' })).toEqual({
      ok: false,
      error: 'sign_in',
    });
    expect(await fileComplaint({ ...report, location: ' ' })).toEqual({
      ok: false,
      error: 'location',
    });
    for (let i = 0; i < 5; i++) expect((await fileComplaint(report)).ok).toBe(true);
    expect(await fileComplaint(report)).toMatchObject({ ok: false, error: 'throttled' });
    expect((await fileComplaint({ ...report, ip: '203.0.113.10' })).ok).toBe(true);
    const db = await getDb();
    const [row] = await db
      .select({ filedBy: complaints.filedByUserId, department: complaints.department })
      .from(complaints)
      .where(eq(complaints.location, '幸福小区3号楼地下室'))
      .limit(1);
    expect(row).toEqual({ filedBy: null, department: 'inspection' });
  });

  it('records the filing in the audit log and on the timeline', async () => {
    const { actor } = await createResidentWithAccount();
    const { complaintId } = await fileCase({ actor });
    const db = await getDb();
    const events = await db
      .select({ kind: complaintEvents.kind })
      .from(complaintEvents)
      .where(eq(complaintEvents.complaintId, complaintId));
    expect(events).toEqual([{ kind: 'filed' }]);
    const audit = await db
      .select({ action: auditLog.action, actorUserId: auditLog.actorUserId })
      .from(auditLog)
      .where(
        and(eq(auditLog.subjectType, 'complaint'), eq(auditLog.subjectId, String(complaintId))),
      );
    expect(audit).toEqual([{ action: 'complaint.filed', actorUserId: actor.userId }]);
  });
});
