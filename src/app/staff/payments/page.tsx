import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getFormatter, getLocale, getTranslations } from '@/i18n/server';
import { decideRefundAction, reconcileNowAction } from '@/actions/payments/staff-payments';
import { StaffPaymentsTable } from '@/components/payments/staff-payments-table';
import { FormMessage, PageTitle, SecondaryButton, SubmitButton } from '@/components/ui/form';
import { toLocale } from '@/lib/locale';
import { formatFen } from '@/lib/money';
import { can, requirePermission } from '@/server/auth';
import { listReconciliationReport, listStaffPayments, listStaffRefunds } from '@/server/payments';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('payments');
  return { title: t('staff.title') };
}

const DECIDED = [
  'rejected',
  'submitted',
  'succeeded',
  'failed',
  'own_request',
  'already_decided',
  'provider_error',
] as const;

export default async function StaffPaymentsPage({
  searchParams,
}: {
  searchParams: Promise<{ decided?: string; reconciled?: string }>;
}) {
  const actor = await requirePermission('view:payment:any');
  const t = await getTranslations('payments');
  const format = await getFormatter();
  const locale = toLocale(await getLocale());
  const query = await searchParams;
  const decided = DECIDED.find((d) => d === query.decided);
  const [recent, refunds, report] = await Promise.all([
    listStaffPayments({ actor, limit: 30 }),
    listStaffRefunds({ actor }),
    listReconciliationReport({ actor }),
  ]);
  const when = (d: Date) =>
    format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  const canApprove = can(actor.role, 'approve:refund:any');
  return (
    <div className="space-y-10">
      <PageTitle lead={t('staff.lead')}>{t('staff.title')}</PageTitle>
      {decided ? (
        <FormMessage
          tone={
            ['own_request', 'already_decided', 'provider_error', 'failed'].includes(decided)
              ? 'error'
              : 'success'
          }
        >
          {t(`staff.decided.${decided}`)}
        </FormMessage>
      ) : null}

      <section aria-labelledby="approvals-heading" className="space-y-3">
        <h2 id="approvals-heading" className="text-xl font-semibold">
          {t('staff.approvals')}
        </h2>
        {refunds.awaiting.length === 0 ? (
          <p>{t('staff.noApprovals')}</p>
        ) : (
          <ul className="space-y-4">
            {refunds.awaiting.map((r) => (
              <li key={r.id} className="rounded-lg border border-slate-300 p-4">
                <p className="font-semibold tabular-nums">
                  {formatFen(r.amountFen, locale, r.currency)} ·{' '}
                  <Link href={`/staff/payments/${r.paymentId}`}>{r.accountNumber}</Link>
                </p>
                <p>{t('staff.requestedBy', { name: r.requestedBy, date: when(r.createdAt) })}</p>
                <p>{t('staff.reasonValue', { reason: r.reason })}</p>
                {canApprove && r.requestedByUserId !== actor.userId ? (
                  <form action={decideRefundAction} className="mt-3 space-y-3">
                    <input type="hidden" name="refundId" value={r.id} />
                    <label htmlFor={`note-${r.id}`} className="block font-medium">
                      {t('staff.note')}
                    </label>
                    <input
                      id={`note-${r.id}`}
                      name="note"
                      maxLength={500}
                      className="block min-h-11 w-full max-w-md rounded-md border border-slate-400 px-3 py-2"
                    />
                    <div className="flex flex-wrap gap-3">
                      <SubmitButton name="decision" value="approve">
                        {t('staff.approve')}
                      </SubmitButton>
                      <SecondaryButton name="decision" value="reject">
                        {t('staff.reject')}
                      </SecondaryButton>
                    </div>
                  </form>
                ) : (
                  <p className="text-muted text-sm">
                    {r.requestedByUserId === actor.userId
                      ? t('staff.ownRequest')
                      : t('staff.cannotApprove')}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="recent-heading" className="space-y-3">
        <h2 id="recent-heading" className="text-xl font-semibold">
          {t('staff.recent')}
        </h2>
        <StaffPaymentsTable rows={recent} caption={t('staff.recent')} />
      </section>

      <section aria-labelledby="refunds-heading" className="space-y-3">
        <h2 id="refunds-heading" className="text-xl font-semibold">
          {t('staff.refunds')}
        </h2>
        {refunds.recent.length === 0 ? (
          <p>{t('staff.noRefunds')}</p>
        ) : (
          <ul className="space-y-2">
            {refunds.recent.map((r) => (
              <li key={r.id}>
                <Link href={`/staff/payments/${r.paymentId}`} className="tabular-nums">
                  {formatFen(r.amountFen, locale, r.currency)} · {r.accountNumber}
                </Link>{' '}
                — {t(`refundStatus.${r.status}`)} · {r.reason}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section id="reconciliation" aria-labelledby="reconciliation-heading" className="space-y-3">
        <h2 id="reconciliation-heading" className="text-xl font-semibold">
          {t('staff.reconciliation')}
        </h2>
        <p className="text-muted">{t('staff.reconciliationLead')}</p>
        {can(actor.role, 'reconcile:payment:any') ? (
          <form action={reconcileNowAction}>
            <SecondaryButton>{t('staff.reconcileNow')}</SecondaryButton>
          </form>
        ) : null}
        {report.runs.length === 0 ? (
          <p>{t('staff.noRuns')}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left">
              <caption className="sr-only">{t('staff.reconciliation')}</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-2 pr-3">
                    {t('staff.run.started')}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t('staff.run.status')}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t('staff.run.events')}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t('staff.run.repaired')}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t('staff.run.unmatched')}
                  </th>
                  <th scope="col" className="py-2">
                    {t('staff.run.errors')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.runs.map((run) => (
                  <tr
                    key={run.id}
                    className={`border-b border-slate-200 ${String(run.id) === query.reconciled ? 'bg-brand-50' : ''}`}
                  >
                    <td className="py-2 pr-3">{when(run.startedAt)}</td>
                    <td className="py-2 pr-3">{t(`staff.run.state.${run.status}`)}</td>
                    <td className="py-2 pr-3 tabular-nums">
                      {t('staff.run.eventsValue', {
                        read: run.eventsRead,
                        applied: run.eventsApplied,
                      })}
                    </td>
                    <td className="py-2 pr-3 tabular-nums">
                      {t('staff.run.repairedValue', {
                        checked: run.paymentsChecked,
                        repaired: run.paymentsRepaired,
                      })}
                    </td>
                    <td className="py-2 pr-3 tabular-nums">{run.unmatched}</td>
                    <td className="py-2 tabular-nums">{run.providerErrors}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {report.unmatched.length > 0 ? (
          <>
            <h3 className="text-lg font-semibold">{t('staff.unmatched')}</h3>
            <ul className="space-y-1">
              {report.unmatched.map((e) => (
                <li key={e.id}>
                  <code>{e.id}</code> · {e.type} · {when(e.receivedAt)}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </div>
  );
}
