import type { Metadata } from 'next';
import { ACCOUNT_SERVICES, AccountServiceLink } from '@/components/accounts/account-service-link';
import Link from '@/components/ui/link';
import { pageNotFound } from '@/lib/page-not-found';
import { getFormatter, getLocale, getTranslations } from '@/i18n/server';
import { PageTitle } from '@/components/ui/form';
import { UtilityIcon } from '@/components/accounts/utility-icon';
import { StatusBadge } from '@/components/accounts/status-badge';
import { dateOnly, ReadingsTable } from '@/components/accounts/readings-table';
import { requireUser } from '@/server/auth';
import { getLinkedAccount, listAccountReadings } from '@/server/accounts';

type TParams = { params: Promise<{ accountId: string }> };

/** Only plain positive integers are ids; anything else is simply "not found". */
function parseAccountId(raw: string): number | null {
  return /^\d{1,9}$/.test(raw) ? Number(raw) : null;
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('accounts');
  return { title: t('readings.title') };
}

export default async function AccountPage({ params }: TParams) {
  const actor = await requireUser();
  const accountId = parseAccountId((await params).accountId);
  if (accountId === null) pageNotFound();
  const [account, readings] = await Promise.all([
    getLinkedAccount({ actor, accountId }),
    listAccountReadings({ actor, accountId, limit: 24 }),
  ]);
  if (!account || !readings) pageNotFound();

  const t = await getTranslations('accounts');
  const format = await getFormatter();
  const zh = (await getLocale()) === 'zh-CN';
  const date = (value: string) => format.dateTime(dateOnly(value), { dateStyle: 'long' });

  return (
    <div className="space-y-8">
      <p>
        <Link href="/dashboard">← {t('detail.back')}</Link>
      </p>
      <div className="flex items-start gap-3">
        <UtilityIcon utility={account.utility} />
        <PageTitle lead={zh ? account.address.zh : account.address.en}>
          {t('detail.title', {
            utility: t(`utility.${account.utility}`),
            number: account.accountNumber,
          })}
        </PageTitle>
      </div>

      <nav aria-labelledby="services-heading" className="space-y-3">
        <h2 id="services-heading" className="text-xl font-semibold">
          {t('detail.services')}
        </h2>
        <ul className="flex flex-wrap gap-3">
          {ACCOUNT_SERVICES.map((service) => (
            <li key={service}>
              <AccountServiceLink
                service={service}
                accountId={account.id}
                accountNumber={account.accountNumber}
              />
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="details-heading" className="rounded-xl border border-slate-200 p-5">
        <h2 id="details-heading" className="sr-only">
          {t('detail.title', {
            utility: t(`utility.${account.utility}`),
            number: account.accountNumber,
          })}
        </h2>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
          <dt className="text-muted">{t('detail.status')}</dt>
          <dd>
            <StatusBadge status={account.status} />
          </dd>
          <dt className="text-muted">{t('detail.holder')}</dt>
          <dd>{account.holderName}</dd>
          <dt className="text-muted">{t('card.address')}</dt>
          <dd>{zh ? account.address.zh : account.address.en}</dd>
          <dt className="text-muted">{t('card.district')}</dt>
          <dd>{zh ? account.district.zh : account.district.en}</dd>
          <dt className="text-muted">{t('card.householdSize')}</dt>
          <dd>{t('card.people', { count: account.householdSize })}</dd>
          <dt className="text-muted">{t('detail.openedOn')}</dt>
          <dd>{date(account.openedOn)}</dd>
          <dt className="text-muted">{t('detail.linkedAt')}</dt>
          <dd>{format.dateTime(account.linkedAt, { dateStyle: 'long' })}</dd>
          <dt className="text-muted">{t('detail.meters')}</dt>
          <dd>
            <ul>
              {account.meters.map((m) => (
                <li key={m.serialNumber}>
                  <span className="font-medium">{m.serialNumber}</span>{' '}
                  <span className="text-muted">
                    ({t('detail.meterInstalled', { date: date(m.installedOn) })}
                    {m.removedOn
                      ? `, ${t('detail.meterRemoved', { date: date(m.removedOn) })}`
                      : `, ${t('detail.meterCurrent')}`}
                    )
                  </span>
                </li>
              ))}
            </ul>
          </dd>
        </dl>
      </section>

      <section aria-labelledby="readings-heading" className="space-y-3">
        <h2 id="readings-heading" className="text-xl font-semibold">
          {t('readings.title')}
        </h2>
        {account.readingNote && account.readingNote !== 'none' ? (
          <p className="rounded-md border-l-4 border-amber-500 bg-amber-50 px-3 py-2">
            {t(`notes.${account.readingNote}`)}
          </p>
        ) : null}
        <ReadingsTable
          readings={readings}
          utility={account.utility}
          caption={t('readings.caption', { count: readings.length })}
        />
      </section>

      <p>
        <Link href={`/accounts/${account.id}/unlink`}>{t('detail.unlink')}</Link>
      </p>
    </div>
  );
}
