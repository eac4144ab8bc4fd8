import { describe, expect, it } from 'vitest';
import { checkUploads, cleanFileName, sniffUploadType } from './check-upload';

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
const PDF = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n');
const ELF = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);
const EXE = new TextEncoder().encode('MZ\x90\x00\x03\x00\x00\x00');

const file = (bytes: Uint8Array, name: string, type = 'application/octet-stream') =>
  new File([bytes as BlobPart], name, { type });

describe('sniffUploadType', () => {
  it('knows jpg, png and pdf by their first bytes', () => {
    expect(sniffUploadType(JPEG)).toBe('jpg');
    expect(sniffUploadType(PNG)).toBe('png');
    expect(sniffUploadType(PDF)).toBe('pdf');
  });
  it('refuses everything else, including truncated signatures', () => {
    expect(sniffUploadType(ELF)).toBeNull();
    expect(sniffUploadType(EXE)).toBeNull();
    expect(sniffUploadType(PNG.subarray(0, 4))).toBeNull();
    expect(sniffUploadType(new Uint8Array())).toBeNull();
  });
});

describe('checkUploads', () => {
  it('accepts a photo and a pdf, typed by content whatever the name says', async () => {
    const result = await checkUploads(
      [file(JPEG, 'IMG_0001.JPG', 'image/jpeg'), file(PDF, 'scan.png', 'image/png')],
      { maxFiles: 5 },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.files.map((f) => [f.name, f.extension, f.contentType])).toEqual([
      ['IMG_0001.JPG', 'jpg', 'image/jpeg'],
      ['scan.png', 'pdf', 'application/pdf'],
    ]);
  });

  it('refuses a renamed executable, naming the file', async () => {
    const result = await checkUploads([file(JPEG, 'a.jpg'), file(EXE, 'photo.jpg', 'image/jpeg')], {
      maxFiles: 5,
    });
    expect(result).toMatchObject({ ok: false, error: 'type', fileName: 'photo.jpg' });
  });

  it('refuses a file over the size limit without reading it', async () => {
    const big = file(new Uint8Array(2048).fill(0xff), 'big.jpg');
    expect(await checkUploads([big], { maxFiles: 5, maxBytes: 1024 })).toMatchObject({
      ok: false,
      error: 'too_large',
      limit: 1024,
    });
  });

  it('refuses more files than allowed', async () => {
    const six = Array.from({ length: 6 }, (_, i) => file(PNG, `${i}.png`));
    expect(await checkUploads(six, { maxFiles: 5 })).toMatchObject({
      ok: false,
      error: 'too_many',
    });
  });

  it('treats an empty file input as no file, but a named empty file as an error', async () => {
    expect(await checkUploads([file(new Uint8Array(), ''), 'text'], { maxFiles: 5 })).toEqual({
      ok: true,
      files: [],
    });
    expect(await checkUploads([file(new Uint8Array(), 'x.pdf')], { maxFiles: 5 })).toMatchObject({
      ok: false,
      error: 'empty',
    });
  });
});

describe('cleanFileName', () => {
  it('keeps the base name and drops control characters', () => {
    expect(cleanFileName('C:\\Users\\王\\电费 单.pdf')).toBe('电费 单.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('a\u0000b\u001f.png')).toBe('ab.png');
    expect(cleanFileName('   ')).toBe('file');
  });
});
