'use server';

import { redirect } from 'next/navigation';
import { pageNotFound } from '@/lib/page-not-found';
import { requirePermission } from '@/server/auth';
import { renewForHousehold } from '@/server/assistance';
import { ZRenewForHouseholdSchema } from './assistance-forms.schema';

/**
 * The officer who filed an approved application renews it for the household, recording the
 * household's consent again; the new draft opens pre-filled. Errors go back to the consent form.
 */
export async function renewForHouseholdAction(formData: FormData): Promise<void> {
  const actor = await requirePermission('file:assistance:behalf');
  const applicationId = Number(formData.get('applicationId'));
  const parsed = ZRenewForHouseholdSchema.safeParse({
    applicationId: formData.get('applicationId') ?? '',
    consentMethod: formData.get('consentMethod') ?? '',
    consentGivenOn: formData.get('consentGivenOn') ?? '',
    consentNote: formData.get('consentNote') ?? '',
    consentConfirmed: formData.get('consentConfirmed') ?? '',
  });
  // Back to the form with what was typed, so an error loses nothing.
  const typed = new URLSearchParams();
  for (const name of ['consentMethod', 'consentGivenOn', 'consentNote'] as const) {
    typed.set(name, String(formData.get(name) ?? '').slice(0, 500));
  }
  const back = (error: string) =>
    redirect(`/assistance/${applicationId}/renew?error=${error}&${typed.toString()}`);
  if (!parsed.success) back(parsed.error.issues[0]?.message ?? 'invalid');
  else {
    const { applicationId: renewsApplicationId, consentNote, ...consent } = parsed.data;
    const result = await renewForHousehold({
      actor,
      renewsApplicationId,
      consent: { ...consent, consentNote: consentNote || null },
    });
    if (result.ok) redirect(`/assistance/${result.applicationId}?started=1`);
    else if (result.error === 'already_renewed') redirect(`/assistance/${result.applicationId}`);
    else if (result.error === 'not_found') pageNotFound();
    else back(result.error === 'consent_method' ? 'consentMethod' : result.error);
  }
}
