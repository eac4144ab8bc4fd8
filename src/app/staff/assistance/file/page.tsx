import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getLocale, getTranslations } from '@/i18n/server';
import { fileForResidentAction } from '@/actions/assistance/file-for-resident';
import { Field, FormMessage, PageTitle, SelectField, SubmitButton } from '@/components/ui/form';
import { requirePermission } from '@/server/auth';
import {
  ACCOUNT_CONSENT_METHODS,
  CONSENT_METHODS,
  findResidentsForAccount,
  listPrograms,
} from '@/server/assistance';
import { CONSENT_FIELD_ERRORS, ConsentFields } from '@/components/assistance/consent-fields';
import { ClientMessages } from '@/components/i18n/client-messages';
import { FileForAccountForm } from './file-for-account-form';
import { todayInShanghai } from '@/server/billing/today-in-shanghai';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('assistance');
  return { title: t('file.title') };
}

const ERRORS = [
  'accountNumber',
  'resident',
  'consentMethod',
  'consentGivenOn',
  'consentConfirmed',
  'tooLong',
  'no_accounts',
  'program_inactive',
] as const;

/** A community service officer files for a resident: find them, record consent, open a draft. */
export default async function FileForResidentPage({
  searchParams,
}: {
  searchParams: Promise<{ accountNumber?: string; error?: string }>;
}) {
  const actor = await requirePermission('file:assistance:behalf');
  const params = await searchParams;
  const [t, locale, programs] = await Promise.all([
    getTranslations('assistance'),
    getLocale(),
    listPrograms({ actor }),
  ]);
  const zh = locale === 'zh-CN';
  const accountNumber = (params.accountNumber ?? '').replace(/[\s-]+/g, '').slice(0, 10);
  const residents = /^\d{10}$/.test(accountNumber)
    ? await findResidentsForAccount({ actor, accountNumber })
    : [];
  const error = ERRORS.find((e) => e === params.error);
  const fieldError = (name: (typeof ERRORS)[number]) =>
    error === name ? [t(`errors.file.${name}`)] : undefined;
  return (
    <div className="max-w-2xl space-y-6">
      <p>
        <Link href="/staff/assistance">← {t('review.back')}</Link>
      </p>
      <PageTitle lead={t('file.lead')}>{t('file.title')}</PageTitle>
      <form method="get" className="space-y-3">
        <Field
          id="accountNumber"
          label={t('file.accountNumber')}
          hint={t('file.accountNumberHint')}
          inputMode="numeric"
          defaultValue={accountNumber}
          errors={fieldError('accountNumber')}
          focus={error === 'accountNumber'}
          required
        />
        <SubmitButton>{t('file.find')}</SubmitButton>
      </form>
      {accountNumber && residents.length === 0 ? (
        <FormMessage tone="info">{t('file.noResident')}</FormMessage>
      ) : null}
      {residents.length > 0 ? (
        <form action={fileForResidentAction} className="space-y-5">
          <input type="hidden" name="accountNumber" value={accountNumber} />
          <fieldset
            className="space-y-2"
            aria-describedby={error === 'resident' ? 'resident-error' : undefined}
          >
            <legend className="font-medium">{t('file.resident')}</legend>
            {error === 'resident' ? (
              <p id="resident-error" className="text-danger text-sm font-medium">
                {t('errors.file.resident')}
              </p>
            ) : null}
            {residents.map((r, index) => (
              <label key={r.userId} className="flex min-h-11 items-center gap-3">
                <input
                  type="radio"
                  name="applicantUserId"
                  value={r.userId}
                  defaultChecked={index === 0}
                  className="size-5"
                />
                {r.name}
              </label>
            ))}
          </fieldset>
          <SelectField
            id="programId"
            label={t('file.program')}
            options={programs.map((p) => ({
              value: String(p.id),
              label: zh ? p.name.zh : p.name.en,
            }))}
          />
          <ConsentFields
            methods={CONSENT_METHODS}
            error={CONSENT_FIELD_ERRORS.find((e) => e === error)}
            confirmLabel={t('file.consentConfirmed')}
          />
          <SubmitButton>{t('file.submit')}</SubmitButton>
        </form>
      ) : null}
      <section aria-labelledby="no-login-heading" className="space-y-4 border-t pt-6">
        <h2 id="no-login-heading" className="text-xl font-semibold">
          {t('fileAccount.heading')}
        </h2>
        <p>{t('fileAccount.lead')}</p>
        {/* The form renders its own errors (assistance.fileAccount.*, accounts.link.*). */}
        <ClientMessages namespaces={['assistance', 'accounts']}>
          <FileForAccountForm
            programs={programs.map((p) => ({
              value: String(p.id),
              label: zh ? p.name.zh : p.name.en,
            }))}
            consentMethods={ACCOUNT_CONSENT_METHODS.map((m) => ({
              value: m,
              label: t(`consent.${m}`),
            }))}
            today={todayInShanghai()}
          />
        </ClientMessages>
      </section>
    </div>
  );
}
