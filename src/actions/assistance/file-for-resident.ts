'use server';

import { redirect } from 'next/navigation';
import { pageNotFound } from '@/lib/page-not-found';
import { requirePermission } from '@/server/auth';
import { findResidentsForAccount, startApplication } from '@/server/assistance';
import { ZFileForResidentSchema } from './assistance-forms.schema';

/**
 * A community service officer opens a draft for a resident, recording how and when the
 * resident agreed. Then the officer fills in the same form the resident would.
 */
export async function fileForResidentAction(formData: FormData): Promise<void> {
  const actor = await requirePermission('file:assistance:behalf');
  const accountNumber = String(formData.get('accountNumber') ?? '').slice(0, 20);
  const parsed = ZFileForResidentSchema.safeParse({
    accountNumber,
    applicantUserId: formData.get('applicantUserId') ?? '',
    programId: formData.get('programId') ?? '',
    consentMethod: formData.get('consentMethod') ?? '',
    consentGivenOn: formData.get('consentGivenOn') ?? '',
    consentNote: formData.get('consentNote') ?? '',
    consentConfirmed: formData.get('consentConfirmed') ?? '',
  });
  const back = (error: string) =>
    redirect(
      `/staff/assistance/file?accountNumber=${encodeURIComponent(accountNumber)}&error=${error}`,
    );
  if (!parsed.success) back(parsed.error.issues[0]?.message ?? 'invalid');
  else {
    const residents = await findResidentsForAccount({
      actor,
      accountNumber: parsed.data.accountNumber,
    });
    const resident = residents.find((r) => r.userId === parsed.data.applicantUserId);
    if (!resident) back('resident');
    else {
      const result = await startApplication({
        actor,
        programId: parsed.data.programId,
        accountIds: [resident.accountId],
        onBehalfOf: {
          applicantUserId: resident.userId,
          consentMethod: parsed.data.consentMethod,
          consentGivenOn: parsed.data.consentGivenOn,
          consentNote: parsed.data.consentNote || null,
        },
      });
      if (!result.ok && result.error === 'not_found') pageNotFound();
      if (!result.ok) back(result.error);
      else redirect(`/assistance/${result.applicationId}?started=1`);
    }
  }
}
