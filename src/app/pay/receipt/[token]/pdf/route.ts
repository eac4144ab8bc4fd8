import { getLocale } from '@/i18n/server';
import { toLocale } from '@/lib/locale';
import { pageNotFound } from '@/lib/page-not-found';
import { getReceiptPdf } from '@/server/payments';

/** A guest payment's receipt PDF, by its unguessable token only. */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const file = await getReceiptPdf({ receiptToken: token, locale: toLocale(await getLocale()) });
  if (!file) pageNotFound();
  return new Response(new Uint8Array(file.pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${file.fileName}"`,
      'Content-Length': String(file.pdf.length),
      'Cache-Control': 'private, no-store',
      'Referrer-Policy': 'no-referrer',
    },
  });
}
