import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { env } from '@/env';
import { getDb } from '@/server/db';
import { assistanceApplications, auditLog } from '@/server/db/schema';
import { createLocalFileStore, installFileStore } from '@/server/files';
import {
  decideApplication,
  fileForAccount,
  getApplication,
  getApplicationForReview,
  listMyApplications,
  listReviewQueue,
  readApplicationDocument,
  renewForHousehold,
  saveApplication,
  startApplication,
  uploadApplicationDocuments,
} from '@/server/assistance';
import { linkServiceAccount } from '@/server/accounts';
import { executeBillingRun, startBillingRun } from '@/server/billing';
import { PermissionError } from '@/server/auth/permissions';
import { resetBilling, yearOfReadings } from '../../fixtures/billing-run';
import {
  actorFor,
  createResidentWithAccount,
  createServiceAccount,
  createUser,
  linkAccount,
} from '../../fixtures/world';
import {
  billWithLines,
  DB_ANSWERS,
  inboxOf,
  pngUpload,
  programByCode,
  submitApplication,
  createWaterTariff,
} from '../../fixtures/assistance';

const JAN = '2025-01-01';

beforeAll(() => {
  installFileStore(createLocalFileStore(mkdtempSync(path.join(tmpdir(), 'wanjia-file-acct-'))));
});
afterAll(() => installFileStore(undefined));

beforeEach(async () => {
  await resetBilling();
  const db = await getDb();
  await db.execute(sql`truncate assistance_credits restart identity`);
});

async function officer() {
  return actorFor(await createUser({ role: 'agent', name: '社区专员 王芳' }));
}

/** A water account nobody has linked, as the bill prints it. */
async function householdWithoutLogin() {
  const { account } = await createServiceAccount({
    utility: 'water',
    holderName: '李 秀英',
    verificationCode: '482913',
    readings: yearOfReadings(12, { [JAN]: 12 }),
  });
  return account;
}

async function fileFor(
  actor: Awaited<ReturnType<typeof officer>>,
  account: { accountNumber: string },
  overrides: Partial<Parameters<typeof fileForAccount>[0]> = {},
) {
  const program = await programByCode('DB');
  return fileForAccount({
    actor,
    programId: program.id,
    accountNumber: account.accountNumber,
    verificationCode: '482913',
    holderName: '李秀英',
    contactPhone: '0531-86001234',
    consentMethod: 'signed_form',
    consentGivenOn: '2024-12-20',
    consentNote: null,
    consentForm: pngUpload('同意书.png'),
    ...overrides,
  });
}

