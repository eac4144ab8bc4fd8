import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from '@/i18n/server';
import { renewForHouseholdAction } from '@/actions/assistance/renew-for-household';
import { ConsentCheckbox } from '@/components/assistance/consent-checkbox';
import { parseId } from '@/components/bills/bill-dates';
import { Field, FormMessage, PageTitle, SelectField, SubmitButton } from '@/components/ui/form';
import { pageNotFound } from '@/lib/page-not-found';
import { requirePermission } from '@/server/auth';
import { ACCOUNT_CONSENT_METHODS, CONSENT_METHODS, getApplication } from '@/server/assistance';
import { todayInShanghai } from '@/server/billing/today-in-shanghai';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('assistance');
  return { title: t('renewFor.metaTitle') };
}

const FIELD_ERRORS = ['consentMethod', 'consentGivenOn', 'consentConfirmed', 'tooLong'] as const;
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
  searchParams: Promise<{ error?: string }>;
}) {
  const actor = await requirePermission('file:assistance:behalf');
  const applicationId = parseId((await params).applicationId);
  if (applicationId === null) pageNotFound();
  const application = await getApplication({ actor, applicationId });
  if (application?.renewal !== 'for_household') pageNotFound();
  const { error } = await searchParams;
  const t = await getTranslations('assistance');
  const fieldError = FIELD_ERRORS.find((e) => e === error);
  const formError = FORM_ERRORS.find((e) => e === error);
  const errorOf = (name: (typeof FIELD_ERRORS)[number]) =>
    fieldError === name ? [t(`errors.file.${name}`)] : undefined;
  const household = application.household;
  const methods = household ? ACCOUNT_CONSENT_METHODS : CONSENT_METHODS;
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
        <SelectField
          id="consentMethod"
          label={t('file.consentMethod')}
          hint={household ? t('renewFor.signedFormHint') : undefined}
          options={[
            { value: '', label: t('form.choose') },
            ...methods.map((m) => ({ value: m, label: t(`consent.${m}`) })),
          ]}
          errors={errorOf('consentMethod')}
          focus={fieldError === 'consentMethod'}
          required
        />
        <Field
          id="consentGivenOn"
          type="date"
          label={t('file.consentGivenOn')}
          defaultValue={todayInShanghai()}
          errors={errorOf('consentGivenOn')}
          focus={fieldError === 'consentGivenOn'}
          required
        />
        <Field
          id="consentNote"
          label={t('file.consentNote')}
          hint={t('file.consentNoteHint')}
          errors={errorOf('tooLong')}
          focus={fieldError === 'tooLong'}
          maxLength={500}
        />
        <ConsentCheckbox
          errorId="consentConfirmed-error"
          label={t(household ? 'fileAccount.consentConfirmed' : 'file.consentConfirmed')}
          error={fieldError === 'consentConfirmed' ? t('errors.file.consentConfirmed') : undefined}
          focus={fieldError === 'consentConfirmed'}
        />
        <SubmitButton>{t('renewFor.submit')}</SubmitButton>
      </form>
    </div>
  );
}
