import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getTranslations } from '@/i18n/server';
import { PageTitle } from '@/components/ui/form';
import { requireStaff, ROLE_PERMISSIONS, type TPermission } from '@/server/auth';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('staff');
  return { title: t('home.title') };
}

/** Staff pages that exist so far, by the permission that opens them. */
const PAGES: Partial<Record<TPermission, string>> = {
  'search:account:any': '/staff/accounts',
  'manage:staff': '/staff/users',
  'manage:tariff': '/staff/tariffs',
  'run:billing': '/staff/billing',
  'publish:notice:any': '/staff/notices',
  'review:assistance:any': '/staff/assistance',
  'file:assistance:behalf': '/staff/assistance/file',
  'manage:assistance_program': '/staff/assistance/programmes',
  'manage:calendar': '/staff/calendar',
};

export default async function StaffHomePage() {
  const actor = await requireStaff();
  const t = await getTranslations('staff');
  const permissions = ROLE_PERMISSIONS[actor.role];
  return (
    <div className="space-y-6">
      <PageTitle lead={t('home.lead', { role: t(`roles.${actor.role}`) })}>
        {t('home.title')}
      </PageTitle>
      <section aria-labelledby="capabilities-heading">
        <h2 id="capabilities-heading" className="mb-3 text-xl font-semibold">
          {t('home.capabilities')}
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2">
          {permissions.map((permission) => {
            const href = PAGES[permission];
            const label = t(`permissions.${permission.replaceAll(':', '_')}`);
            return (
              <li key={permission} className="rounded-lg border border-slate-200 p-4">
                {href ? (
                  <Link href={href} className="font-semibold">
                    {label}
                  </Link>
                ) : (
                  <span>{label}</span>
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
