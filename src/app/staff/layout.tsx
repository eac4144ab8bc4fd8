import Link from '@/components/ui/link';
import { getTranslations } from '@/i18n/server';
import { can, requireStaff } from '@/server/auth';

/** The staff area: residents get "not found" (requireStaff), as if it did not exist. */
export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireStaff();
  const t = await getTranslations('staff');
  const tDirectDebit = await getTranslations('directDebit');
  const tComplaints = await getTranslations('complaints');
  const tPayments = await getTranslations('payments');
  const links = [
    { href: '/staff', label: t('nav.home'), show: true },
    {
      href: '/staff/accounts',
      label: t('nav.accounts'),
      show: can(actor.role, 'search:account:any'),
    },
    {
      href: '/staff/complaints',
      label: tComplaints('staff.title'),
      show: can(actor.role, 'handle:complaint:any'),
    },
    { href: '/staff/tariffs', label: t('nav.tariffs'), show: can(actor.role, 'manage:tariff') },
    { href: '/staff/billing', label: t('nav.billing'), show: can(actor.role, 'run:billing') },
    { href: '/staff/reports', label: t('nav.reports'), show: can(actor.role, 'run:billing') },
    {
      href: '/staff/payments',
      label: tPayments('staff.title'),
      show: can(actor.role, 'view:payment:any'),
    },
    {
      href: '/staff/direct-debit',
      label: tDirectDebit('staff.nav'),
      show: can(actor.role, 'view:mandate:any'),
    },
    {
      href: '/staff/notices',
      label: t('nav.notices'),
      show: can(actor.role, 'publish:notice:any'),
    },
    {
      href: '/staff/assistance',
      label: t('nav.assistance'),
      show: can(actor.role, 'review:assistance:any'),
    },
    {
      href: '/staff/assistance/file',
      label: t('nav.assistanceFile'),
      show: can(actor.role, 'file:assistance:behalf') && !can(actor.role, 'review:assistance:any'),
    },
    { href: '/staff/users', label: t('nav.users'), show: can(actor.role, 'manage:staff') },
    {
      href: '/staff/calendar',
      label: t('nav.calendar'),
      show: can(actor.role, 'manage:calendar'),
    },
  ].filter((l) => l.show);
  return (
    <div className="space-y-6">
      <nav aria-label={t('nav.label')} className="border-b border-slate-200 pb-3">
        <ul className="flex flex-wrap gap-2">
          {links.map((l) => (
            <li key={l.href}>
              <Link
                href={l.href}
                className="hover:bg-brand-50 inline-flex min-h-11 items-center rounded-md px-3 font-medium"
              >
                {l.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </div>
  );
}
