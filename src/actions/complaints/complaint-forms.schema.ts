import { z } from 'zod';
import { COMPLAINT_CATEGORIES, COMPLAINT_DEPARTMENTS } from '@/server/db/schema/complaints';

/** Matches MAX_DESCRIPTION_LENGTH in src/server/complaints (the domain checks it again). */
export const DESCRIPTION_MAX = 5_000;
export const COMMENT_MAX = 1_000;

const text = (message: string) =>
  z.string().trim().min(1, message).max(DESCRIPTION_MAX, 'complaints.errors.descriptionTooLong');

const optionalId = z
  .string()
  .trim()
  .transform((s) => (s === '' ? null : Number(s)))
  .pipe(z.number().int().positive('complaints.errors.account').nullable());

export const ZFileComplaintSchema = z.object({
  category: z.enum(COMPLAINT_CATEGORIES, 'complaints.errors.category'),
  subType: z
    .string()
    .trim()
    .min(1, 'complaints.errors.subType')
    .max(40, 'complaints.errors.subType'),
  accountId: optionalId,
  location: z.string().trim().max(200, 'complaints.errors.location'),
  description: text('complaints.errors.description'),
});
export type TFileComplaintFormInput = z.infer<typeof ZFileComplaintSchema>;

export const ZReportSchema = z.object({
  subType: z.enum(['water', 'electricity'], 'complaints.errors.subType'),
  location: z
    .string()
    .trim()
    .min(1, 'complaints.errors.location')
    .max(200, 'complaints.errors.location'),
  contactEmail: z.union([z.literal(''), z.email('complaints.errors.contactEmail').max(200)]),
  /** Optional: the district it happens in, so the local service point answers for it. */
  districtId: z
    .string()
    .trim()
    .transform((s) => (s === '' ? null : Number(s)))
    .pipe(z.number().int().positive('complaints.errors.district').nullable()),
  description: text('complaints.errors.description'),
});

export const ZCaseMessageSchema = z.object({
  complaintId: z.coerce.number().int().positive(),
  body: text('complaints.errors.body'),
});

export const ZRateSchema = z.object({
  complaintId: z.coerce.number().int().positive(),
  rating: z.coerce
    .number('complaints.errors.rating')
    .int('complaints.errors.rating')
    .min(1, 'complaints.errors.rating')
    .max(5, 'complaints.errors.rating'),
  comment: z.string().trim().max(COMMENT_MAX, 'complaints.errors.comment'),
});

export const ZStaffCommentSchema = z.object({
  complaintId: z.coerce.number().int().positive(),
  visibility: z.enum(['reply', 'note']),
  body: text('complaints.errors.body'),
});

export const ZStatusSchema = z.object({
  complaintId: z.coerce.number().int().positive(),
  status: z.enum(['in_progress', 'awaiting_resident', 'closed'], 'complaints.errors.sameStatus'),
  body: z.string().trim().max(DESCRIPTION_MAX, 'complaints.errors.descriptionTooLong'),
});

export const ZAssignSchema = z.object({
  complaintId: z.coerce.number().int().positive(),
  assigneeUserId: z.string().trim().min(1, 'complaints.errors.assignee'),
});

export const ZRouteSchema = z.object({
  complaintId: z.coerce.number().int().positive(),
  department: z.enum(COMPLAINT_DEPARTMENTS, 'complaints.errors.sameDepartment'),
});
