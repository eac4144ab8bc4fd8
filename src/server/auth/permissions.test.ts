import { describe, expect, it } from 'vitest';
import { ROLES, type TRole } from '../db/schema';
import {
  assertCan,
  can,
  isStaffRole,
  PermissionError,
  PERMISSIONS,
  type TPermission,
} from './permissions';

/** Y = allowed. Columns follow ROLES: resident, agent, billing, reviewer, supervisor, admin. */
const MATRIX: Record<TPermission, string> = {
  'view:account:own': '      Y  Y  Y  Y  Y  Y',
  'link:account:own': '      Y  Y  Y  Y  Y  Y',
  'view:account:any': '      .  Y  Y  Y  Y  Y',
  'search:account:any': '    .  Y  Y  Y  Y  Y',
  'manage:staff': '          .  .  .  .  .  Y',
  'view:audit:any': '        .  .  .  .  Y  Y',
  'manage:tariff': '         .  .  Y  .  .  Y',
  'run:billing': '           .  .  Y  .  .  Y',
  'file:complaint:own': '    Y  Y  Y  Y  Y  Y',
  'handle:complaint:any': '  .  Y  .  .  Y  Y',
  'supervise:complaint:any': '.  .  .  .  Y  Y',
  // Internal notes of every department; agents see only their own departments' notes.
  'view:complaint_notes:any': '.  .  .  .  Y  Y',
  'review:assistance:any': ' .  .  .  Y  Y  Y',
  'override:assistance:any': '.  .  .  .  Y  Y',
  'file:assistance:behalf': '  .  Y  .  .  Y  Y',
  'manage:assistance_program': '.  .  .  .  Y  Y',
  'manage:calendar': '       .  .  .  .  Y  Y',
  'publish:notice:any': '    .  Y  .  .  Y  Y',
  'view:outbox:dev': '       .  .  .  .  .  Y',
  'manage:mandate:own': '    Y  Y  Y  Y  Y  Y',
  'view:mandate:any': '      .  Y  Y  .  Y  Y',
  'run:collections': '       .  .  Y  .  .  Y',
  // Payments: agents look payments up for callers; billing refunds; a supervisor approves.
  'view:payment:any': '      .  Y  Y  .  Y  Y',
  'refund:payment:any': '    .  .  Y  .  Y  Y',
  'approve:refund:any': '    .  .  .  .  Y  Y',
  'reconcile:payment:any': ' .  .  Y  .  Y  Y',
};

const cases: [TRole, TPermission, boolean][] = PERMISSIONS.flatMap((permission) => {
  const marks = MATRIX[permission].trim().split(/\s+/);
  return ROLES.map((role, i): [TRole, TPermission, boolean] => [
    role,
    permission,
    marks[i] === 'Y',
  ]);
});

describe('the permission matrix', () => {
  it('covers every role for every permission', () => {
    for (const permission of PERMISSIONS)
      expect(MATRIX[permission].trim().split(/\s+/)).toHaveLength(ROLES.length);
  });

  it.each(cases)('%s → %s: allowed = %s', (role, permission, allowed) => {
    expect(can(role, permission)).toBe(allowed);
    if (allowed) expect(() => assertCan({ role }, permission)).not.toThrow();
    else expect(() => assertCan({ role }, permission)).toThrow(PermissionError);
  });

  it('gives the admin every permission there is', () => {
    expect(PERMISSIONS.every((p) => can('admin', p))).toBe(true);
  });

  it('counts everyone but residents as staff', () => {
    expect(ROLES.filter(isStaffRole)).toEqual([
      'agent',
      'billing',
      'reviewer',
      'supervisor',
      'admin',
    ]);
  });
});
