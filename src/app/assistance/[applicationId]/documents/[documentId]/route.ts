import { parseId } from '@/components/bills/bill-dates';
import { pageNotFound } from '@/lib/page-not-found';
import { getActor } from '@/server/auth';
import { readApplicationDocument } from '@/server/assistance';

/**
 * One application document, for the applicant, the officer who filed it and reviewers only
 * (checked and audited by the domain). Everyone else gets the same "not found" page (in their
 * language, with status 404) as a missing file.
 */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ applicationId: string; documentId: string }> },
): Promise<Response> {
  const actor = await getActor();
  const raw = await params;
  const applicationId = parseId(raw.applicationId);
  const documentId = parseId(raw.documentId);
  if (!actor || applicationId === null || documentId === null) pageNotFound();
  const file = await readApplicationDocument({ actor, applicationId, documentId });
  if (!file) pageNotFound();
  const extension =
    file.contentType === 'application/pdf'
      ? 'pdf'
      : file.contentType === 'image/png'
        ? 'png'
        : 'jpg';
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': `inline; filename="document-${documentId}.${extension}"; filename*=UTF-8''${encodeURIComponent(file.originalName)}`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
