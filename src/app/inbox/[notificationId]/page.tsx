import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getFormatter, getLocale, getTranslations } from '@/i18n/server';
import { PageTitle } from '@/components/ui/form';
import { toLocale } from '@/lib/locale';
import { pageNotFound } from '@/lib/page-not-found';
import { requireUser } from '@/server/auth';
import { openNotification } from '@/server/notifications';

type TProps = { params: Promise<{ notificationId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('inbox');
  return { title: t('title') };
}

/** Opening a notification marks it read (idempotent; plain links, never prefetched). */
export default async function NotificationPage({ params }: TProps) {
  const actor = await requireUser();
  const raw = (await params).notificationId;
  if (!/^\d{1,15}$/.test(raw)) pageNotFound();
  const locale = toLocale(await getLocale());
  const item = await openNotification({ actor, locale, notificationId: Number(raw) });
  if (!item) pageNotFound();
  const t = await getTranslations('inbox');
  const format = await getFormatter();

  return (
    <div className="space-y-6">
      <p>
        <Link href="/inbox">← {t('back')}</Link>
      </p>
      <PageTitle lead={format.dateTime(item.createdAt, { dateStyle: 'long', timeStyle: 'short' })}>
        {item.title}
      </PageTitle>
      {item.body ? (
        <p className="max-w-prose text-lg whitespace-pre-line text-slate-800">{item.body}</p>
      ) : null}
      {item.link ? (
        <p>
          <Link
            href={item.link}
            className="bg-brand-600 hover:bg-brand-700 inline-flex min-h-11 items-center rounded-md px-5 py-2 font-medium text-white no-underline"
          >
            {t('view')}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
