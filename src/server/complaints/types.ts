import 'server-only';
import type {
  TComplaintCategory,
  TComplaintDepartment,
  TComplaintEventKind,
  TComplaintStatus,
  TUtility,
} from '../db/schema';

export type TAttachmentSummary = {
  id: number;
  name: string;
  contentType: string;
  sizeBytes: number;
};

export type TTimelineEvent = {
  id: number;
  kind: TComplaintEventKind;
  at: Date;
  /** Who acted, as the resident sees it; staff pages also get the staff member's name. */
  by: 'resident' | 'staff' | 'system';
  staffName: string | null;
  body: string | null;
  detail: Record<string, string | number | null>;
  /** True for entries the resident does not see (internal notes, routing, assignment). */
  internal: boolean;
  attachments: TAttachmentSummary[];
};

export type TComplaintDeadlines = {
  firstResponseDueAt: Date | null;
  firstRespondedAt: Date | null;
  answerDueAt: Date;
  nextDueAt: Date | null;
};

export type TResidentComplaintSummary = TComplaintDeadlines & {
  id: number;
  reference: string;
  category: TComplaintCategory;
  subType: string;
  status: TComplaintStatus;
  createdAt: Date;
  rated: boolean;
};

export type TComplaintAccount = {
  accountNumber: string;
  utility: TUtility;
  address: { zh: string; en: string };
};

export type TResidentComplaint = TResidentComplaintSummary & {
  description: string;
  location: string | null;
  account: TComplaintAccount | null;
  department: TComplaintDepartment;
  escalated: boolean;
  reopenedCount: number;
  closedAt: Date | null;
  rating: number | null;
  ratingComment: string | null;
  /** Closed and not rated yet. */
  canRate: boolean;
  /** Closed and not reopened before: a reply offers to reopen it. */
  canReopen: boolean;
  events: TTimelineEvent[];
};

export type TStaffComplaint = TResidentComplaint & {
  filer: { name: string; email: string } | null;
  contactEmail: string | null;
  rural: boolean;
  assignee: { id: string; name: string } | null;
  escalatedAt: Date | null;
  answeredOnTime: boolean | null;
  /** Whether this person may read the internal notes of this case (their department, or any). */
  notesVisible: boolean;
};

export type TQueueItem = {
  id: number;
  reference: string;
  category: TComplaintCategory;
  subType: string;
  status: TComplaintStatus;
  department: TComplaintDepartment;
  assigneeName: string | null;
  createdAt: Date;
  nextDueAt: Date | null;
  closedAt: Date | null;
  overdue: boolean;
  escalated: boolean;
};

export type TStaffMember = { id: string; name: string; role: string };
