import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getLocale, getTranslations } from '@/i18n/server';
import { FormMessage, PageTitle } from '@/components/ui/form';
import { requirePermission } from '@/server/auth';
import { listPrograms } from '@/server/assistance';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('assistance');
  return { title: t('programs.title') };
}

export default async function ProgramsPage({
  searchParams,
}: {
  searchParams: Promise<{ saved?: string }>;
}) {
  const actor = await requirePermission('manage:assistance_program');
  const [t, locale, programs, params] = await Promise.all([
    getTranslations('assistance'),
    getLocale(),
    listPrograms({ actor, all: true }),
    searchParams,
  ]);
  const zh = locale === 'zh-CN';
  return (
    <div className="space-y-6">
      <p>
        <Link href="/staff/assistance">← {t('programs.back')}</Link>
      </p>
      <PageTitle lead={t('programs.lead')}>{t('programs.title')}</PageTitle>
      {params.saved ? <FormMessage tone="success">{t('programs.saved')}</FormMessage> : null}
      <p>
        <Link href="/staff/assistance/programmes/new" className="btn-primary">
          {t('programs.new')}
        </Link>
      </p>
      <ul className="grid gap-4 md:grid-cols-2">
        {programs.map((p) => (
          <li key={p.id} className="space-y-2 rounded-xl border border-slate-200 bg-white p-5">
            <h2 className="text-lg font-semibold">
              {zh ? p.name.zh : p.name.en} <span className="text-muted font-normal">{p.code}</span>
            </h2>
            <p>
              {p.ruleKind === 'allowance'
                ? t('programs.ruleAllowance', {
                    water: p.allowanceWater ?? '0',
                    electricity: p.allowanceElectricity ?? '0',
                  })
                : t('programs.ruleFixedShare', { percent: p.fixedSharePercent ?? '0' })}
            </p>
            <p className="text-muted">
              {t('programs.facts', {
                months: p.defaultValidityMonths,
                questions: p.questions.length,
                documents: p.documents.length,
              })}
              {' · '}
              {p.renewable ? t('programs.renewable') : t('programs.notRenewable')}
              {' · '}
              {p.active ? t('programs.active') : t('programs.inactive')}
            </p>
            <Link
              href={`/staff/assistance/programmes/${p.id}`}
              aria-label={t('programs.editLabel', { name: zh ? p.name.zh : p.name.en })}
              className="link-action"
            >
              {t('programs.edit')}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
