import 'server-only';
import { handleRefundEvent } from './handle-refund';
import type { TWebhookHandler } from './types';

/** The refund could not be paid out; the payment keeps its money and staff see the failure. */
export const handleRefundFailed: TWebhookHandler = handleRefundEvent;
