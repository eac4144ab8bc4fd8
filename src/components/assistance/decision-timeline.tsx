import { getFormatter, getTranslations } from '@/i18n/server';
import { dayDate } from '@/components/assistance/dates';
import type { TApplicationDetail } from '@/server/assistance';

/** What happened to the application, in plain words, oldest first. */
export async function DecisionTimeline({
  application,
  staff,
}: {
  application: TApplicationDetail;
  staff: boolean;
}) {
  const t = await getTranslations('assistance');
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'long', timeStyle: 'short' });
  const day = (d: string) => format.dateTime(dayDate(d), { dateStyle: 'long' });
  return (
    <section aria-labelledby="timeline-heading" className="max-w-2xl space-y-3">
      <h2 id="timeline-heading" className="text-xl font-semibold">
        {t('timeline.heading')}
      </h2>
      <ol className="space-y-3 border-l-2 border-slate-300 pl-4">
        <li>
          <p className="text-muted text-sm">{when(application.createdAt)}</p>
          <p>{t('timeline.started')}</p>
        </li>
        {application.submittedAt ? (
          <li>
            <p className="text-muted text-sm">{when(application.submittedAt)}</p>
            <p>{t('timeline.submitted')}</p>
          </li>
        ) : null}
        {application.decisions.map((d) => (
          <li key={d.id} className="space-y-1">
            <p className="text-muted text-sm">
              {when(d.decidedAt)}
              {staff && d.decidedBy ? ` · ${d.decidedBy}` : ''}
            </p>
            <p className="font-semibold">
              {d.kind === 'approve' && d.validFrom && d.validTo
                ? t('timeline.approved', { from: day(d.validFrom), to: day(d.validTo) })
                : d.kind === 'reject'
                  ? t('timeline.rejected')
                  : t('timeline.infoRequested')}
              {d.override ? ` ${t('timeline.override')}` : ''}
            </p>
            {d.kind === 'reject' && d.reasonCode ? <p>{t(`reasons.${d.reasonCode}`)}</p> : null}
            {d.message ? <p className="whitespace-pre-line">{d.message}</p> : null}
            {staff && d.overrideReason ? (
              <p>{t('timeline.overrideReason', { reason: d.overrideReason })}</p>
            ) : null}
            {d.reply ? (
              <div className="rounded-md bg-slate-50 p-3">
                <p className="text-muted text-sm">
                  {t('timeline.replied', { when: when(d.reply.repliedAt) })}
                </p>
                <p className="whitespace-pre-line">{d.reply.message}</p>
              </div>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
