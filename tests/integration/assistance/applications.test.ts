import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/server/db';
import { assistanceApplications, assistanceDocuments, auditLog } from '@/server/db/schema';
import { createLocalFileStore, getFileStore, installFileStore } from '@/server/files';
import {
  answerInfoRequest,
  decideApplication,
  getApplication,
  getApplicationForReview,
  listReviewQueue,
  purgeDecidedDocuments,
  readApplicationDocument,
  removeApplicationDocument,
  saveApplication,
  sendRenewalReminders,
  startApplication,
  uploadApplicationDocuments,
  withdrawApplication,
} from '@/server/assistance';
import { PermissionError } from '@/server/auth/permissions';
import {
  actorFor,
  createResidentWithAccount,
  createServiceAccount,
  createUser,
  linkAccount,
} from '../../fixtures/world';
import {
  DB_ANSWERS,
  grantsOf,
  inboxOf,
  pngUpload,
  programByCode,
  submitApplication,
} from '../../fixtures/assistance';

beforeAll(() => {
  installFileStore(createLocalFileStore(mkdtempSync(path.join(tmpdir(), 'wanjia-apps-'))));
});
afterAll(() => installFileStore(undefined));

async function reviewer() {
  return actorFor(await createUser({ role: 'reviewer' }));
}

describe('applying for a waiver', () => {
  it('keeps a draft left half-way, refuses an incomplete submission by field, and submits once', async () => {
    const { actor, account } = await createResidentWithAccount();
    const program = await programByCode('DB');
    const started = await startApplication({
      actor,
      programId: program.id,
      accountIds: [account.id],
    });
    if (!started.ok) throw new Error(started.error);
    expect(started.reference).toMatch(/^DB-\d{4}-\d{6}$/);

    const half = await saveApplication({
      actor,
      applicationId: started.applicationId,
      answers: { registered: 'yes', people: 'three' },
      accountIds: [account.id],
      submit: true,
    });
    expect(half).toEqual({
      ok: false,
      error: 'incomplete',
      fieldErrors: {
        q_certificate: ['assistance.errors.answerRequired'],
        q_people: ['assistance.errors.answerNumber'],
        doc_certificate: ['assistance.errors.documentRequired'],
      },
    });
    const kept = await getApplication({ actor, applicationId: started.applicationId });
    expect(kept).toMatchObject({
      status: 'draft',
      answers: { registered: 'yes', people: 'three' },
    });

    await uploadApplicationDocuments({
      actor,
      applicationId: started.applicationId,
      requirement: 'certificate',
      files: [pngUpload()],
    });
    const submit = () =>
      saveApplication({
        actor,
        applicationId: started.applicationId,
        answers: DB_ANSWERS,
        accountIds: [account.id],
        submit: true,
      });
    expect(await submit()).toEqual({ ok: true, status: 'submitted', alreadySubmitted: false });
    expect(await submit()).toEqual({ ok: true, status: 'submitted', alreadySubmitted: true });
    const queue = await listReviewQueue({ actor: await reviewer() });
    expect(queue.filter((q) => q.id === started.applicationId)).toHaveLength(1);
  });

  it('refuses an account that is not the applicant’s as not found, and opens nothing', async () => {
    const { actor } = await createResidentWithAccount();
    const { account: foreign } = await createServiceAccount();
    const program = await programByCode('DB');
    const db = await getDb();
    const before = await db.$count(assistanceApplications);
    expect(
      await startApplication({ actor, programId: program.id, accountIds: [foreign.id] }),
    ).toEqual({ ok: false, error: 'not_found' });
    expect(await db.$count(assistanceApplications)).toBe(before);
  });

  it('gives resident B "not found" for resident A’s application and its documents', async () => {
    const a = await createResidentWithAccount();
    const b = await createResidentWithAccount();
    const { applicationId } = await submitApplication({
      actor: a.actor,
      accountIds: [a.account.id],
    });
    const detail = await getApplication({ actor: a.actor, applicationId });
    const documentId = detail?.documents[0]?.id ?? 0;
    expect(documentId).toBeGreaterThan(0);

    expect(await getApplication({ actor: b.actor, applicationId })).toBeNull();
    expect(await readApplicationDocument({ actor: b.actor, applicationId, documentId })).toBeNull();
    expect(
      await uploadApplicationDocuments({
        actor: b.actor,
        applicationId,
        requirement: 'certificate',
        files: [pngUpload()],
      }),
    ).toEqual({ ok: false, error: 'not_found' });
    expect(await removeApplicationDocument({ actor: b.actor, applicationId, documentId })).toEqual({
      ok: false,
      error: 'not_found',
    });
    expect(await answerInfoRequest({ actor: b.actor, applicationId, message: 'x' })).toEqual({
      ok: false,
      error: 'not_found',
    });
    // The applicant and a reviewer do see it; every view is audited.
    expect(
      await readApplicationDocument({ actor: a.actor, applicationId, documentId }),
    ).not.toBeNull();
    const staff = await reviewer();
    const seen = await readApplicationDocument({ actor: staff, applicationId, documentId });
    expect(seen?.contentType).toBe('image/png');
    const db = await getDb();
    const views = await db
      .select({ actor: auditLog.actorUserId })
      .from(auditLog)
      .where(eq(auditLog.action, 'assistance.document.viewed'));
    expect(views.map((v) => v.actor)).toEqual(expect.arrayContaining([a.user.id, staff.userId]));
  });

  it('lets an officer file for a resident only with the resident’s consent recorded', async () => {
    const { user, account } = await createResidentWithAccount();
    const officer = actorFor(await createUser({ role: 'agent' }));
    const program = await programByCode('DB');
    const started = await startApplication({
      actor: officer,
      programId: program.id,
      accountIds: [account.id],
      onBehalfOf: {
        applicantUserId: user.id,
        consentMethod: 'signed_form',
        consentGivenOn: '2026-11-20',
        consentNote: '同意书存社区档案柜',
      },
    });
    if (!started.ok) throw new Error(started.error);
    const seenByResident = await getApplication({
      actor: actorFor(user),
      applicationId: started.applicationId,
    });
    expect(seenByResident?.filedBy).not.toBeNull();
    expect(seenByResident?.consent).toMatchObject({ method: 'signed_form', givenOn: '2026-11-20' });
    // A resident cannot file for someone else.
    await expect(
      startApplication({
        actor: actorFor(await createUser()),
        programId: program.id,
        accountIds: [account.id],
        onBehalfOf: {
          applicantUserId: user.id,
          consentMethod: 'phone',
          consentGivenOn: '2026-11-20',
          consentNote: null,
        },
      }),
    ).rejects.toBeInstanceOf(PermissionError);
  });
});

