import { redirect } from 'next/navigation';
import { getTranslations } from '@/i18n/server';
import { z } from 'zod';
import { pageNotFound } from '@/lib/page-not-found';
import { requireUser } from '@/server/auth';
import { getUsageExport, parseMonth, renderGreenButtonXml, renderUsageCsv } from '@/server/usage';

const ZUsageExportQuerySchema = z.object({
  format: z.enum(['csv', 'xml']).catch('csv'),
  from: z.string().max(10).default(''),
  to: z.string().max(10).default(''),
});

/**
 * GET /accounts/[accountId]/usage/export?format=csv|xml&from=YYYY-MM&to=YYYY-MM — the monthly
 * usage of one of the signed-in resident's accounts as a download. A foreign account is "not
 * found"; a bad month or range goes back to the usage page with the error next to its field.
 */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ accountId: string }> },
): Promise<Response> {
  const actor = await requireUser();
  const rawId = (await params).accountId;
  if (!/^\d{1,9}$/.test(rawId)) pageNotFound();
  const accountId = Number(rawId);
  const url = new URL(request.url);
  const query = ZUsageExportQuerySchema.parse(Object.fromEntries(url.searchParams));
  const from = parseMonth(query.from);
  const to = parseMonth(query.to);
  const back: (error: string) => never = (error) =>
    redirect(
      `/accounts/${accountId}/usage?${new URLSearchParams({ exportError: error, from: query.from, to: query.to }).toString()}#export`,
    );
  if (!from) back('from');
  if (!to) back('to');

  const result = await getUsageExport({ actor, accountId, from, to });
  if (!result.ok) {
    if (result.error === 'not_found') pageNotFound();
    back('range');
  }
  const { usageExport } = result;
  const t = await getTranslations('usage');
  const name = `usage-${usageExport.account.accountNumber}-${usageExport.from.slice(0, 7)}-${usageExport.to.slice(0, 7)}`;
  const headers = { 'Cache-Control': 'private, no-store' };

  if (query.format === 'xml') {
    const xml = renderGreenButtonXml(usageExport, {
      baseUrl: url.origin,
      title: t('export.feedTitle', {
        utility: usageExport.account.utility,
        number: usageExport.account.accountNumber,
      }),
    });
    return new Response(xml, {
      headers: {
        ...headers,
        'Content-Type': 'application/atom+xml; charset=utf-8',
        'Content-Disposition': `attachment; filename="${name}.xml"`,
      },
    });
  }
  const csv = renderUsageCsv(usageExport, {
    header: {
      month: t('export.csvHeader.month'),
      usage: t('export.csvHeader.usage'),
      unit: t('export.csvHeader.unit'),
      status: t('export.csvHeader.status'),
      readOn: t('export.csvHeader.readOn'),
    },
    status: {
      actual: t('status.actual'),
      estimated: t('status.estimated'),
      customer: t('status.customer'),
    },
  });
  return new Response(csv, {
    headers: {
      ...headers,
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}.csv"`,
    },
  });
}
