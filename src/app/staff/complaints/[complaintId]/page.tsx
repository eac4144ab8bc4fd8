import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getLocale, getTranslations } from '@/i18n/server';
import { FormMessage, PageTitle, SecondaryButton } from '@/components/ui/form';
import { ClientMessages } from '@/components/i18n/client-messages';
import { DeadlineCountdown } from '@/components/complaints/deadline-countdown';
import { CaseTimeline } from '@/components/complaints/case-timeline';
import { pageNotFound } from '@/lib/page-not-found';
import { requirePermission } from '@/server/auth';
import {
  getStaffComplaint,
  listComplaintHandlers,
  MAX_DESCRIPTION_LENGTH,
} from '@/server/complaints';
import { COMPLAINT_DEPARTMENTS } from '@/server/complaints';
import {
  assignComplaintAction,
  routeComplaintAction,
} from '@/actions/complaints/staff-case-actions';
import { StaffCommentForm, StaffStatusForm } from './staff-case-forms';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('complaints');
  return { title: t('staff.title') };
}

const ERRORS = { same: 'sameDepartment', closed: 'caseClosed', assignee: 'assignee' } as const;
const selectClass =
  'block min-h-11 w-full max-w-xs rounded-md border border-slate-400 px-3 py-2 text-base';

export default async function StaffComplaintPage({
  params,
  searchParams,
}: {
  params: Promise<{ complaintId: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requirePermission('handle:complaint:any');
  const raw = (await params).complaintId;
  if (!/^\d{1,9}$/.test(raw)) pageNotFound();
  const c = await getStaffComplaint({ actor, complaintId: Number(raw) });
  if (!c) pageNotFound();
  const q = await searchParams;
  const [t, locale, handlers] = await Promise.all([
    getTranslations('complaints'),
    getLocale(),
    listComplaintHandlers({ actor }),
  ]);
  const zh = locale === 'zh-CN';
  const now = new Date();
  const closed = c.status === 'closed';
  const error = q.error && q.error in ERRORS ? ERRORS[q.error as keyof typeof ERRORS] : null;
  const statusOptions = (['in_progress', 'awaiting_resident', 'closed'] as const)
    .filter((s) => s !== c.status)
    .map((s) => ({ value: s, label: t(`status.${s}`) }));
  return (
    <div className="space-y-8">
      <p>
        <Link href="/staff/complaints">← {t('staff.case.back')}</Link>
      </p>
      {q.saved ? <FormMessage tone="success">{t('staff.case.saved')}</FormMessage> : null}
      {q.closed ? <FormMessage tone="success">{t('staff.case.closed')}</FormMessage> : null}
      {error ? <FormMessage tone="error">{t(`errors.${error}`)}</FormMessage> : null}
      <PageTitle lead={t('detail.filedAt', { at: c.createdAt })}>
        {t('detail.title', { category: t(`category.${c.category}`), reference: c.reference })}
      </PageTitle>

      <div className="grid gap-8 lg:grid-cols-[3fr_2fr]">
        <div className="space-y-6">
          <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
            <dt className="text-muted">{t('detail.status')}</dt>
            <dd className="font-semibold" data-testid="status">
              {t(`status.${c.status}`)}
              {c.escalatedAt && !closed ? (
                <span className="ml-2 rounded bg-amber-200 px-1.5 text-sm text-amber-950">
                  {t('staff.case.escalatedAt', { at: c.escalatedAt })}
                </span>
              ) : null}
            </dd>
            <dt className="text-muted">{t('list.category')}</dt>
            <dd>{t(`subType.${c.subType as 'other'}`)}</dd>
            <dt className="text-muted">{t('detail.department')}</dt>
            <dd>{t(`department.${c.department}`)}</dd>
            <dt className="text-muted">{t('staff.case.assignee')}</dt>
            <dd>{c.assignee?.name ?? t('staff.unassigned')}</dd>
            <dt className="text-muted">{t('staff.case.filer')}</dt>
            <dd>{c.filer ? `${c.filer.name} · ${c.filer.email}` : t('staff.case.anonymous')}</dd>
            {c.contactEmail ? (
              <>
                <dt className="text-muted">{t('staff.case.contactEmail')}</dt>
                <dd>{c.contactEmail}</dd>
              </>
            ) : null}
            {c.account ? (
              <>
                <dt className="text-muted">{t('detail.account')}</dt>
                <dd>
                  {c.account.accountNumber} · {zh ? c.account.address.zh : c.account.address.en} ·{' '}
                  {c.rural ? t('staff.case.rural') : t('staff.case.urban')}
                </dd>
              </>
            ) : null}
            {c.location ? (
              <>
                <dt className="text-muted">{t('detail.location')}</dt>
                <dd className="whitespace-pre-wrap">{c.location}</dd>
              </>
            ) : null}
            {c.answeredOnTime !== null ? (
              <>
                <dt className="text-muted">{t('detail.commitments')}</dt>
                <dd>{c.answeredOnTime ? t('staff.case.onTime') : t('staff.case.late')}</dd>
              </>
            ) : null}
            {c.rating !== null ? (
              <>
                <dt className="text-muted">{t('detail.rate.title')}</dt>
                <dd>
                  {t('staff.case.rating', { rating: c.rating })}
                  {c.ratingComment ? ` · ${c.ratingComment}` : ''}
                </dd>
              </>
            ) : null}
          </dl>
          <div className="grid gap-3 sm:grid-cols-2">
            {c.firstResponseDueAt ? (
              <DeadlineCountdown
                label={t(`deadline.firstResponse.${c.category}`)}
                due={c.firstResponseDueAt}
                doneAt={c.firstRespondedAt}
                now={now}
                closed={closed}
              />
            ) : null}
            <DeadlineCountdown
              label={t(`deadline.answer.${c.category}`)}
              due={c.answerDueAt}
              doneAt={c.closedAt}
              now={now}
              closed={closed}
            />
          </div>
          <section aria-labelledby="description-heading" className="space-y-2">
            <h2 id="description-heading" className="text-xl font-semibold">
              {t('detail.description')}
            </h2>
            <p className="max-w-prose whitespace-pre-wrap" data-testid="description">
              {c.description}
            </p>
          </section>
          <section aria-labelledby="timeline-heading" className="space-y-3">
            <h2 id="timeline-heading" className="text-xl font-semibold">
              {t('detail.timeline')}
            </h2>
            {!c.notesVisible ? (
              <FormMessage tone="info">{t('staff.case.notesHidden')}</FormMessage>
            ) : null}
            <CaseTimeline
              complaintId={c.id}
              category={c.category}
              events={c.events}
              audience="staff"
            />
          </section>
        </div>

        <div className="space-y-8">
          <ClientMessages namespaces={['complaints']}>
            {!closed ? (
              <div className="space-y-6">
                <StaffCommentForm
                  complaintId={c.id}
                  visibility="reply"
                  maxLength={MAX_DESCRIPTION_LENGTH}
                />
                <StaffStatusForm
                  complaintId={c.id}
                  options={statusOptions}
                  maxLength={MAX_DESCRIPTION_LENGTH}
                />
              </div>
            ) : null}
            <StaffCommentForm
              complaintId={c.id}
              visibility="note"
              maxLength={MAX_DESCRIPTION_LENGTH}
            />
          </ClientMessages>
          {!closed ? (
            <>
              <form action={assignComplaintAction} className="space-y-2">
                <input type="hidden" name="complaintId" value={c.id} />
                <label htmlFor="assigneeUserId" className="block font-medium">
                  {t('staff.case.assign')}
                </label>
                <select
                  id="assigneeUserId"
                  name="assigneeUserId"
                  defaultValue={c.assignee?.id ?? actor.userId}
                  className={selectClass}
                >
                  {handlers.map((h) => (
                    <option key={h.id} value={h.id}>
                      {h.name}
                    </option>
                  ))}
                </select>
                <SecondaryButton>{t('staff.case.assignSubmit')}</SecondaryButton>
              </form>
              <form action={routeComplaintAction} className="space-y-2">
                <input type="hidden" name="complaintId" value={c.id} />
                <label htmlFor="department" className="block font-medium">
                  {t('staff.case.route')}
                </label>
                <select
                  id="department"
                  name="department"
                  defaultValue={c.department}
                  className={selectClass}
                >
                  {COMPLAINT_DEPARTMENTS.map((d) => (
                    <option key={d} value={d}>
                      {t(`department.${d}`)}
                    </option>
                  ))}
                </select>
                <SecondaryButton>{t('staff.case.routeSubmit')}</SecondaryButton>
              </form>
            </>
          ) : null}
        </div>
      </div>
    </div>
  );
}
