import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getTranslations } from '@/i18n/server';
import { PageTitle } from '@/components/ui/form';
import { requireUser } from '@/server/auth';
import { ClientMessages } from '@/components/i18n/client-messages';
import { LinkAccountForm } from './link-account-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('accounts');
  return { title: t('link.title') };
}

export default async function LinkAccountPage() {
  await requireUser();
  const t = await getTranslations('accounts');
  return (
    <div className="space-y-6">
      <PageTitle lead={t('link.lead')}>{t('link.title')}</PageTitle>
      <div className="grid gap-8 md:grid-cols-2">
        <ClientMessages namespaces={['accounts', 'common']}>
          <LinkAccountForm />
        </ClientMessages>
        <section aria-labelledby="where-heading" className="space-y-3">
          <h2 id="where-heading" className="text-lg font-semibold">
            {t('link.where.title')}
          </h2>
          <p className="max-w-prose">{t('link.where.body')}</p>
          <figure className="rounded-lg border border-slate-300 bg-slate-50 p-4">
            <div
              aria-hidden="true"
              className="rounded-md border border-slate-300 bg-white p-4 font-mono text-sm"
            >
              <div className="flex items-start justify-between gap-4">
                <span className="font-sans font-semibold">{t('link.where.sampleTitle')}</span>
                <div className="text-right">
                  <div className="rounded border-2 border-amber-500 px-2 py-1">
                    <span className="font-sans">{t('link.where.sampleNumberLabel')}</span>{' '}
                    2012345678
                  </div>
                  <div className="mt-1 rounded border-2 border-amber-500 px-2 py-1">
                    <span className="font-sans">{t('link.where.sampleCodeLabel')}</span> 123456
                  </div>
                </div>
              </div>
              <div className="mt-4 space-y-1">
                <div className="h-2 w-3/4 rounded bg-slate-200" />
                <div className="h-2 w-1/2 rounded bg-slate-200" />
                <div className="h-2 w-2/3 rounded bg-slate-200" />
              </div>
            </div>
            <figcaption className="text-muted mt-2 text-sm">
              {t('link.where.sample')} — {t('link.where.sampleNote')}
            </figcaption>
          </figure>
        </section>
      </div>
      <p>
        <Link href="/dashboard">{t('link.back')}</Link>
      </p>
    </div>
  );
}