describe('withdrawing', () => {
  it('takes a sent application out of the queue; only its applicant can, and only once', async () => {
    const { actor, account } = await createResidentWithAccount();
    const other = await createResidentWithAccount();
    const { applicationId } = await submitApplication({ actor, accountIds: [account.id] });

    expect(await withdrawApplication({ actor: other.actor, applicationId })).toEqual({
      ok: false,
      error: 'not_found',
    });
    expect(await withdrawApplication({ actor, applicationId })).toEqual({ ok: true });
    expect(await withdrawApplication({ actor, applicationId })).toEqual({
      ok: false,
      error: 'not_editable',
    });
    const queue = await listReviewQueue({ actor: await reviewer() });
    expect(queue.some((q) => q.id === applicationId)).toBe(false);
    expect(
      await decideApplication({
        actor: await reviewer(),
        applicationId,
        decision: { kind: 'approve', fromMonth: '2026-12', months: 12 },
      }),
    ).toEqual({ ok: false, error: 'already_decided' });
  });
});

describe('reviewing a waiver', () => {
  it('round-trips a request for information: the resident is told, answers, and the clock resumes', async () => {
    const { actor, user, account } = await createResidentWithAccount();
    const { applicationId, reference } = await submitApplication({
      actor,
      accountIds: [account.id],
    });
    const staff = await reviewer();

    const asked = await decideApplication({
      actor: staff,
      applicationId,
      decision: { kind: 'request_info', message: '请补充户口本户主页照片。' },
    });
    expect(asked.ok).toBe(true);
    expect((await getApplication({ actor, applicationId }))?.status).toBe('info_requested');
    const inbox = await inboxOf(user.id);
    expect(inbox.at(-1)).toMatchObject({
      kind: 'assistance.request_info',
      title: { key: 'assistance.notify.infoRequested.title', values: { reference } },
      link: `/assistance/${applicationId}`,
    });
    // While information is requested the resident may add a document.
    expect(
      await uploadApplicationDocuments({
        actor,
        applicationId,
        requirement: 'other',
        files: [pngUpload('户口本.png')],
      }),
    ).toMatchObject({ ok: true });

    expect(await answerInfoRequest({ actor, applicationId, message: '已上传户口本。' })).toEqual({
      ok: true,
    });
    expect(await answerInfoRequest({ actor, applicationId, message: 'again' })).toEqual({
      ok: false,
      error: 'not_editable',
    });
    const detail = await getApplicationForReview({ actor: staff, applicationId });
    expect(detail?.status).toBe('submitted');
    expect(detail?.ownHousehold).toBe(false);
    expect(detail?.decisions[0]?.reply?.message).toBe('已上传户口本。');
    const db = await getDb();
    const [row] = await db
      .select({ pausedSince: assistanceApplications.pausedSince })
      .from(assistanceApplications)
      .where(eq(assistanceApplications.id, applicationId));
    expect(row?.pausedSince).toBeNull();

    const approved = await decideApplication({
      actor: staff,
      applicationId,
      decision: { kind: 'approve', fromMonth: '2026-12', months: 12 },
    });
    expect(approved).toMatchObject({ ok: true, grants: 1 });
    expect((await inboxOf(user.id)).at(-1)?.kind).toBe('assistance.approve');
  });

  it('refuses a reviewer deciding their own household’s application, however it is linked', async () => {
    const { actor, account } = await createResidentWithAccount();
    const { applicationId } = await submitApplication({ actor, accountIds: [account.id] });
    const relative = await createUser({ role: 'reviewer' });
    await linkAccount({ userId: relative.id, accountId: account.id });

    const result = await decideApplication({
      actor: actorFor(relative),
      applicationId,
      decision: { kind: 'approve', fromMonth: '2026-12', months: 12 },
    });

    expect(result).toEqual({ ok: false, error: 'own_household' });
    expect(await grantsOf(applicationId)).toEqual([]);
    expect(
      (await getApplicationForReview({ actor: actorFor(relative), applicationId }))?.ownHousehold,
    ).toBe(true);
    // A reviewer applying for themselves cannot approve themselves either.
    const self = await createUser({ role: 'reviewer' });
    const { account: own } = await createServiceAccount();
    await linkAccount({ userId: self.id, accountId: own.id });
    const mine = await submitApplication({ actor: actorFor(self), accountIds: [own.id] });
    expect(
      await decideApplication({
        actor: actorFor(self),
        applicationId: mine.applicationId,
        decision: { kind: 'approve', fromMonth: '2026-12', months: 12 },
      }),
    ).toEqual({ ok: false, error: 'own_household' });
  });

  it('refuses a decision on a decided application, and lets a supervisor override with a reason', async () => {
    const { actor, account } = await createResidentWithAccount();
    const { applicationId } = await submitApplication({ actor, accountIds: [account.id] });
    const staff = await reviewer();
    await decideApplication({
      actor: staff,
      applicationId,
      decision: { kind: 'approve', fromMonth: '2026-12', months: 12 },
    });

    expect(
      await decideApplication({
        actor: staff,
        applicationId,
        decision: { kind: 'reject', reasonCode: 'other', message: null },
      }),
    ).toEqual({ ok: false, error: 'already_decided' });
    await expect(
      decideApplication({
        actor: staff,
        applicationId,
        decision: { kind: 'reject', reasonCode: 'other', message: null },
        override: { reason: '复核发现证件过期' },
      }),
    ).rejects.toBeInstanceOf(PermissionError);

    const supervisor = actorFor(await createUser({ role: 'supervisor' }));
    expect(
      await decideApplication({
        actor: supervisor,
        applicationId,
        decision: { kind: 'reject', reasonCode: 'not_eligible', message: '低保证已于上月注销。' },
        override: { reason: '' },
      }),
    ).toEqual({ ok: false, error: 'override_reason_required' });
    const overridden = await decideApplication({
      actor: supervisor,
      applicationId,
      decision: { kind: 'reject', reasonCode: 'not_eligible', message: '低保证已于上月注销。' },
      override: { reason: '民政复核：低保资格已取消' },
    });
    expect(overridden.ok).toBe(true);
    const grants = await grantsOf(applicationId);
    expect(grants).toHaveLength(1);
    expect(grants[0]?.revokedAt).not.toBeNull();
    const detail = await getApplicationForReview({ actor: supervisor, applicationId });
    expect(detail?.status).toBe('rejected');
    expect(detail?.decisions.at(-1)).toMatchObject({
      override: true,
      overrideReason: '民政复核：低保资格已取消',
    });
  });
});

