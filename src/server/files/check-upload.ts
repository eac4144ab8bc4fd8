import 'server-only';

/** The document types residents may upload: photos and PDFs, recognised by their content. */
export const UPLOAD_TYPES = {
  jpg: 'image/jpeg',
  png: 'image/png',
  pdf: 'application/pdf',
} as const;
export type TUploadExtension = keyof typeof UPLOAD_TYPES;

export const DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/**
 * What the first bytes say a file is, whatever its name claims. Null for anything else
 * (an executable renamed `photo.jpg` is null).
 */
export function sniffUploadType(head: Uint8Array): TUploadExtension | null {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return 'jpg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'pdf'; // %PDF-
  return null;
}

export type TAcceptedUpload = {
  /** The person's own file name, cleaned for display (never used as a storage path). */
  name: string;
  extension: TUploadExtension;
  contentType: (typeof UPLOAD_TYPES)[TUploadExtension];
  size: number;
  bytes: Uint8Array;
};

export type TUploadError = 'too_many' | 'too_large' | 'empty' | 'type';

export type TUploadCheck =
  | { ok: true; files: TAcceptedUpload[] }
  | { ok: false; error: TUploadError; fileName?: string; limit: number };

/** A file input left empty still posts a nameless, empty part: that is "no file", not an error. */
function isBlank(file: File): boolean {
  return file.size === 0 && file.name === '';
}

export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // Drop control characters; keep letters of every script, digits, spaces and common marks.
  const cleaned = Array.from(base)
    .filter((ch) => ch >= ' ' && ch !== '\u007f')
    .join('')
    .trim();
  return (cleaned || 'file').slice(0, 120);
}

/**
 * Checks the files of one form before anything is stored: count, each file's size, and its
 * type by content. All or nothing — one bad file rejects the set, so a form never half-saves.
 * Sizes are checked before reading, so an oversized file is never read into memory.
 */
export async function checkUploads(
  entries: readonly FormDataEntryValue[],
  options: { maxFiles: number; maxBytes?: number },
): Promise<TUploadCheck> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const files = entries.filter((e): e is File => typeof e !== 'string' && !isBlank(e));
  if (files.length > options.maxFiles) {
    return { ok: false, error: 'too_many', limit: options.maxFiles };
  }
  const accepted: TAcceptedUpload[] = [];
  for (const file of files) {
    const name = cleanFileName(file.name);
    if (file.size > maxBytes)
      return { ok: false, error: 'too_large', fileName: name, limit: maxBytes };
    if (file.size === 0) return { ok: false, error: 'empty', fileName: name, limit: maxBytes };
    const bytes = new Uint8Array(await file.arrayBuffer());
    const extension = sniffUploadType(bytes.subarray(0, 16));
    if (!extension) return { ok: false, error: 'type', fileName: name, limit: maxBytes };
    accepted.push({
      name,
      extension,
      contentType: UPLOAD_TYPES[extension],
      size: bytes.length,
      bytes,
    });
  }
  return { ok: true, files: accepted };
}
