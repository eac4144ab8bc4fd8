import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getFormatter, getLocale, getTranslations } from '@/i18n/server';
import {
  cancelNoticeAction,
  publishNoticeAction,
  withdrawNoticeAction,
} from '@/actions/notices/manage-notice';
import { NoticeChangeSummary } from '@/components/notices/notice-change';
import { ReasonForm } from './reason-form';
import { FormMessage, PageTitle, SubmitButton } from '@/components/ui/form';
import { toLocale } from '@/lib/locale';
import { pageNotFound } from '@/lib/page-not-found';
import { requirePermission } from '@/server/auth';
import { getStaffNotice, LEAD_TIME_HOURS } from '@/server/notices';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('notices');
  return { title: t('staff.title') };
}

const DONE = ['saved', 'published', 'withdrawn', 'revised', 'cancelled'] as const;
const ERRORS = [
  'endsInPast',
  'endBeforeStart',
  'withdrawReason',
  'reasonTooLong',
  'leadTime.planned_outage',
  'leadTime.water_outage',
  'leadTime.low_pressure',
  'cancelReason',
  'cancelReasonTooLong',
  'notRevisable.cancelled',
  'notRevisable.withdrawn',
  'notRevisable.ended',
  'notRevisable.draft',
] as const;

export default async function StaffNoticePage({
  params,
  searchParams,
}: {
  params: Promise<{ noticeId: string }>;
  searchParams: Promise<{ done?: string; error?: string }>;
}) {
  const actor = await requirePermission('publish:notice:any');
  const [{ noticeId }, query] = await Promise.all([params, searchParams]);
  const notice = /^\d{1,9}$/.test(noticeId)
    ? await getStaffNotice({ actor, noticeId: Number(noticeId) })
    : null;
  if (!notice) pageNotFound();
  const [t, format, locale] = await Promise.all([
    getTranslations('notices'),
    getFormatter(),
    getLocale().then(toLocale),
  ]);
  const done = DONE.find((d) => d === query.done);
  const error = ERRORS.find((e) => e === query.error);
  const withdrawError = error === 'withdrawReason' || error === 'reasonTooLong';
  const cancelError = error === 'cancelReason' || error === 'cancelReasonTooLong';
  const at = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  const none = <span className="text-muted">{t('staff.detail.none')}</span>;
  return (
    <div className="max-w-3xl space-y-6">
      <p>
        <Link href="/staff/notices">{t('staff.detail.back')}</Link>
      </p>
      <PageTitle lead={`${t(`kind.${notice.kind}`)} · ${t(`staff.status.${notice.status}`)}`}>
        <span lang="zh-CN">{notice.titleZh}</span>
      </PageTitle>
      {done ? <FormMessage tone="success">{t(`staff.done.${done}`)}</FormMessage> : null}
      {error && !withdrawError && !cancelError ? (
        <FormMessage tone="error">
          {t(`errors.${error}`, { hours: LEAD_TIME_HOURS.planned_outage })}
        </FormMessage>
      ) : null}

      <section aria-labelledby="times-heading" className="space-y-2">
        <h2 id="times-heading" className="text-xl font-semibold">
          {t('staff.detail.times')}
        </h2>
        <p>{t('when.range', { start: at(notice.startsAt), end: at(notice.endsAt) })}</p>
        {notice.emergency ? (
          <p className="border-danger rounded-md border-l-4 bg-red-50 p-3">
            <strong>{t('emergencyReason')}</strong>
            <span className="ml-2">{notice.emergencyReason}</span>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="targets-heading" className="space-y-2">
        <h2 id="targets-heading" className="text-xl font-semibold">
          {t('staff.detail.targets')}
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2">
          <dt className="font-medium">{t('staff.detail.districts')}</dt>
          <dd>
            {notice.districts.length
              ? notice.districts.map((d) => (locale === 'en' ? d.en : d.zh)).join(t('area.joiner'))
              : none}
          </dd>
          <dt className="font-medium">{t('staff.detail.accounts')}</dt>
          <dd className="tabular-nums">
            {notice.accountNumbers.length ? notice.accountNumbers.join(', ') : none}
          </dd>
        </dl>
      </section>

      <section aria-labelledby="texts-heading" className="space-y-3">
        <h2 id="texts-heading" className="text-xl font-semibold">
          {t('staff.detail.texts')}
        </h2>
        <dl className="space-y-3">
          <dt className="font-medium">{t('staff.detail.titleEn')}</dt>
          <dd lang="en">{notice.titleEn ?? none}</dd>
          <dt className="font-medium">{t('staff.detail.bodyZh')}</dt>
          <dd lang="zh-CN" className="whitespace-pre-line">
            {notice.bodyZh}
          </dd>
          <dt className="font-medium">{t('staff.detail.bodyEn')}</dt>
          <dd lang="en" className="whitespace-pre-line">
            {notice.bodyEn ?? none}
          </dd>
        </dl>
      </section>

      <section aria-labelledby="history-heading" className="space-y-2">
        <h2 id="history-heading" className="text-xl font-semibold">
          {t('staff.detail.history')}
        </h2>
        <ul className="list-disc space-y-1 pl-6">
          <li>{t('staff.detail.created', { date: at(notice.createdAt) })}</li>
          {notice.publishedAt ? (
            <li>
              {t('staff.detail.publishedBy', {
                date: at(notice.publishedAt),
                name: notice.publishedBy ?? '—',
              })}
            </li>
          ) : null}
          {notice.status !== 'draft' ? (
            <li>
              {t('staff.detail.delivered', { count: notice.delivered })}
              {' — '}
              {notice.notifiedAt
                ? t('staff.detail.notified', { date: at(notice.notifiedAt) })
                : notice.status === 'published'
                  ? t('staff.detail.notifying')
                  : null}
            </li>
          ) : null}
          {notice.revisions.map((r) => (
            <li key={r.revision}>
              <NoticeChangeSummary change={r} />
              <p className="text-muted text-sm">
                {t('staff.detail.revisedBy', { name: r.by ?? '—' })}
                {' — '}
                {r.notifiedAt
                  ? t('staff.detail.revisionNotified', { date: at(r.notifiedAt) })
                  : t('staff.detail.notifying')}
              </p>
            </li>
          ))}
          {notice.withdrawnAt ? (
            <li>
              {t('staff.detail.withdrawnBy', {
                date: at(notice.withdrawnAt),
                name: notice.withdrawnBy ?? '—',
                reason: notice.withdrawnReason ?? '',
              })}
            </li>
          ) : null}
        </ul>
      </section>

      {notice.status === 'draft' ? (
        <section className="flex flex-wrap items-start gap-4 rounded-lg border border-slate-300 p-4">
          <form action={publishNoticeAction} className="space-y-2">
            <input type="hidden" name="noticeId" value={notice.id} />
            <p id="publish-hint" className="text-muted max-w-prose text-sm">
              {t('staff.detail.publishHint')}
            </p>
            <SubmitButton aria-describedby="publish-hint">{t('staff.detail.publish')}</SubmitButton>
          </form>
          <Link href={`/staff/notices/${notice.id}/edit`} className="btn-outline-sm">
            {t('staff.detail.edit')}
          </Link>
        </section>
      ) : null}

      {notice.revisable ? (
        <section
          aria-labelledby="revise-heading"
          className="space-y-3 rounded-lg border border-slate-300 p-4"
        >
          <h2 id="revise-heading" className="text-xl font-semibold">
            {t('staff.revise.heading')}
          </h2>
          <p className="text-muted max-w-prose text-sm">{t('staff.revise.hint')}</p>
          <Link href={`/staff/notices/${notice.id}/revise`} className="btn-outline-sm">
            {t('staff.revise.open')}
          </Link>
          <ReasonForm
            action={cancelNoticeAction}
            noticeId={notice.id}
            name="cancelReason"
            label={t('staff.cancel.reason')}
            hint={t('staff.cancel.hint')}
            error={cancelError ? t(`errors.${error}`) : null}
            submit={t('staff.cancel.submit')}
            className="space-y-3 border-t border-slate-200 pt-3"
          />
        </section>
      ) : null}

      {notice.status === 'published' ? (
        <section
          aria-labelledby="withdraw-heading"
          className="space-y-3 rounded-lg border border-slate-300 p-4"
        >
          <h2 id="withdraw-heading" className="text-xl font-semibold">
            {t('staff.detail.withdraw')}
          </h2>
          <p className="text-muted max-w-prose text-sm">{t('staff.detail.withdrawHint')}</p>
          <ReasonForm
            action={withdrawNoticeAction}
            noticeId={notice.id}
            name="reason"
            label={t('staff.detail.withdrawReason')}
            error={withdrawError ? t(`errors.${error}`) : null}
            submit={t('staff.detail.withdraw')}
          />
        </section>
      ) : null}

      {notice.status !== 'draft' ? (
        <p>
          <Link href={`/notices/${notice.id}`}>{t('staff.detail.viewPublic')}</Link>
        </p>
      ) : null}
    </div>
  );
}
