import { getLocale } from '@/i18n/server';
import { toLocale } from '@/lib/locale';
import { pageNotFound } from '@/lib/page-not-found';
import { requireUser } from '@/server/auth';
import { getReportPdf } from '@/server/reports';
import { parseAccountId, parseYear } from '../../parse-report-params';

type TContext = { params: Promise<{ accountId: string; year: string }> };

/**
 * The annual report as a PDF download, in the language the resident chose (locale cookie).
 * A foreign or unknown account gets the same "not found" page as the report page.
 */
export async function GET(_request: Request, { params }: TContext) {
  const actor = await requireUser();
  const raw = await params;
  const accountId = parseAccountId(raw.accountId);
  const year = parseYear(raw.year);
  if (accountId === null || year === null) pageNotFound();
  const file = await getReportPdf({ actor, accountId, year, locale: toLocale(await getLocale()) });
  if (!file) pageNotFound();
  return new Response(new Uint8Array(file.pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${file.fileName}"`,
      'Content-Length': String(file.pdf.length),
      'Cache-Control': 'private, no-store',
    },
  });
}