describe('an officer filing for a household without a portal login', () => {
  it('files by account number, code and holder name; the reviewer approves; the next bill has the waiver', async () => {
    const staff = await officer();
    const account = await householdWithoutLogin();
    const filed = await fileFor(staff, account);
    if (!filed.ok) throw new Error(filed.error);

    // The application belongs to the account: no applicant, the holder as on the account.
    const db = await getDb();
    const [row] = await db
      .select()
      .from(assistanceApplications)
      .where(eq(assistanceApplications.id, filed.applicationId));
    expect(row).toMatchObject({
      applicantUserId: null,
      filedByUserId: staff.userId,
      holderName: '李 秀英',
      contactPhone: '0531-86001234',
      consentMethod: 'signed_form',
      consentGivenOn: '2024-12-20',
    });
    expect(row?.consentRecordedAt).toBeInstanceOf(Date);
    const audits = await db
      .select({ actor: auditLog.actorUserId, detail: auditLog.detail })
      .from(auditLog)
      .where(eq(auditLog.action, 'assistance.application.filed_for_account'));
    expect(audits).toEqual([
      expect.objectContaining({
        actor: staff.userId,
        detail: expect.objectContaining({ consentMethod: 'signed_form', consentForm: true }),
      }),
    ]);

    // The officer sees it, with the consent form among its documents, fills it in and submits.
    const draft = await getApplication({ actor: staff, applicationId: filed.applicationId });
    expect(draft).toMatchObject({
      status: 'draft',
      editable: true,
      applicant: { id: null, name: '李 秀英' },
      household: { holderName: '李 秀英', contactPhone: '0531-86001234' },
      consent: { method: 'signed_form', givenOn: '2024-12-20' },
    });
    expect(draft?.applicantAccounts.map((a) => a.id)).toEqual([account.id]);
    const consentForm = draft?.documents.find((d) => d.requirement === 'consent_form');
    expect(consentForm?.contentType).toBe('image/png');
    const uploaded = await uploadApplicationDocuments({
      actor: staff,
      applicationId: filed.applicationId,
      requirement: 'certificate',
      files: [pngUpload()],
    });
    expect(uploaded.ok).toBe(true);
    // Only the proved account: another one is "not found".
    const { account: other } = await createServiceAccount();
    expect(
      await saveApplication({
        actor: staff,
        applicationId: filed.applicationId,
        answers: DB_ANSWERS,
        accountIds: [account.id, other.id],
        submit: true,
      }),
    ).toEqual({ ok: false, error: 'not_found' });
    expect(
      await saveApplication({
        actor: staff,
        applicationId: filed.applicationId,
        answers: DB_ANSWERS,
        accountIds: [account.id],
        submit: true,
      }),
    ).toEqual({ ok: true, status: 'submitted', alreadySubmitted: false });

    // Reviewers see it in the queue under the holder's name, with the consent form.
    const reviewer = actorFor(await createUser({ role: 'reviewer' }));
    const queue = await listReviewQueue({ actor: reviewer });
    expect(queue.find((q) => q.id === filed.applicationId)).toMatchObject({
      applicantName: '李 秀英',
      filedByOfficer: true,
      documents: 2,
    });
    const forReview = await getApplicationForReview({
      actor: reviewer,
      applicationId: filed.applicationId,
    });
    expect(forReview?.household).toEqual({
      holderName: '李 秀英',
      contactPhone: '0531-86001234',
    });
    expect(
      await readApplicationDocument({
        actor: reviewer,
        applicationId: filed.applicationId,
        documentId: consentForm?.id ?? 0,
      }),
    ).not.toBeNull();

    // Resident B, who has nothing to do with the account, gets "not found".
    const b = await createResidentWithAccount();
    expect(await getApplication({ actor: b.actor, applicationId: filed.applicationId })).toBeNull();
    expect(
      await readApplicationDocument({
        actor: b.actor,
        applicationId: filed.applicationId,
        documentId: consentForm?.id ?? 0,
      }),
    ).toBeNull();

    const decided = await decideApplication({
      actor: reviewer,
      applicationId: filed.applicationId,
      decision: { kind: 'approve', fromMonth: '2025-01', months: 12 },
    });
    expect(decided).toMatchObject({ ok: true, grants: 1 });
    // The decision reaches the officer, who tells the household by phone.
    expect(await inboxOf(staff.userId)).toEqual([
      expect.objectContaining({
        kind: 'assistance.approve',
        link: `/assistance/${filed.applicationId}`,
      }),
    ]);
    expect(
      (await getApplication({ actor: staff, applicationId: filed.applicationId }))?.status,
    ).toBe('approved');

    // Billing applies the grant like any other: 12 m³ × ¥3.45 − 10 m³ × ¥3.45.
    await createWaterTariff();
    const run = await startBillingRun({
      actor: null,
      utility: 'water',
      period: JAN,
      enqueue: false,
    });
    if (!run.ok) throw new Error(run.error);
    await executeBillingRun(run.runId, { batchSize: 2 });
    const jan = await billWithLines(account.id, JAN);
    expect(jan?.lines.filter((l) => l.kind === 'waiver').map((l) => l.amountFen)).toEqual([-3450]);
    expect(jan?.totalFen).toBe(4140 - 3450);

    // A member of the household who links the account later sees the application and grant.
    const later = actorFor(await createUser({ name: '李秀英的女儿' }));
    expect(await getApplication({ actor: later, applicationId: filed.applicationId })).toBeNull();
    const linked = await linkServiceAccount({
      actor: later,
      accountNumber: account.accountNumber,
      verificationCode: '482913',
    });
    expect(linked).toMatchObject({ ok: true, accountId: account.id });
    expect((await listMyApplications({ actor: later })).map((a) => a.id)).toEqual([
      filed.applicationId,
    ]);
    const seen = await getApplication({ actor: later, applicationId: filed.applicationId });
    expect(seen?.grants).toEqual([
      expect.objectContaining({ accountId: account.id, validFrom: '2025-01-01' }),
    ]);
  });

  it('answers a wrong code, number or name with one generic error, records nothing, and throttles', async () => {
    const staff = await officer();
    const account = await householdWithoutLogin();
    const db = await getDb();
    const before = await db.$count(assistanceApplications);
    const wrongs: Partial<Parameters<typeof fileForAccount>[0]>[] = [
      { verificationCode: '000000' },
      { accountNumber: '1999999999' },
      { holderName: '王秀英' },
    ];
    for (const wrong of wrongs) {
      expect(await fileFor(staff, account, wrong)).toEqual({ ok: false, error: 'invalid' });
    }
    expect(await db.$count(assistanceApplications)).toBe(before);
    for (let i = wrongs.length; i < env.LINK_MAX_FAILURES; i++) {
      expect(await fileFor(staff, account, { verificationCode: '111111' })).toEqual({
        ok: false,
        error: 'invalid',
      });
    }
    // Now even the right code is refused until the window passes (the linking throttle).
    expect(await fileFor(staff, account)).toMatchObject({ ok: false, error: 'throttled' });
    expect(await db.$count(assistanceApplications)).toBe(before);
    // Another officer is not held back by this one's failures.
    expect(await fileFor(await officer(), account)).toMatchObject({ ok: true });
  });

  it('asks for the signed form when consent was on paper, not when given in person; residents may not file', async () => {
    const staff = await officer();
    const account = await householdWithoutLogin();
    expect(await fileFor(staff, account, { consentForm: null })).toEqual({
      ok: false,
      error: 'consent_form',
    });
    const inPerson = await fileFor(staff, account, {
      consentMethod: 'in_person',
      consentForm: null,
    });
    expect(inPerson.ok).toBe(true);
    const resident = (await createResidentWithAccount()).actor;
    await expect(fileFor(resident, account)).rejects.toBeInstanceOf(PermissionError);
  });

  it('keeps resident A’s own application "not found" for resident B, even once B links A’s account', async () => {
    const a = await createResidentWithAccount();
    const { applicationId } = await submitApplication({
      actor: a.actor,
      accountIds: [a.account.id],
    });
    const b = actorFor(await createUser());
    await linkAccount({ userId: b.userId, accountId: a.account.id });
    expect(await getApplication({ actor: b, applicationId })).toBeNull();
    expect(await listMyApplications({ actor: b })).toEqual([]);
    // …and B cannot renew it into their own either.
    const program = await programByCode('DB');
    expect(
      await startApplication({
        actor: b,
        programId: program.id,
        accountIds: [],
        renewsApplicationId: applicationId,
      }),
    ).toEqual({ ok: false, error: 'not_found' });
  });
});

