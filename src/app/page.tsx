import Link from '@/components/ui/link';
import { getTranslations } from '@/i18n/server';
import { getActor } from '@/server/auth';

export default async function HomePage() {
  const t = await getTranslations('home');
  const actor = await getActor();
  const notices = await getTranslations('notices');
  return (
    <div className="space-y-8">
      <section className="bg-brand-50 rounded-xl p-6">
        <h1 className="text-brand-800 text-3xl font-bold">{t('title')}</h1>
        <p className="mt-2 max-w-prose text-lg">{t('lead')}</p>
        <div className="mt-4 flex flex-wrap gap-3">
          <Link
            href={actor ? '/dashboard' : '/sign-in'}
            className="bg-brand-600 hover:bg-brand-700 inline-flex min-h-12 items-center rounded-lg px-5 text-lg font-semibold text-white no-underline"
          >
            {actor ? t('goToDashboard') : t('signIn')}
          </Link>
          <Link
            href="/notices"
            className="border-brand-600 inline-flex min-h-12 items-center rounded-lg border-2 px-5 text-lg font-semibold no-underline"
          >
            {notices('public.homeLink')}
          </Link>
          {actor ? null : (
            <Link
              href="/register"
              className="border-brand-600 inline-flex min-h-12 items-center rounded-lg border-2 px-5 text-lg font-semibold no-underline"
            >
              {t('register')}
            </Link>
          )}
        </div>
      </section>
      <section aria-labelledby="what-you-can-do">
        <h2 id="what-you-can-do" className="text-xl font-semibold">
          {t('features.title')}
        </h2>
        <ul className="mt-3 grid gap-3 sm:grid-cols-2">
          {(['bills', 'pay', 'report', 'complaints'] as const).map((key) => (
            <li key={key} className="rounded-lg border border-slate-200 p-4">
              <h3 className="font-semibold">{t(`features.${key}.title`)}</h3>
              <p className="text-muted">{t(`features.${key}.body`)}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
