import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { pageNotFound } from '@/lib/page-not-found';
import { getFormatter, getLocale, getTranslations } from '@/i18n/server';
import { FormMessage, PageTitle } from '@/components/ui/form';
import { StatusBadge } from '@/components/accounts/status-badge';
import { dateOnly, ReadingsTable } from '@/components/accounts/readings-table';
import { can, requirePermission } from '@/server/auth';
import { viewServiceAccount } from '@/server/staff';
import { StaffPaymentsTable } from '@/components/payments/staff-payments-table';
import { BalanceSummary } from '@/components/bills/balance-summary';
import { BillsTable } from '@/components/bills/bills-table';
import { BillsPager, parseBefore } from '@/components/bills/bills-pager';
import { listStaffPayments } from '@/server/payments';
import { listAccountBillsForStaff } from '@/server/bills';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('staff');
  return { title: t('nav.accounts') };
}

export default async function StaffAccountPage({
  params,
  searchParams,
}: {
  params: Promise<{ accountId: string }>;
  searchParams: Promise<{ before?: string }>;
}) {
  const actor = await requirePermission('view:account:any');
  const raw = (await params).accountId;
  if (!/^\d{1,9}$/.test(raw)) pageNotFound();
  // Writes the 'staff.account_viewed' audit row in the same request as the read.
  const account = await viewServiceAccount({ actor, accountId: Number(raw) });
  if (!account) pageNotFound();

  const t = await getTranslations('staff');
  const ta = await getTranslations('accounts');
  const format = await getFormatter();
  const zh = (await getLocale()) === 'zh-CN';
  const date = (value: string) => format.dateTime(dateOnly(value), { dateStyle: 'medium' });
  const payments = can(actor.role, 'view:payment:any')
    ? await listStaffPayments({ actor, accountId: account.id, limit: 20 })
    : null;
  const tp = await getTranslations('payments');
  const before = parseBefore((await searchParams).before);
  const billList = await listAccountBillsForStaff({ actor, accountId: account.id, before });

  return (
    <div className="space-y-8">
      <p>
        <Link href="/staff/accounts">← {t('account.back')}</Link>
      </p>
      <PageTitle lead={`${ta(`utility.${account.utility}`)} · ${account.holderName}`}>
        {t('account.title', { number: account.accountNumber })}
      </PageTitle>
      <FormMessage tone="info">{t('account.auditNotice')}</FormMessage>

      <div className="grid gap-6 md:grid-cols-2">
        <section
          aria-labelledby="account-heading"
          className="rounded-xl border border-slate-200 p-5"
        >
          <h2 id="account-heading" className="mb-3 text-lg font-semibold">
            {t('account.accountSection')}
          </h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="text-muted">{t('account.holder')}</dt>
            <dd>{account.holderName}</dd>
            <dt className="text-muted">{t('account.utility')}</dt>
            <dd>{ta(`utility.${account.utility}`)}</dd>
            <dt className="text-muted">{t('account.status')}</dt>
            <dd>
              <StatusBadge status={account.status} />
            </dd>
            <dt className="text-muted">{t('account.openedOn')}</dt>
            <dd>{date(account.openedOn)}</dd>
          </dl>
        </section>
        <section
          aria-labelledby="premises-heading"
          className="rounded-xl border border-slate-200 p-5"
        >
          <h2 id="premises-heading" className="mb-3 text-lg font-semibold">
            {t('account.premises')}
          </h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="text-muted">{t('account.address')}</dt>
            <dd>{zh ? account.premises.address.zh : account.premises.address.en}</dd>
            <dt className="text-muted">{t('account.district')}</dt>
            <dd>{zh ? account.premises.district.zh : account.premises.district.en}</dd>
            <dt className="text-muted">{t('account.householdSize')}</dt>
            <dd>{t('account.people', { count: account.premises.householdSize })}</dd>
            <dt className="text-muted">{t('account.lowIncome')}</dt>
            <dd>{account.premises.lowIncome ? t('account.yes') : t('account.no')}</dd>
          </dl>
        </section>
      </div>

      <section aria-labelledby="meters-heading" className="space-y-2">
        <h2 id="meters-heading" className="text-xl font-semibold">
          {t('account.meters')}
        </h2>
        <table className="w-full border-collapse text-left">
          <thead>
            <tr className="border-b-2 border-slate-300">
              <th scope="col" className="py-2 pr-3">
                {t('account.meterColumns.serial')}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t('account.meterColumns.installedOn')}
              </th>
              <th scope="col" className="py-2">
                {t('account.meterColumns.removedOn')}
              </th>
            </tr>
          </thead>
          <tbody>
            {account.meters.map((m) => (
              <tr key={m.serialNumber} className="border-b border-slate-200">
                <th scope="row" className="py-2 pr-3 font-medium">
                  {m.serialNumber}
                </th>
                <td className="py-2 pr-3">{date(m.installedOn)}</td>
                <td className="py-2">{m.removedOn ? date(m.removedOn) : t('account.inUse')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="readings-heading" className="space-y-2">
        <h2 id="readings-heading" className="text-xl font-semibold">
          {t('account.readings')}
        </h2>
        <ReadingsTable
          readings={account.readings}
          utility={account.utility}
          caption={ta('readings.caption', { count: account.readings.length })}
        />
      </section>

      {billList ? (
        <section aria-labelledby="bills-heading" className="space-y-3">
          <h2 id="bills-heading" className="text-xl font-semibold">
            {t('account.bills')}
          </h2>
          <BalanceSummary
            balanceFen={billList.balanceFen}
            currency={billList.currency}
            label={t('account.balance')}
          />
          {billList.bills.length === 0 ? (
            <p className="text-muted">{t('account.noBills')}</p>
          ) : (
            <BillsTable
              bills={billList.bills}
              utility={billList.account.utility}
              billHref={(id) => `/staff/bills/${id}`}
            />
          )}
          <BillsPager
            href={`/staff/accounts/${account.id}`}
            olderBefore={billList.olderBefore}
            before={before}
            anchor="bills-heading"
          />
        </section>
      ) : null}

      <section aria-labelledby="linked-heading" className="space-y-2">
        <h2 id="linked-heading" className="text-xl font-semibold">
          {t('account.linkedUsers')}
        </h2>
        {account.linkedUsers.length === 0 ? (
          <p className="text-muted">{t('account.noLinkedUsers')}</p>
        ) : (
          <table className="w-full border-collapse text-left">
            <thead>
              <tr className="border-b-2 border-slate-300">
                <th scope="col" className="py-2 pr-3">
                  {t('account.userColumns.name')}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t('account.userColumns.email')}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t('account.userColumns.role')}
                </th>
                <th scope="col" className="py-2">
                  {t('account.userColumns.linkedAt')}
                </th>
              </tr>
            </thead>
            <tbody>
              {account.linkedUsers.map((u, i) => (
                <tr key={`${u.maskedEmail}-${i}`} className="border-b border-slate-200">
                  <th scope="row" className="py-2 pr-3 font-medium">
                    {u.name}
                  </th>
                  <td className="py-2 pr-3">{u.maskedEmail}</td>
                  <td className="py-2 pr-3">
                    {u.role === 'payer'
                      ? t('account.linkRole.payer')
                      : t('account.linkRole.holder')}
                  </td>
                  <td className="py-2">{format.dateTime(u.linkedAt, { dateStyle: 'medium' })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {payments ? (
        <section aria-labelledby="payments-heading" className="space-y-2">
          <h2 id="payments-heading" className="text-xl font-semibold">
            {tp('staff.section')}
          </h2>
          <StaffPaymentsTable rows={payments} caption={tp('staff.section')} showAccount={false} />
        </section>
      ) : null}
    </div>
  );
}
