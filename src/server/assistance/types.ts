import 'server-only';
import type {
  TApplicationStatus,
  TAssistanceQuestion,
  TAssistanceRuleKind,
  TConsentMethod,
  TDecisionKind,
  TRejectionReason,
  TRequiredDocument,
  TUtility,
} from '../db/schema';
import type { TBilingual } from '../accounts/types';

export type {
  TApplicationStatus,
  TAssistanceQuestion,
  TAssistanceRuleKind,
  TConsentMethod,
  TDecisionKind,
  TRejectionReason,
  TRequiredDocument,
};

/** A programme as residents and staff read it. */
export type TAssistanceProgram = {
  id: number;
  code: string;
  name: TBilingual;
  description: TBilingual;
  ruleKind: TAssistanceRuleKind;
  allowanceWater: string | null;
  allowanceElectricity: string | null;
  fixedSharePercent: string | null;
  questions: TAssistanceQuestion[];
  documents: TRequiredDocument[];
  defaultValidityMonths: number;
  renewable: boolean;
  active: boolean;
};

export type TApplicationAccount = {
  id: number;
  accountNumber: string;
  utility: TUtility;
  address: TBilingual;
};

export type TApplicationDocument = {
  id: number;
  requirement: string;
  contentType: string;
  sizeBytes: number;
  originalName: string;
  uploadedAt: Date;
  deleted: boolean;
};

export type TApplicationDecision = {
  id: number;
  kind: TDecisionKind;
  validFrom: string | null;
  validTo: string | null;
  reasonCode: TRejectionReason | null;
  message: string | null;
  override: boolean;
  overrideReason: string | null;
  decidedAt: Date;
  /** Staff pages only; null on the resident's page. */
  decidedBy: string | null;
  reply: { message: string; repliedAt: Date } | null;
};

export type TApplicationGrant = {
  accountId: number;
  validFrom: string;
  validTo: string;
  revoked: boolean;
};

export type TApplicationDetail = {
  id: number;
  reference: string;
  status: TApplicationStatus;
  program: TAssistanceProgram;
  /** id null: filed by an officer for a household without a login (name = the holder's). */
  applicant: { id: string | null; name: string };
  /** A household filed for without a login: the holder as on the account and a phone. */
  household: { holderName: string; contactPhone: string } | null;
  filedBy: { name: string } | null;
  consent: {
    method: TConsentMethod;
    givenOn: string;
    recordedAt: Date;
    note: string | null;
  } | null;
  accounts: TApplicationAccount[];
  answers: Record<string, string>;
  documents: TApplicationDocument[];
  documentsPurgedAt: Date | null;
  decisions: TApplicationDecision[];
  grants: TApplicationGrant[];
  renewsApplicationId: number | null;
  /** A newer application renewing this one (not rejected or withdrawn). */
  renewedByApplicationId: number | null;
  /** For a renewal: the last day of the grant it continues (the new one starts the day after). */
  renewsValidTo: string | null;
  /**
   * Whether and how the reader may renew it (approved, renewable, not renewed yet): 'own' for
   * the applicant (or whoever linked a login-less household's account), 'for_household' for
   * the officer who filed it; null for anyone else.
   */
  renewal: 'own' | 'for_household' | null;
  /** For a draft being edited: every account linked to the applicant, to choose from. */
  applicantAccounts: TApplicationAccount[];
  createdAt: Date;
  submittedAt: Date | null;
  decidedAt: Date | null;
  /** Seconds the application has waited for staff, not counting time waiting for the resident. */
  waitingSeconds: number | null;
  /** True when the person looking may change it (a draft, or answering an information request). */
  editable: boolean;
};

/** One row of "my applications" and of the dashboard entry. */
export type TApplicationSummary = {
  id: number;
  reference: string;
  status: TApplicationStatus;
  programName: TBilingual;
  programCode: string;
  renewable: boolean;
  createdAt: Date;
  submittedAt: Date | null;
  /** The grant period when approved. */
  validFrom: string | null;
  validTo: string | null;
  /** True when a newer application already renews this one. */
  renewed: boolean;
};

/** One row of the reviewers' queue. */
export type TReviewQueueItem = {
  id: number;
  reference: string;
  status: TApplicationStatus;
  programName: TBilingual;
  applicantName: string;
  accounts: number;
  submittedAt: Date;
  waitingSeconds: number;
  documents: number;
  filedByOfficer: boolean;
};

/** Expected failures, as message keys under `assistance.errors`. */
export type TAssistanceError =
  | 'not_found'
  | 'not_editable'
  | 'already_decided'
  | 'own_household'
  | 'no_accounts'
  | 'program_inactive'
  | 'consent_required';
