import 'server-only';
import { sql } from 'drizzle-orm';
import { readPart, type TReadPart } from '../db/read-parts';
import type { TActor } from '../auth/actor';
import { applicantOrFiler } from './access';
import type { TApplicationSummary } from './types';

type TRow = {
  id: number;
  reference: string;
  status: TApplicationSummary['status'];
  name_zh: string;
  name_en: string;
  code: string;
  renewable: boolean;
  /** Date from the driver; ISO text when read together with other parts (JSON). */
  created_at: Date | string;
  submitted_at: Date | string | null;
  valid_from: string | null;
  valid_to: string | null;
  renewed: boolean;
};

const myApplicationsQuery = () => sql`
  SELECT app.id, app.reference, app.status, p.name_zh, p.name_en, p.code, p.renewable,
         app.created_at, app.submitted_at,
         (SELECT min(g.valid_from)::text FROM assistance_grants g
           WHERE g.application_id = app.id AND g.revoked_at IS NULL) AS valid_from,
         (SELECT max(g.valid_to)::text FROM assistance_grants g
           WHERE g.application_id = app.id AND g.revoked_at IS NULL) AS valid_to,
         EXISTS (SELECT 1 FROM assistance_applications r
                  WHERE r.renews_application_id = app.id
                    AND r.status NOT IN ('rejected', 'withdrawn')) AS renewed
    FROM assistance_applications app
    JOIN assistance_programs p ON p.id = app.program_id
   WHERE ${applicantOrFiler({ userId: sql.placeholder('userId') })}
   ORDER BY app.created_at DESC, app.id DESC
   LIMIT 50`;

/**
 * The applications the actor made or filed for someone, newest first, with the grant period
 * of approved ones (for "valid until" and renewal).
 */
export async function listMyApplications(input: { actor: TActor }): Promise<TApplicationSummary[]> {
  return readPart(myApplicationsPart(input));
}

/** The same read as a part, for a page that reads several domains at once (ADR 022). */
export function myApplicationsPart(input: {
  actor: TActor;
}): TReadPart<TApplicationSummary[], TRow> {
  return {
    // Named: the dashboard runs it on every visit.
    name: 'my-applications',
    query: myApplicationsQuery,
    values: { userId: input.actor.userId },
    decode: (rows) =>
      rows.map((r) => ({
        id: Number(r.id),
        reference: r.reference,
        status: r.status,
        programName: { zh: r.name_zh, en: r.name_en },
        programCode: r.code,
        renewable: r.renewable,
        createdAt: new Date(r.created_at),
        submittedAt: r.submitted_at ? new Date(r.submitted_at) : null,
        validFrom: r.valid_from,
        validTo: r.valid_to,
        renewed: r.renewed,
      })),
  };
}
