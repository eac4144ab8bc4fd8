import { pageNotFound } from '@/lib/page-not-found';
import { getActor } from '@/server/auth';
import { getComplaintAttachment } from '@/server/complaints';

/**
 * An attachment, only for the person who filed the case and for staff who handle cases.
 * Served as a download with its sniffed type and `nosniff`, never inline HTML. Everyone else,
 * and a missing file, get the same "not found" page (in their language, status 404).
 */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ complaintId: string; attachmentId: string }> },
) {
  const actor = await getActor();
  if (!actor) pageNotFound();
  const { complaintId, attachmentId } = await params;
  const ids = [complaintId, attachmentId].map((v) => (/^\d{1,9}$/.test(v) ? Number(v) : null));
  if (ids[0] == null || ids[1] == null) pageNotFound();
  const file = await getComplaintAttachment({ actor, complaintId: ids[0], attachmentId: ids[1] });
  if (!file) pageNotFound();
  const inline = file.contentType.startsWith('image/') || file.contentType === 'application/pdf';
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      'Content-Type': file.contentType,
      'Content-Length': String(file.bytes.length),
      'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