/** The officer fills in and submits a draft they opened; a reviewer approves it for 2025. */
async function submitAndApprove(staff: Awaited<ReturnType<typeof officer>>, applicationId: number) {
  const draft = await getApplication({ actor: staff, applicationId });
  const uploaded = await uploadApplicationDocuments({
    actor: staff,
    applicationId,
    requirement: 'certificate',
    files: [pngUpload()],
  });
  if (!uploaded.ok) throw new Error(uploaded.error);
  const saved = await saveApplication({
    actor: staff,
    applicationId,
    answers: DB_ANSWERS,
    accountIds: draft?.accounts.map((a) => a.id) ?? [],
    submit: true,
  });
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  const decided = await decideApplication({
    actor: actorFor(await createUser({ role: 'reviewer' })),
    applicationId,
    decision: { kind: 'approve', fromMonth: '2025-01', months: 12 },
  });
  if (!decided.ok) throw new Error(decided.error);
}

const RENEWAL_CONSENT = {
  consentMethod: 'in_person',
  consentGivenOn: '2025-12-02',
  consentNote: '入户走访时同意',
} as const;

describe('an officer renewing what they filed', () => {
  it('renews a household-without-login grant for the same account, recording consent again', async () => {
    const staff = await officer();
    const account = await householdWithoutLogin();
    const filed = await fileFor(staff, account);
    if (!filed.ok) throw new Error(filed.error);
    await submitAndApprove(staff, filed.applicationId);

    // The officer is offered the renewal for the household; the resident path refuses them.
    const approved = await getApplication({ actor: staff, applicationId: filed.applicationId });
    expect(approved?.renewal).toBe('for_household');
    const program = await programByCode('DB');
    expect(
      await startApplication({
        actor: staff,
        programId: program.id,
        accountIds: [],
        renewsApplicationId: filed.applicationId,
      }),
    ).toEqual({ ok: false, error: 'not_found' });
    // A phone call is not a way a household without a login agrees.
    expect(
      await renewForHousehold({
        actor: staff,
        renewsApplicationId: filed.applicationId,
        consent: { ...RENEWAL_CONSENT, consentMethod: 'phone' },
      }),
    ).toEqual({ ok: false, error: 'consent_method' });

    const renewed = await renewForHousehold({
      actor: staff,
      renewsApplicationId: filed.applicationId,
      consent: RENEWAL_CONSENT,
    });
    if (!renewed.ok) throw new Error(renewed.error);
    const draft = await getApplication({ actor: staff, applicationId: renewed.applicationId });
    expect(draft).toMatchObject({
      status: 'draft',
      editable: true,
      applicant: { id: null, name: '李 秀英' },
      household: { holderName: '李 秀英', contactPhone: '0531-86001234' },
      consent: { method: 'in_person', givenOn: '2025-12-02', note: '入户走访时同意' },
      answers: DB_ANSWERS,
      renewsApplicationId: filed.applicationId,
      renewsValidTo: '2025-12-31',
      renewal: null,
    });
    expect(draft?.accounts.map((a) => a.id)).toEqual([account.id]);
    const db = await getDb();
    const audits = await db
      .select({ detail: auditLog.detail })
      .from(auditLog)
      .where(eq(auditLog.subjectId, String(renewed.applicationId)));
    expect(audits).toEqual([
      {
        detail: expect.objectContaining({
          consentMethod: 'in_person',
          consentGivenOn: '2025-12-02',
          renews: filed.applicationId,
        }),
      },
    ]);

    // Renewed once: the old application offers no second renewal, and a second post opens this one.
    expect(
      (await getApplication({ actor: staff, applicationId: filed.applicationId }))?.renewal,
    ).toBeNull();
    expect(
      await renewForHousehold({
        actor: staff,
        renewsApplicationId: filed.applicationId,
        consent: RENEWAL_CONSENT,
      }),
    ).toEqual({ ok: false, error: 'already_renewed', applicationId: renewed.applicationId });
  });

  it('renews a resident’s grant as theirs; another officer and reviewers are not offered it', async () => {
    const staff = await officer();
    const { user, account } = await createResidentWithAccount();
    const program = await programByCode('DB');
    const started = await startApplication({
      actor: staff,
      programId: program.id,
      accountIds: [account.id],
      onBehalfOf: {
        applicantUserId: user.id,
        consentMethod: 'signed_form',
        consentGivenOn: '2024-12-20',
        consentNote: null,
      },
    });
    if (!started.ok) throw new Error(started.error);
    await submitAndApprove(staff, started.applicationId);

    const resident = actorFor(user);
    const applicationId = started.applicationId;
    expect((await getApplication({ actor: resident, applicationId }))?.renewal).toBe('own');
    const otherOfficer = await officer();
    expect(await getApplication({ actor: otherOfficer, applicationId })).toBeNull();
    expect(
      await renewForHousehold({
        actor: otherOfficer,
        renewsApplicationId: applicationId,
        consent: RENEWAL_CONSENT,
      }),
    ).toEqual({ ok: false, error: 'not_found' });
    const reviewer = actorFor(await createUser({ role: 'reviewer' }));
    expect((await getApplicationForReview({ actor: reviewer, applicationId }))?.renewal).toBeNull();
    await expect(
      renewForHousehold({
        actor: resident,
        renewsApplicationId: applicationId,
        consent: RENEWAL_CONSENT,
      }),
    ).rejects.toBeInstanceOf(PermissionError);

    const renewed = await renewForHousehold({
      actor: staff,
      renewsApplicationId: applicationId,
      consent: { ...RENEWAL_CONSENT, consentMethod: 'phone' },
    });
    if (!renewed.ok) throw new Error(renewed.error);
    // The draft is the resident's: they see it, and the officer who filed it again.
    const draft = await getApplication({ actor: resident, applicationId: renewed.applicationId });
    expect(draft).toMatchObject({
      applicant: { id: user.id },
      household: null,
      filedBy: { name: '社区专员 王芳' },
      consent: { method: 'phone', givenOn: '2025-12-02' },
      answers: DB_ANSWERS,
      renewsApplicationId: applicationId,
    });
    expect(draft?.accounts.map((a) => a.id)).toEqual([account.id]);
  });
});
