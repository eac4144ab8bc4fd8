import 'server-only';
import { mandates } from '../db/schema';

/** The columns of a mandate anyone may read (masked details only). */
export const mandateSummaryColumns = {
  id: mandates.id,
  status: mandates.status,
  methodType: mandates.methodType,
  methodLabel: mandates.methodLabel,
  methodLast4: mandates.methodLast4,
  currency: mandates.currency,
  createdAt: mandates.createdAt,
  activatedAt: mandates.activatedAt,
  canceledAt: mandates.canceledAt,
  cancelReason: mandates.cancelReason,
  failureCode: mandates.failureCode,
  replacesMandateId: mandates.replacesMandateId,
};
