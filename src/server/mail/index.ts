import 'server-only';

export { queueMail, type TOutgoingMail } from './queue-mail';
