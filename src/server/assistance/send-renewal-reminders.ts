import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '../db';
import { notifyMailQueued } from '../mail';
import { notifyUsers, type TNewNotification } from '../notifications';
import { rowsOf } from '../db/rows-of';
import { todayInShanghai } from '../billing/today-in-shanghai';

/** Days before a grant ends when the household is reminded to renew (inbox + mail). */
export const RENEWAL_REMINDER_DAYS = [30, 7] as const;

/**
 * Reminds applicants whose approved waiver ends within 30 days (and again within 7) to renew.
 * Each reminder is sent once per application (the notification's dedupe key), however often
 * the daily job runs; a grant already renewed, revoked or of a programme that cannot be renewed
 * gets none. When the 30-day window was missed (a short grant), only the 7-day one is sent.
 * `applicationId` limits it to one application (an approval checks its own grant at once).
 */
export async function sendRenewalReminders(
  input: { today?: string; applicationId?: number } = {},
): Promise<{ reminded: number }> {
  const today = input.today ?? todayInShanghai();
  const db = await getDb();
  const [first, second] = RENEWAL_REMINDER_DAYS;
  const { mailIds, count } = await db.transaction(async (tx) => {
    const rows = rowsOf<{
      id: number;
      reference: string;
      user_id: string;
      valid_to: string;
      days_left: number;
    }>(
      await tx.execute(sql`
        -- A household filed for without a login: the officer who filed is reminded.
        SELECT app.id, app.reference, coalesce(app.applicant_user_id, app.filed_by_user_id) AS user_id,
               g.valid_to::text AS valid_to,
               (g.valid_to - ${today}::date) AS days_left
          FROM assistance_applications app
          JOIN assistance_programs p ON p.id = app.program_id AND p.renewable
          JOIN LATERAL (SELECT max(valid_to) AS valid_to FROM assistance_grants
                         WHERE application_id = app.id AND revoked_at IS NULL) g ON true
         WHERE app.status = 'approved'
           ${input.applicationId === undefined ? sql`` : sql`AND app.id = ${input.applicationId}`}
           AND g.valid_to >= ${today}::date
           AND g.valid_to <= ${today}::date + ${first}::int
           AND NOT EXISTS (SELECT 1 FROM assistance_applications r
                            WHERE r.renews_application_id = app.id
                              AND r.status NOT IN ('rejected', 'withdrawn', 'draft'))`),
    );
    const notes: TNewNotification[] = rows.map((row) => {
      const window = row.days_left <= second ? second : first;
      return {
        userId: row.user_id,
        kind: 'assistance.renewal_reminder',
        title: {
          key: 'assistance.notify.renewal.title',
          values: { reference: row.reference, days: window },
        },
        body: {
          key: 'assistance.notify.renewal.body',
          values: { reference: row.reference, validTo: { date: row.valid_to } },
        },
        link: `/assistance/${row.id}`,
        dedupeKey: `assistance-renewal:${row.id}:${window}`,
      };
    });
    const ids = await notifyUsers(tx, notes);
    return { mailIds: ids, count: notes.length };
  });
  await notifyMailQueued(mailIds);
  return { reminded: count };
}
