import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getTranslations } from '@/i18n/server';
import { ClientMessages } from '@/components/i18n/client-messages';
import { PageTitle } from '@/components/ui/form';
import { requirePermission } from '@/server/auth';
import { ProgramForm } from '../program-form';
import { programDefaults } from '../program-defaults';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('assistance');
  return { title: t('programs.newTitle') };
}

export default async function NewProgramPage() {
  await requirePermission('manage:assistance_program');
  const t = await getTranslations('assistance');
  return (
    <div className="max-w-3xl space-y-6">
      <p>
        <Link href="/staff/assistance/programmes">← {t('programs.cancel')}</Link>
      </p>
      <PageTitle lead={t('programs.formLead')}>{t('programs.newTitle')}</PageTitle>
      <ClientMessages namespaces={['assistance']}>
        <ProgramForm defaults={programDefaults(null)} />
      </ClientMessages>
    </div>
  );
}
