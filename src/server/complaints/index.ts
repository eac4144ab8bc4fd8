import 'server-only';

export { COMMITMENTS, deadlinesFor } from './commitments';
export type { TCategoryCommitment, TDeadlineRule } from './commitments';
export { MAX_ATTACHMENTS, MAX_DESCRIPTION_LENGTH } from './limits';
export { fileComplaint, anonymousReportThrottleRule } from './file-complaint';
export type { TFileComplaintInput, TFileComplaintResult } from './file-complaint';
export { getComplaint } from './get-complaint';
export { listMyComplaints, myComplaintsPart } from './list-my-complaints';
export { addResidentMessage } from './add-resident-message';
export type { TResidentMessageResult } from './add-resident-message';
export { reopenComplaint } from './reopen-complaint';
export type { TReopenResult } from './reopen-complaint';
export { rateComplaint, MAX_RATING_COMMENT_LENGTH, DISSATISFIED_AT_MOST } from './rate-complaint';
export type { TRateResult } from './rate-complaint';
export { getComplaintAttachment } from './get-complaint-attachment';
export type { TAttachmentFile } from './get-complaint-attachment';
export { listComplaintQueue, QUEUE_PAGE_SIZE } from './list-complaint-queue';
export type { TQueueFilters } from './list-complaint-queue';
export { countOpenComplaints } from './count-open-complaints';
export { getStaffComplaint } from './get-staff-complaint';
export { listComplaintHandlers } from './list-complaint-handlers';
export { addStaffComment } from './add-staff-comment';
export type { TStaffCommentResult } from './add-staff-comment';
export { changeComplaintStatus } from './change-complaint-status';
export type { TChangeStatusResult } from './change-complaint-status';
export { assignComplaint } from './assign-complaint';
export { routeComplaint } from './route-complaint';
export { escalateOverdueComplaints } from './escalate-overdue-complaints';
export { getServiceRatings } from './get-service-ratings';
export type {
  TServiceRatings,
  TDepartmentRatings,
  TRatingMonth,
  TServicePointRatings,
} from './get-service-ratings';
export { RATINGS_SELECTABLE_MONTHS } from './get-service-ratings';
export type * from './types';
export { signReceipt, verifyReceipt } from './receipt-token';
export type { TReceipt } from './receipt-token';
export {
  COMPLAINT_CATEGORIES,
  COMPLAINT_DEPARTMENTS,
  COMPLAINT_STATUSES,
  type TComplaintCategory,
  type TComplaintDepartment,
  type TComplaintStatus,
} from '../db/schema/complaints';
export { QUEUE_COUNT_CAP } from './count-open-complaints';
