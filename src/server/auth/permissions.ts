import 'server-only';
import type { TRole } from '../db/schema';

/**
 * Named permissions. `:own` means through the actor's own account links (checked in SQL by the
 * domain query); `:any` means any resident's data (staff).
 */
export const PERMISSIONS = [
  'view:account:own',
  'link:account:own',
  'view:account:any',
  'search:account:any',
  'manage:staff',
  'view:audit:any',
  'manage:tariff',
  'run:billing',
  'file:complaint:own',
  'handle:complaint:any',
  'supervise:complaint:any',
  'view:complaint_notes:any',
  'review:assistance:any',
  'override:assistance:any',
  'file:assistance:behalf',
  'manage:assistance_program',
  'publish:notice:any',
  'view:outbox:dev',
  'manage:mandate:own',
  'view:mandate:any',
  'run:collections',
  'view:payment:any',
  'refund:payment:any',
  'approve:refund:any',
  'reconcile:payment:any',
  'manage:calendar',
] as const;
export type TPermission = (typeof PERMISSIONS)[number];

const RESIDENT: TPermission[] = [
  'view:account:own',
  'link:account:own',
  'file:complaint:own',
  'manage:mandate:own',
];
const STAFF_BASE: TPermission[] = [...RESIDENT, 'view:account:any', 'search:account:any'];

export const ROLE_PERMISSIONS: Record<TRole, readonly TPermission[]> = {
  resident: RESIDENT,
  // Customer-service agents include the community service officers (社区服务专员) who file
  // waiver applications for a resident, with the resident's consent recorded.
  agent: [
    ...STAFF_BASE,
    'handle:complaint:any',
    'publish:notice:any',
    'file:assistance:behalf',
    'view:mandate:any',
    'view:payment:any',
  ],
  billing: [
    ...STAFF_BASE,
    'manage:tariff',
    'run:billing',
    'view:mandate:any',
    'run:collections',
    'view:payment:any',
    'refund:payment:any',
    'reconcile:payment:any',
  ],
  reviewer: [...STAFF_BASE, 'review:assistance:any'],
  supervisor: [
    ...STAFF_BASE,
    'handle:complaint:any',
    'supervise:complaint:any',
    'view:complaint_notes:any',
    'review:assistance:any',
    'override:assistance:any',
    'file:assistance:behalf',
    'manage:assistance_program',
    'publish:notice:any',
    'manage:calendar',
    'view:audit:any',
    'view:mandate:any',
    'view:payment:any',
    'refund:payment:any',
    'approve:refund:any',
    'reconcile:payment:any',
  ],
  admin: [...PERMISSIONS],
};

export function can(role: TRole, permission: TPermission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export class PermissionError extends Error {
  constructor(readonly permission: TPermission) {
    super(`Missing permission ${permission}`);
    this.name = 'PermissionError';
  }
}

/** The one permission check. Ownership (`:own`) is additionally enforced in each query. */
export function assertCan(actor: { role: TRole }, permission: TPermission): void {
  if (!can(actor.role, permission)) throw new PermissionError(permission);
}

export function isStaffRole(role: TRole): boolean {
  return role !== 'resident';
}
