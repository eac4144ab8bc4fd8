import Link from '@/components/ui/link';
import { useTranslations } from '@/i18n/server';
import { setLocale, setTextSize } from '@/actions/preferences/set-preference';
import { signOutAction } from '@/actions/auth/sign-out';
import { LOCALES, type TLocale } from '@/lib/locale';
import { LOCALE_NAMES } from '@/lib/locale-names';

export type TSiteHeaderProps = {
  locale: TLocale;
  largeText: boolean;
  viewer: { signedIn: false } | { signedIn: true; isStaff: boolean; unread: number };
};

export function SiteHeader({ locale, largeText, viewer }: TSiteHeaderProps) {
  const t = useTranslations('common');
  const tInbox = useTranslations('inbox');
  const tComplaints = useTranslations('complaints');
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link
          href="/"
          className="text-brand-800 flex items-center gap-2 text-xl font-bold no-underline"
        >
          {/* The app icon (src/app/icon.svg); the link's name is the brand text beside it. */}
          {/* eslint-disable-next-line @next/next/no-img-element -- a 32 px static SVG needs no optimiser */}
          <img src="/icon.svg" alt="" width={32} height={32} className="size-8" />
          {t('brand')}
        </Link>
        <nav aria-label={t('nav.label')} className="flex flex-wrap items-center gap-2">
          {viewer.signedIn ? (
            <>
              <Link className="chip" href="/dashboard">
                {t('nav.dashboard')}
              </Link>
              <Link className="chip" href="/complaints">
                {tComplaints('nav')}
              </Link>
              <Link className="chip" href="/inbox">
                {viewer.unread > 0 ? (
                  <>
                    <span className="sr-only">{tInbox('navUnread', { count: viewer.unread })}</span>
                    <span aria-hidden="true">
                      {tInbox('nav')}
                      <span className="bg-brand-600 ml-1 rounded-full px-2 py-0.5 text-xs font-bold text-white">
                        {viewer.unread > 99 ? '99+' : viewer.unread}
                      </span>
                    </span>
                  </>
                ) : (
                  tInbox('nav')
                )}
              </Link>
              {viewer.isStaff ? (
                <Link className="chip" href="/staff">
                  {t('nav.staff')}
                </Link>
              ) : null}
              <form action={signOutAction}>
                <button type="submit" className="chip">
                  {t('nav.signOut')}
                </button>
              </form>
            </>
          ) : (
            <>
              <Link className="chip" href="/sign-in">
                {t('nav.signIn')}
              </Link>
              <Link className="chip" href="/register">
                {t('nav.register')}
              </Link>
            </>
          )}
        </nav>
        <div className="flex flex-wrap items-center gap-2">
          <form action={setLocale} className="flex items-center gap-1">
            <span id="language-label" className="sr-only">
              {t('language.label')}
            </span>
            {LOCALES.map((l) => (
              <button
                key={l}
                type="submit"
                name="locale"
                value={l}
                lang={l}
                aria-pressed={l === locale}
                aria-describedby="language-label"
                className={`chip ${l === locale ? 'bg-brand-600 hover:bg-brand-700 text-white' : ''}`}
              >
                {LOCALE_NAMES[l]}
              </button>
            ))}
          </form>
          <form action={setTextSize}>
            <button
              type="submit"
              name="size"
              value={largeText ? 'normal' : 'large'}
              className="chip"
            >
              {largeText ? t('textSize.normal') : t('textSize.large')}
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
