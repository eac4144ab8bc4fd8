import type { Metadata, Viewport } from 'next';
import { cookies } from 'next/headers';
import { getLocale, getTranslations } from '@/i18n/server';
import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';
import { TEXT_SIZE_COOKIE, toLocale } from '@/lib/locale';
import { getActor, isStaffRole } from '@/server/auth';
import { getContactChannels } from '@/server/site';
import { countUnreadNotifications } from '@/server/notifications';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('common');
  return {
    title: { default: t('brand'), template: `%s · ${t('brand')}` },
    description: t('footer.tagline'),
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = toLocale(await getLocale());
  const largeText = (await cookies()).get(TEXT_SIZE_COOKIE)?.value === 'large';
  const actor = await getActor();
  const unread = actor ? await countUnreadNotifications(actor) : 0;
  const t = await getTranslations('common');
  return (
    <html lang={locale} className={largeText ? 'text-large' : undefined}>
      <body className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:p-3"
        >
          {t('skipToContent')}
        </a>
        <SiteHeader
          locale={locale}
          largeText={largeText}
          viewer={
            actor
              ? { signedIn: true, isStaff: isStaffRole(actor.role), unread }
              : { signedIn: false }
          }
        />
        <main
          id="main"
          tabIndex={-1}
          className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 focus:outline-none"
        >
          {children}
        </main>
        <SiteFooter contact={getContactChannels(locale)} />
      </body>
    </html>
  );
}
