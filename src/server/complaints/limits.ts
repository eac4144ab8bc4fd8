import 'server-only';

/** Longest description or message a resident may send (a clear message beyond it). */
export const MAX_DESCRIPTION_LENGTH = 5_000;
/** Attachments per filing or per message. */
export const MAX_ATTACHMENTS = 5;
