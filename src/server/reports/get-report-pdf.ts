import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { TLocale } from '@/lib/locale';
import { getDb } from '../db';
import { annualReports } from '../db/schema';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { getFileStore } from '../files';
import { findLinkedAccountId } from './find-linked-account-id';
import { loadAnnualReports } from './load-annual-reports';
import { runOutsideRequests } from '../process/outside-requests';

/**
 * The PDF of one account's annual report for its resident: the stored file when the bulk run
 * made it in this language, otherwise rendered now (a year not yet generated, or the other
 * language). Null when the account is not theirs.
 */
export async function getReportPdf(input: {
  actor: TActor;
  accountId: number;
  year: number;
  locale: TLocale;
}): Promise<{ pdf: Buffer; fileName: string } | null> {
  assertCan(input.actor, 'view:account:own');
  const db = await getDb();
  const accountId = await findLinkedAccountId(db, input.actor.userId, input.accountId);
  if (accountId === null) return null;
  const [stored] = await db
    .select({ fileKey: annualReports.fileKey, locale: annualReports.locale })
    .from(annualReports)
    .where(
      and(
        eq(annualReports.accountId, accountId),
        eq(annualReports.year, input.year),
        eq(annualReports.status, 'ready'),
      ),
    )
    .limit(1);
  const [report] = await loadAnnualReports(db, {
    fromAccountId: accountId,
    toAccountId: accountId,
    year: input.year,
  });
  if (!report) return null;
  const fileName = `wanjia-${report.accountNumber}-${input.year}-${input.locale}.pdf`;
  if (stored?.fileKey && stored.locale === input.locale) {
    const pdf = await getFileStore().get(stored.fileKey);
    if (pdf) return { pdf, fileName };
  }
  // react-pdf loads on demand, outside the request: why in ../bills/get-bill-pdf.ts.
  const { renderReportPdf } = await runOutsideRequests(() => import('./render-report-pdf'));
  return { pdf: await renderReportPdf(report, input.locale), fileName };
}
