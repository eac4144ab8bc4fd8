import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getTranslations } from '@/i18n/server';
import { FormMessage, PageTitle } from '@/components/ui/form';
import { requirePermission } from '@/server/auth';
import { listStaffUsers, STAFF_ROLES } from '@/server/staff';
import { changeStaffRoleAction } from '@/actions/staff/change-staff-role';
import { setStaffStatusAction } from '@/actions/staff/set-staff-status';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('staff');
  return { title: t('users.title') };
}

const DONE = ['created', 'roleChanged', 'disabled', 'enabled'] as const;
const ERRORS = ['lastAdmin', 'invalid'] as const;

const smallButton =
  'inline-flex min-h-11 items-center rounded-lg border-2 border-brand-600 px-3 font-semibold text-brand-700 hover:bg-brand-50';

export default async function StaffUsersPage({
  searchParams,
}: {
  searchParams: Promise<{ done?: string; error?: string }>;
}) {
  const actor = await requirePermission('manage:staff');
  const params = await searchParams;
  const staff = await listStaffUsers({ actor });
  const t = await getTranslations('staff');
  const done = DONE.find((d) => d === params.done);
  const error = ERRORS.find((e) => e === params.error);

  return (
    <div className="space-y-6">
      <PageTitle lead={t('users.lead')}>{t('users.title')}</PageTitle>
      {done ? <FormMessage tone="success">{t(`users.done.${done}`)}</FormMessage> : null}
      {error ? <FormMessage tone="error">{t(`users.errors.${error}`)}</FormMessage> : null}
      <p>
        <Link href="/staff/users/new" className="btn-primary">
          {t('users.create')}
        </Link>
      </p>
      <section aria-labelledby="staff-list-heading" className="space-y-2">
        <h2 id="staff-list-heading" className="text-xl font-semibold">
          {t('users.listTitle')}
        </h2>
        <div className="overflow-x-auto">
          <table className="w-full min-w-[48rem] border-collapse text-left">
            <thead>
              <tr className="border-b-2 border-slate-300">
                <th scope="col" className="py-2 pr-3">
                  {t('users.columns.name')}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t('users.columns.email')}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t('users.columns.department')}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t('users.columns.role')}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t('users.columns.status')}
                </th>
                <th scope="col" className="py-2">
                  {t('users.columns.actions')}
                </th>
              </tr>
            </thead>
            <tbody>
              {staff.map((user) => (
                <tr key={user.id} className="border-b border-slate-200 align-top">
                  <th scope="row" className="py-3 pr-3 font-medium">
                    {user.name}
                    {user.id === actor.userId ? (
                      <span className="text-muted ml-1 font-normal">{t('users.you')}</span>
                    ) : null}
                  </th>
                  <td className="py-3 pr-3 break-all">{user.email}</td>
                  <td className="py-3 pr-3">{user.department ?? '—'}</td>
                  <td className="py-3 pr-3">
                    <form
                      action={changeStaffRoleAction}
                      className="flex flex-wrap items-center gap-2"
                    >
                      <input type="hidden" name="userId" value={user.id} />
                      <label htmlFor={`role-${user.id}`} className="sr-only">
                        {t('users.roleFor', { name: user.name })}
                      </label>
                      <select
                        id={`role-${user.id}`}
                        name="role"
                        defaultValue={user.role}
                        className="min-h-11 rounded-md border border-slate-400 px-2"
                      >
                        {STAFF_ROLES.map((role) => (
                          <option key={role} value={role}>
                            {t(`roles.${role}`)}
                          </option>
                        ))}
                      </select>
                      <button type="submit" className={smallButton}>
                        {t('users.changeRole')}
                      </button>
                    </form>
                  </td>
                  <td className="py-3 pr-3">
                    {user.disabled ? t('users.disabled') : t('users.active')}
                  </td>
                  <td className="py-3">
                    <form action={setStaffStatusAction}>
                      <input type="hidden" name="userId" value={user.id} />
                      <input
                        type="hidden"
                        name="disabled"
                        value={user.disabled ? 'false' : 'true'}
                      />
                      <button
                        type="submit"
                        className={smallButton}
                        aria-label={
                          user.disabled
                            ? t('users.enableFor', { name: user.name })
                            : t('users.disableFor', { name: user.name })
                        }
                      >
                        {user.disabled ? t('users.enable') : t('users.disable')}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