describe('after the decision', () => {
  it('reminds 30 and 7 days before a grant ends, once each, and not after a renewal', async () => {
    const { actor, user, account } = await createResidentWithAccount();
    const { applicationId } = await submitApplication({ actor, accountIds: [account.id] });
    await decideApplication({
      actor: await reviewer(),
      applicationId,
      decision: { kind: 'approve', fromMonth: '2026-01', months: 12 },
    });
    // The grant ends on 2026-12-31.
    const reminders = async () =>
      (await inboxOf(user.id)).filter((n) => n.kind === 'assistance.renewal_reminder');

    await sendRenewalReminders({ today: '2026-11-15' });
    expect(await reminders()).toEqual([]);
    await sendRenewalReminders({ today: '2026-12-01' });
    await sendRenewalReminders({ today: '2026-12-02' });
    expect((await reminders()).map((r) => r.title.values?.days)).toEqual([30]);
    await sendRenewalReminders({ today: '2026-12-25' });
    await sendRenewalReminders({ today: '2026-12-26' });
    expect((await reminders()).map((r) => r.title.values?.days)).toEqual([30, 7]);

    // A renewal pre-filled from the last application, approved from the next month: no gap.
    const program = await programByCode('DB');
    const renewal = await startApplication({
      actor,
      programId: program.id,
      accountIds: [],
      renewsApplicationId: applicationId,
    });
    if (!renewal.ok) throw new Error(renewal.error);
    const prefilled = await getApplication({ actor, applicationId: renewal.applicationId });
    expect(prefilled?.answers).toEqual(DB_ANSWERS);
    expect(prefilled?.accounts.map((a) => a.id)).toEqual([account.id]);
    expect(prefilled?.renewsValidTo).toBe('2026-12-31');
  });

  it('deletes documents after the retention period and keeps the decision', async () => {
    const { actor, account } = await createResidentWithAccount();
    const { applicationId } = await submitApplication({ actor, accountIds: [account.id] });
    await decideApplication({
      actor: await reviewer(),
      applicationId,
      decision: { kind: 'reject', reasonCode: 'documents_unreadable', message: null },
    });
    const db = await getDb();
    const [document] = await db
      .select({ fileKey: assistanceDocuments.fileKey })
      .from(assistanceDocuments)
      .where(eq(assistanceDocuments.applicationId, applicationId));
    expect(await getFileStore().get(document?.fileKey ?? '')).not.toBeNull();

    const soon = await purgeDecidedDocuments({ retentionDays: 90 });
    expect(soon.documents).toBe(0);
    const later = await purgeDecidedDocuments({
      now: new Date(Date.now() + 91 * 86_400_000),
      retentionDays: 90,
    });
    expect(later.documents).toBeGreaterThanOrEqual(1);
    expect(await getFileStore().get(document?.fileKey ?? '')).toBeNull();
    const detail = await getApplication({ actor, applicationId });
    expect(detail?.documentsPurgedAt).not.toBeNull();
    expect(detail?.documents.every((d) => d.deleted)).toBe(true);
    expect(detail?.decisions.map((d) => d.kind)).toEqual(['reject']);
  });
});
