import { describe, expect, it } from 'vitest';
import { formatFileSize, isPreviewable } from '@/lib/documents';
import { fileNameSchema, uploadTargetSchema } from '@/lib/validation/documents';
import { sniffMediaType } from '@/server/documents/sniff';
import { executableBytes, pdfBytes } from '../support/document-factories';

const pngBytes = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

describe('content sniffing', () => {
  it('names the type from the bytes, never the file name', async () => {
    expect(await sniffMediaType(pdfBytes, 'photo.png')).toBe('application/pdf');
    expect(await sniffMediaType(pngBytes, 'report.pdf')).toBe('image/png');
  });

  it('refuses a program whatever it is called', async () => {
    expect(await sniffMediaType(executableBytes, 'invoice.pdf')).toBeNull();
    expect(await sniffMediaType(Buffer.from('\x7fELF\x02\x01\x01\0'), 'notes.txt')).toBeNull();
  });

  it('takes UTF-8 text as plain text or CSV by its extension, and refuses binary noise', async () => {
    expect(await sniffMediaType(Buffer.from('name,total\nÅsa,3\n'), 'export.CSV')).toBe('text/csv');
    expect(await sniffMediaType(Buffer.from('Привет\n'), 'hello')).toBe('text/plain');
    expect(await sniffMediaType(Buffer.from([0, 1, 2, 3, 250, 251]), 'data.txt')).toBeNull();
  });
});

describe('upload input', () => {
  it('cleans a file name of path separators and control characters', () => {
    expect(fileNameSchema.parse('../..\\secret\u0000.pdf')).toBe('....secret.pdf');
    expect(fileNameSchema.safeParse('/').success).toBe(false);
  });

  it('accepts only known record kinds', () => {
    const recordId = '6f1d2a4e-7b2c-4c1a-9e3f-1a2b3c4d5e6f';
    expect(uploadTargetSchema.safeParse({ recordKind: 'contract', recordId }).success).toBe(true);
    expect(uploadTargetSchema.safeParse({ recordKind: 'users', recordId }).success).toBe(false);
  });
});

describe('file facts', () => {
  it('previews PDFs and common images only', () => {
    expect(isPreviewable('application/pdf')).toBe(true);
    expect(isPreviewable('image/png')).toBe(true);
    expect(isPreviewable('image/svg+xml')).toBe(false);
    expect(isPreviewable('text/plain')).toBe(false);
  });

  it('writes sizes in the viewer’s number format', () => {
    expect(formatFileSize(80, 'en-US')).toBe('80 bytes');
    expect(formatFileSize(1536, 'en-US')).toBe('2 KB');
    expect(formatFileSize(2.5 * 1024 * 1024, 'de-DE')).toBe('2,5 MB');
  });
});
