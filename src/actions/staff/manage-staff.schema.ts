import { z } from 'zod';
import { STAFF_ROLES } from '@/server/staff';

export const ZCreateStaffUserSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email('staff.users.errors.email')),
  name: z.string().trim().min(1, 'staff.users.errors.name').max(100, 'staff.users.errors.name'),
  role: z.enum(STAFF_ROLES, 'staff.users.errors.role'),
  department: z
    .string()
    .trim()
    .max(100, 'staff.users.errors.department')
    .transform((s) => s || null),
  password: z
    .string()
    .min(10, 'staff.users.errors.password')
    .max(200, 'staff.users.errors.password'),
});
export type TCreateStaffUserInput = z.infer<typeof ZCreateStaffUserSchema>;

export const ZChangeStaffRoleSchema = z.object({
  userId: z.string().min(1).max(100),
  role: z.enum(STAFF_ROLES),
});

export const ZSetStaffStatusSchema = z.object({
  userId: z.string().min(1).max(100),
  disabled: z.enum(['true', 'false']).transform((v) => v === 'true'),
});
