import 'server-only';
import { handleRefundEvent } from './handle-refund';
import type { TWebhookHandler } from './types';

/** A refund was created (it may already have succeeded). */
export const handleRefundCreated: TWebhookHandler = handleRefundEvent;
