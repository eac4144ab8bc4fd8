import { getLocale } from '@/i18n/server';
import { toLocale } from '@/lib/locale';
import { pageNotFound } from '@/lib/page-not-found';
import { requireUser } from '@/server/auth';
import { getReceiptPdf } from '@/server/payments';

/** The receipt PDF of one of the resident's paid payments; anything else is "not found". */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ paymentId: string }> },
) {
  const actor = await requireUser();
  const { paymentId } = await params;
  const file = await getReceiptPdf({ actor, paymentId, locale: toLocale(await getLocale()) });
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
