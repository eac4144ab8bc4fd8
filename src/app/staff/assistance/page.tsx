import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getFormatter, getLocale, getTranslations } from '@/i18n/server';
import { ApplicationStatus } from '@/components/assistance/application-status';
import { waitingParts } from '@/components/assistance/dates';
import { FormMessage, PageTitle } from '@/components/ui/form';
import { can, requirePermission } from '@/server/auth';
import { listReviewQueue } from '@/server/assistance';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('assistance');
  return { title: t('queue.title') };
}

export default async function AssistanceQueuePage() {
  const actor = await requirePermission('review:assistance:any');
  const [t, format, locale, queue] = await Promise.all([
    getTranslations('assistance'),
    getFormatter(),
    getLocale(),
    listReviewQueue({ actor }),
  ]);
  const zh = locale === 'zh-CN';
  return (
    <div className="space-y-6">
      <PageTitle lead={t('queue.lead')}>{t('queue.title')}</PageTitle>
      <p className="flex flex-wrap gap-4">
        {can(actor.role, 'manage:assistance_program') ? (
          <Link href="/staff/assistance/programmes">{t('queue.programmes')}</Link>
        ) : null}
        {can(actor.role, 'file:assistance:behalf') ? (
          <Link href="/staff/assistance/file">{t('queue.fileForResident')}</Link>
        ) : null}
      </p>
      {queue.length === 0 ? (
        <FormMessage tone="info">{t('queue.empty')}</FormMessage>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-4">
                  {t('queue.reference')}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t('queue.program')}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t('queue.applicant')}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t('queue.status')}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t('queue.submitted')}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t('queue.waiting')}
                </th>
                <th scope="col" className="py-2">
                  {t('queue.documents')}
                </th>
              </tr>
            </thead>
            <tbody>
              {queue.map((item) => (
                <tr key={item.id} className="border-b border-slate-200">
                  <td className="py-2 pr-4">
                    <Link href={`/staff/assistance/${item.id}`} className="link-action">
                      {item.reference}
                    </Link>
                  </td>
                  <td className="py-2 pr-4">{zh ? item.programName.zh : item.programName.en}</td>
                  <td className="py-2 pr-4">
                    {item.applicantName}
                    {item.filedByOfficer ? (
                      <span className="text-muted block text-sm">{t('queue.byOfficer')}</span>
                    ) : null}
                  </td>
                  <td className="py-2 pr-4">
                    <ApplicationStatus status={item.status} label={t(`status.${item.status}`)} />
                  </td>
                  <td className="py-2 pr-4">
                    {format.dateTime(item.submittedAt, { dateStyle: 'medium', timeStyle: 'short' })}
                  </td>
                  <td className="py-2 pr-4 tabular-nums">
                    {t('queue.waitingValue', waitingParts(item.waitingSeconds))}
                  </td>
                  <td className="py-2 tabular-nums">{format.number(item.documents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
