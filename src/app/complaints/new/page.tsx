import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getLocale, getTranslations } from '@/i18n/server';
import { PageTitle, FormMessage } from '@/components/ui/form';
import { ClientMessages } from '@/components/i18n/client-messages';
import { requireUser } from '@/server/auth';
import { listLinkedAccounts } from '@/server/accounts';
import { COMMITMENTS, MAX_ATTACHMENTS, MAX_DESCRIPTION_LENGTH } from '@/server/complaints';
import { COMPLAINT_CATEGORIES } from '@/server/complaints';
import { FileComplaintForm, type TCategoryOption } from './file-complaint-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('complaints');
  return { title: t('new.title') };
}

export default async function NewComplaintPage() {
  const actor = await requireUser();
  const t = await getTranslations('complaints');
  const zh = (await getLocale()) === 'zh-CN';
  const accounts = await listLinkedAccounts({ actor });
  const categories: TCategoryOption[] = COMPLAINT_CATEGORIES.map((c) => ({
    value: c,
    label: t(`category.${c}`),
    hint: t(`categoryHint.${c}`),
    subTypes: COMMITMENTS[c].subTypes.map((s) => ({
      value: s,
      label: t(`subType.${s as 'other'}`),
    })),
  }));
  const accountOptions = accounts.map((a) => ({
    value: String(a.id),
    label: `${a.accountNumber} · ${zh ? a.address.zh : a.address.en}`,
  }));
  return (
    <div className="max-w-3xl space-y-6">
      <p>
        <Link href="/complaints">← {t('new.back')}</Link>
      </p>
      <PageTitle lead={t('new.lead')}>{t('new.title')}</PageTitle>
      {accounts.length === 0 ? (
        <FormMessage tone="info">
          {t('new.noAccounts')} <Link href="/accounts/link">{t('new.linkAccount')}</Link>
        </FormMessage>
      ) : null}
      <ClientMessages namespaces={['complaints']}>
        <FileComplaintForm
          categories={categories}
          accounts={accountOptions}
          maxLength={MAX_DESCRIPTION_LENGTH}
          maxFiles={MAX_ATTACHMENTS}
        />
      </ClientMessages>
    </div>
  );
}
