import { getLocale } from '@/i18n/server';
import { parseId } from '@/components/bills/bill-dates';
import { toLocale } from '@/lib/locale';
import { pageNotFound } from '@/lib/page-not-found';
import { requireUser } from '@/server/auth';
import { getBillPdf } from '@/server/bills';

/**
 * The PDF bill, in the language the resident chose (locale cookie). Someone else's bill, or
 * one that does not exist, gets the same "not found" page as the bill page.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ billId: string }> }) {
  const actor = await requireUser();
  const billId = parseId((await params).billId);
  if (billId === null) pageNotFound();
  const file = await getBillPdf({ actor, billId, locale: toLocale(await getLocale()) });
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
