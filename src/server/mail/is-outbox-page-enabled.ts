import 'server-only';
import { env } from '@/env';

/**
 * The development outbox shows everyone's mail, so it is off in production unless a demo
 * without SMTP turns it on with OUTBOX_PAGE_ENABLED=true.
 */
export function isOutboxPageEnabled(): boolean {
  return env.NODE_ENV !== 'production' || env.OUTBOX_PAGE_ENABLED;
}
