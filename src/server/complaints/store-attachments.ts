import 'server-only';
import type { TDb } from '../db';
import { complaintAttachments } from '../db/schema';
import { getFileStore } from '../files/get-file-store';
import type { TAcceptedUpload } from '../files/check-upload';

type TExecutor = Pick<TDb, 'insert'>;

/**
 * Records checked uploads against a case event and writes them to the file store under
 * `complaints/<case>/<event>-<n>.<ext>`. Every key written is pushed to `written` before the
 * write, so the caller can delete them all if anything later fails (a failed write, or the
 * transaction not committing): rows and files exist together or not at all.
 */
export async function storeAttachments(
  tx: TExecutor,
  input: {
    complaintId: number;
    eventId: number;
    uploadedByUserId: string | null;
    files: readonly TAcceptedUpload[];
    written: string[];
  },
): Promise<void> {
  if (input.files.length === 0) return;
  const keyOf = (file: TAcceptedUpload, index: number) =>
    `complaints/${input.complaintId}/${input.eventId}-${index + 1}.${file.extension}`;
  const rows = input.files.map((file, index) => ({
    complaintId: input.complaintId,
    eventId: input.eventId,
    fileKey: keyOf(file, index),
    originalName: file.name,
    contentType: file.contentType,
    sizeBytes: file.size,
    uploadedByUserId: input.uploadedByUserId,
  }));
  await tx.insert(complaintAttachments).values(rows);
  const store = getFileStore();
  for (const [index, file] of input.files.entries()) {
    const key = keyOf(file, index);
    input.written.push(key);
    await store.put(key, file.bytes);
  }
}

/** Removes files written for a transaction that did not commit. Never throws. */
export async function discardWrittenFiles(keys: readonly string[]): Promise<void> {
  const store = getFileStore();
  for (const key of keys) {
    try {
      await store.delete(key);
    } catch (error) {
      console.error(`[complaints] could not remove orphaned upload ${key}:`, error);
    }
  }
}
