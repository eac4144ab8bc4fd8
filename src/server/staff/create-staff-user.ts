import 'server-only';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import {
  insertStaffUser,
  type TCreateStaffUserResult,
  type TNewStaffUser,
} from './insert-staff-user';

/** An admin creates a staff account with an initial password (audited). */
export async function createStaffUser(
  input: { actor: TActor } & TNewStaffUser,
): Promise<TCreateStaffUserResult> {
  const { actor, ...user } = input;
  assertCan(actor, 'manage:staff');
  return insertStaffUser(actor, user, 'admin');
}
