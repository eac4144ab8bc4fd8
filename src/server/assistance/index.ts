import 'server-only';

export { listPrograms } from './list-programs';
export { getProgram } from './get-program';
export { saveProgram, type TProgramInput, type TSaveProgramResult } from './save-program';
export {
  startApplication,
  type TOnBehalfOf,
  type TStartApplicationResult,
} from './start-application';
export { renewForHousehold, type TRenewForHouseholdResult } from './renew-for-household';
export { saveApplication, type TSaveApplicationResult } from './save-application';
export {
  uploadApplicationDocuments,
  type TUploadDocumentsResult,
} from './upload-application-documents';
export { removeApplicationDocument } from './remove-application-document';
export {
  readApplicationDocument,
  type TApplicationDocumentFile,
} from './read-application-document';
export { getApplication } from './get-application';
export { getApplicationForReview } from './get-application-for-review';
export { listMyApplications, myApplicationsPart } from './list-my-applications';
export { listReviewQueue } from './list-review-queue';
export {
  decideApplication,
  type TDecision,
  type TDecideApplicationResult,
} from './decide-application';
export { answerInfoRequest } from './answer-info-request';
export { withdrawApplication } from './withdraw-application';
export { findResidentsForAccount, type TResidentForAccount } from './find-residents-for-account';
export {
  fileForAccount,
  type TAccountConsentMethod,
  type TFileForAccountResult,
} from './file-for-account';
export { CONSENT_FORM_REQUIREMENT } from './upload-application-documents';
export { sendRenewalReminders, RENEWAL_REMINDER_DAYS } from './send-renewal-reminders';
export { purgeDecidedDocuments } from './purge-decided-documents';
export { validityMonths, monthAfter } from './validity-months';
export { ANSWER_MAX_LENGTH } from './check-answers';
export { assistanceRenewalRemindersQueue, assistanceDocumentPurgeQueue } from './assistance-jobs';
export {
  REJECTION_REASONS,
  CONSENT_METHODS,
  ACCOUNT_CONSENT_METHODS,
} from '../db/schema/assistance';
export type * from './types';
