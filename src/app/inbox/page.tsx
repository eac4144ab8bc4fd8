import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getFormatter, getLocale, getTranslations } from '@/i18n/server';
import { markAllNotificationsReadAction } from '@/actions/notifications/mark-all-notifications-read';
import { PageTitle } from '@/components/ui/form';
import { toLocale } from '@/lib/locale';
import { requireUser } from '@/server/auth';
import { listNotifications } from '@/server/notifications';

type TProps = { searchParams: Promise<{ before?: string; read?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('inbox');
  return { title: t('title') };
}

export default async function InboxPage({ searchParams }: TProps) {
  const actor = await requireUser();
  const { before: rawBefore, read } = await searchParams;
  const before = rawBefore && /^\d{1,15}$/.test(rawBefore) ? Number(rawBefore) : undefined;
  const locale = toLocale(await getLocale());
  const { items, nextBefore } = await listNotifications({ actor, locale, before });
  const t = await getTranslations('inbox');
  const format = await getFormatter();
  const hasUnread = items.some((item) => !item.read);

  return (
    <div className="space-y-6">
      <PageTitle lead={t('lead')}>{t('title')}</PageTitle>
      {read === 'all' ? (
        <p role="status" className="rounded-md bg-green-50 p-3 text-green-900">
          {t('allRead')}
        </p>
      ) : null}
      {hasUnread ? (
        <form action={markAllNotificationsReadAction}>
          <button
            type="submit"
            className="border-brand-600 text-brand-700 hover:bg-brand-50 min-h-11 rounded-md border px-4 py-2 font-medium"
          >
            {t('markAllRead')}
          </button>
        </form>
      ) : null}
      {items.length === 0 ? (
        <p className="text-slate-700">{before ? t('noMore') : t('empty')}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
          {items.map((item) => (
            <li key={item.id} className="p-4">
              <p className="flex flex-wrap items-baseline gap-2">
                {item.read ? null : (
                  <span className="bg-brand-600 rounded px-2 py-0.5 text-xs font-bold text-white">
                    {t('new')}
                  </span>
                )}
                {/* Opening marks it read, so never prefetch it. */}
                <Link
                  prefetch={false}
                  href={`/inbox/${item.id}`}
                  className={item.read ? 'text-slate-800' : 'font-bold text-slate-900'}
                >
                  {item.title}
                </Link>
              </p>
              {/* What it says, so most messages need no click: "户号 … 尚欠 ¥19.26 …". */}
              {item.body ? <p className="mt-1">{item.body}</p> : null}
              <p className="mt-1 text-sm text-slate-600">
                <time dateTime={item.createdAt.toISOString()}>
                  {format.dateTime(item.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
                </time>
              </p>
            </li>
          ))}
        </ul>
      )}
      {nextBefore ? (
        <p>
          <Link href={`/inbox?before=${nextBefore}`}>{t('older')} →</Link>
        </p>
      ) : null}
    </div>
  );
}
