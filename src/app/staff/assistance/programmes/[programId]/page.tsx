import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getLocale, getTranslations } from '@/i18n/server';
import { ClientMessages } from '@/components/i18n/client-messages';
import { parseId } from '@/components/bills/bill-dates';
import { PageTitle } from '@/components/ui/form';
import { pageNotFound } from '@/lib/page-not-found';
import { requirePermission } from '@/server/auth';
import { getProgram } from '@/server/assistance';
import { ProgramForm } from '../program-form';
import { programDefaults } from '../program-defaults';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('assistance');
  return { title: t('programs.editTitle') };
}

export default async function EditProgramPage({
  params,
}: {
  params: Promise<{ programId: string }>;
}) {
  const actor = await requirePermission('manage:assistance_program');
  const programId = parseId((await params).programId);
  if (programId === null) pageNotFound();
  const program = await getProgram({ actor, programId });
  if (!program) pageNotFound();
  const t = await getTranslations('assistance');
  const zh = (await getLocale()) === 'zh-CN';
  return (
    <div className="max-w-3xl space-y-6">
      <p>
        <Link href="/staff/assistance/programmes">← {t('programs.cancel')}</Link>
      </p>
      <PageTitle lead={t('programs.editLead')}>
        {t('programs.editHeading', { name: zh ? program.name.zh : program.name.en })}
      </PageTitle>
      <ClientMessages namespaces={['assistance']}>
        <ProgramForm programId={program.id} defaults={programDefaults(program)} />
      </ClientMessages>
    </div>
  );
}
