import 'server-only';
import type { TNotificationText, TNotificationValue } from '../db/schema';

export type { TNotificationText, TNotificationValue };

/** One notification for one person. */
export type TNewNotification = {
  userId: string;
  /** What it is about, e.g. `complaint.reply`; lets pages and tests filter. */
  kind: string;
  /** Message key + values, e.g. `{ key: 'complaints.notify.reply.title', values: { ref } }`. */
  title: TNotificationText;
  body?: TNotificationText;
  /** App path the notification leads to, e.g. `/complaints/12`. */
  link?: string;
  /** Set it when a job may run twice: one notification per person and key, ever. */
  dedupeKey?: string;
  /** Also send it by e-mail (default true). */
  mail?: boolean;
};

/** What the inbox shows: the texts already rendered in the reader's language. */
export type TInboxItem = {
  id: number;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  read: boolean;
  createdAt: Date;
};
