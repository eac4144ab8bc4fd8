import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getTranslations } from '@/i18n/server';
import { PageTitle } from '@/components/ui/form';
import { requirePermission } from '@/server/auth';
import { STAFF_ROLES } from '@/server/staff';
import { ClientMessages } from '@/components/i18n/client-messages';
import { CreateStaffUserForm } from './create-staff-user-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('staff');
  return { title: t('users.new.title') };
}

export default async function NewStaffUserPage() {
  await requirePermission('manage:staff');
  const t = await getTranslations('staff');
  return (
    <div className="max-w-xl space-y-6">
      <PageTitle lead={t('users.new.lead')}>{t('users.new.title')}</PageTitle>
      <ClientMessages namespaces={['staff', 'common']}>
        <CreateStaffUserForm
          roles={STAFF_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        />
      </ClientMessages>
      <p>
        <Link href="/staff/users">{t('users.new.cancel')}</Link>
      </p>
    </div>
  );
}
