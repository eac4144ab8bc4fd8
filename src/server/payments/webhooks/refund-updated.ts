import 'server-only';
import { handleRefundEvent } from './handle-refund';
import type { TWebhookHandler } from './types';

/** A refund moved on (pending → succeeded, or failed). */
export const handleRefundUpdated: TWebhookHandler = handleRefundEvent;
