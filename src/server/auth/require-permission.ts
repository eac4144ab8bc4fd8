import 'server-only';
import { pageNotFound } from '@/lib/page-not-found';
import { can, type TPermission } from './permissions';
import { requireStaff } from './require-user';
import type { TActor } from './actor';

/**
 * For staff pages behind one permission: signed out → sign-in; a resident or a staff member
 * without the permission → "not found", as if the page did not exist.
 */
export async function requirePermission(permission: TPermission): Promise<TActor> {
  const actor = await requireStaff();
  if (!can(actor.role, permission)) pageNotFound();
  return actor;
}
