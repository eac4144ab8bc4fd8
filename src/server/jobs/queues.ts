import 'server-only';
import { billingRunQueue } from '../billing/billing-run-job';
import { billsNotifyQueue } from '../billing/bills-notify-job';
import { overdueBillRemindersQueue } from '../bills/bills-jobs';
import { deliverMailQueue, sweepMailQueue } from '../mail/deliver-mail-job';
import { refreshPeerUsageQueue } from '../usage/refresh-peer-usage-job';
import { generateReportsQueue } from '../reports/generate-reports-job';
import { reportsNotifyQueue } from '../reports/reports-notify-job';
import { sandboxWebhookQueue } from '../payments/sandbox/deliver-sandbox-webhook-job';
import { sandboxSettleQueue } from '../payments/sandbox/settle-sandbox-payment-job';
import { reconcilePaymentsQueue } from '../payments/reconcile-payments-job';
import {
  assistanceDocumentPurgeQueue,
  assistanceRenewalRemindersQueue,
} from '../assistance/assistance-jobs';
import { escalateComplaintsQueue } from '../complaints/escalate-complaints-job';
import { noticeNotifyQueue } from '../notices/notice-notify-job';
import { directDebitQueue } from '../direct-debit/direct-debit-job';
import type { TJobQueue } from './define-job-queue';

/**
 * Every queue this app works. A capability with background work adds its queue here
 * (billing runs, annual reports, direct-debit collection, escalations, reminders).
 */
export const jobQueues: readonly TJobQueue[] = [
  deliverMailQueue,
  sweepMailQueue,
  refreshPeerUsageQueue,
  billingRunQueue,
  billsNotifyQueue,
  overdueBillRemindersQueue,
  directDebitQueue,
  generateReportsQueue,
  reportsNotifyQueue,
  escalateComplaintsQueue,
  noticeNotifyQueue,
  assistanceRenewalRemindersQueue,
  assistanceDocumentPurgeQueue,
  sandboxWebhookQueue,
  sandboxSettleQueue,
  reconcilePaymentsQueue,
];
