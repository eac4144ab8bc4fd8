import 'server-only';
import { mailOutbox } from '../db/schema';
import type { TDb } from '../db';

export type TOutgoingMail = {
  to: string;
  /** Template key, e.g. `auth.sign_in_link`; lets the outbox page and tests find a message. */
  template: string;
  subject: string;
  text: string;
  html?: string;
};

type TExecutor = Pick<TDb, 'insert'>;

/**
 * Writes mail to the outbox inside the caller's transaction: the mail exists if and only if its
 * cause committed. The mail job delivers it (or, without SMTP, leaves it for /dev/outbox).
 * Returns the outbox ids so the caller can nudge the job after commit.
 */
export async function queueMail(tx: TExecutor, ...messages: TOutgoingMail[]): Promise<number[]> {
  if (messages.length === 0) return [];
  const rows = await tx
    .insert(mailOutbox)
    .values(
      messages.map((m) => ({
        toAddress: m.to,
        template: m.template,
        subject: m.subject,
        textBody: m.text,
        htmlBody: m.html ?? null,
      })),
    )
    .returning({ id: mailOutbox.id });
  return rows.map((r) => r.id);
}
