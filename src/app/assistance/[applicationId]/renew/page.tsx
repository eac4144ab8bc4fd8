import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getTranslations } from '@/i18n/server';
import { renewForHouseholdAction } from '@/actions/assistance/renew-for-household';
import { CONSENT_FIELD_ERRORS, ConsentFields } from '@/components/assistance/consent-fields';
import { parseId } from '@/components/bills/bill-dates';
import { FormMessage, PageTitle, SubmitButton } from '@/components/ui/form';
import { pageNotFound } from '@/lib/page-not-found';
import { requirePermission } from '@/server/auth';
import { ACCOUNT_CONSENT_METHODS, CONSENT_METHODS, getApplication } from '@/server/assistance';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('assistance');
  return { title: t('renewFor.metaTitle') };
}

const FORM_ERRORS = ['not_renewable', 'program_inactive', 'no_accounts'] as const;

/**
 * The officer who filed an approved application renews it for the household: the consent is
 * recorded again (how, when, a note), then the pre-filled draft opens. Anyone else: not found.
 */
export default async function RenewForHouseholdPage({
  params,
  searchParams,
}: {
  params: Promise<{ applicationId: string }>;
  /** After an error: the code and what was typed. */
  searchParams: Promise<{
    error?: string;
    consentMethod?: string;
    consentGivenOn?: string;
    consentNote?: string;
  }>;
}) {
  const actor = await requirePermission('file:assistance:behalf');
  const applicationId = parseId((await params).applicationId);
  if (applicationId === null) pageNotFound();
  const application = await getApplication({ actor, applicationId });
  if (application?.renewal !== 'for_household') pageNotFound();
  const { error, ...typed } = await searchParams;
  const t = await getTranslations('assistance');
  const fieldError = CONSENT_FIELD_ERRORS.find((e) => e === error);
  const formError = FORM_ERRORS.find((e) => e === error);
  const household = application.household;
  return (
    <div className="max-w-2xl space-y-6">
      <p>
        <Link href={`/assistance/${application.id}`}>
          ← {t('detail.reference', { reference: application.reference })}
        </Link>
      </p>
      <PageTitle lead={t('renewFor.lead')}>{t('renewFor.title')}</PageTitle>
      {formError ? <FormMessage tone="error">{t(`errors.file.${formError}`)}</FormMessage> : null}
      <p className="font-medium">
        {household
          ? t('renewFor.forHousehold', {
              holder: household.holderName,
              phone: household.contactPhone,
            })
          : t('renewFor.forResident', { name: application.applicant.name })}
      </p>
      <form action={renewForHouseholdAction} className="space-y-5">
        <input type="hidden" name="applicationId" value={application.id} />
        <ConsentFields
          methods={household ? ACCOUNT_CONSENT_METHODS : CONSENT_METHODS}
          error={fieldError}
          typed={typed}
          methodHint={household ? t('renewFor.signedFormHint') : undefined}
          confirmLabel={t(household ? 'fileAccount.consentConfirmed' : 'file.consentConfirmed')}
        />
        <SubmitButton>{t('renewFor.submit')}</SubmitButton>
      </form>
    </div>
  );
}
