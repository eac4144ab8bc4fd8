import 'server-only';

export { queueMail, type TOutgoingMail } from './queue-mail';
export { notifyMailQueued } from './notify-mail-queued';
export {
  deliverMail,
  MAIL_MAX_ATTEMPTS,
  type TDeliverMailOptions,
  type TDeliveryReport,
} from './deliver-mail';
export { installMailTransport, type TMailMessage, type TMailTransport } from './mail-transport';
export { listOutboxMail, type TOutboxMailSummary } from './list-outbox-mail';
export { getOutboxMail, type TOutboxMail } from './get-outbox-mail';
export { isOutboxPageEnabled } from './is-outbox-page-enabled';
