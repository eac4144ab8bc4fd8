import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { pageNotFound } from '@/lib/page-not-found';
import { getLocale, getTranslations } from '@/i18n/server';
import { PageTitle } from '@/components/ui/form';
import { requireUser } from '@/server/auth';
import { getLinkedAccount } from '@/server/accounts';
import { hasOwnLiveMandate } from '@/server/direct-debit';
import { unlinkAccountAction } from '@/actions/accounts/unlink-account';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('accounts');
  return { title: t('unlink.title') };
}

export default async function UnlinkAccountPage({
  params,
}: {
  params: Promise<{ accountId: string }>;
}) {
  const actor = await requireUser();
  const raw = (await params).accountId;
  const accountId = /^\d{1,9}$/.test(raw) ? Number(raw) : null;
  const account = accountId === null ? null : await getLinkedAccount({ actor, accountId });
  if (!account) pageNotFound();
  const stopsDirectDebit = await hasOwnLiveMandate({ actor, accountId: account.id });
  const t = await getTranslations('accounts');
  const zh = (await getLocale()) === 'zh-CN';
  return (
    <div className="max-w-prose space-y-6">
      <PageTitle>{t('unlink.title')}</PageTitle>
      <div className="rounded-xl border border-slate-200 p-5">
        <p className="text-lg font-semibold">
          {t(`utility.${account.utility}`)} ·{' '}
          <span className="tabular-nums">{account.accountNumber}</span>
        </p>
        <p className="text-muted">{zh ? account.address.zh : account.address.en}</p>
      </div>
      <p>{t('unlink.body', { number: account.accountNumber })}</p>
      {stopsDirectDebit ? (
        <p className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950">
          {t('unlink.stopsDirectDebit')}
        </p>
      ) : null}
      <form action={unlinkAccountAction} className="flex flex-wrap items-center gap-4">
        <input type="hidden" name="accountId" value={account.id} />
        <button
          type="submit"
          className="bg-danger inline-flex min-h-12 items-center rounded-lg px-5 font-semibold text-white hover:opacity-90"
        >
          {t('unlink.confirm')}
        </button>
        <Link href={`/accounts/${account.id}`} className="inline-flex min-h-12 items-center">
          {t('unlink.cancel')}
        </Link>
      </form>
    </div>
  );
}
