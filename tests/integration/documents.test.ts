import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { documents, settings } from '@/db/schema';
import { executeAction } from '@/server/action';
import type { CurrentUser } from '@/server/auth/session';
import {
  deleteDocumentCommand,
  purgeDocumentCommand,
  storeGeneratedDocument,
} from '@/server/documents/commands';
import { documentResponse } from '@/server/documents/download';
import { findDownloadableDocument, listRecordDocuments } from '@/server/documents/queries';
import { fileStorage } from '@/server/documents/storage';
import { createClientRecord, setVisibility } from '../support/client-factories';
import { createDealRecord } from '../support/deal-factories';
import { executableBytes, pdfBytes, upload, uploaded } from '../support/document-factories';
import { auditEntriesFor, createActor, expectOk } from '../support/factories';

let coordinator: CurrentUser;
let executive: CurrentUser;
let manager: CurrentUser;
let clientId: string;

beforeAll(async () => {
  [coordinator, executive, manager] = await Promise.all([
    createActor('coordinator'),
    createActor('executive'),
    createActor('manager'),
  ]);
});

beforeEach(async () => {
  await setVisibility('open');
  await db.delete(settings).where(eq(settings.key, 'documents.uploads'));
  clientId = (await createClientRecord({ ownerId: executive.id, coordinatorId: coordinator.id }))
    .id;
});

async function bodyOf(response: Response) {
  return Buffer.from(await response.arrayBuffer());
}

describe('uploads', () => {
  it('stores a file under a random key with its sniffed type, size and SHA-256, and audits it', async () => {
    const file = uploaded(
      await upload(
        coordinator,
        { recordKind: 'client', recordId: clientId },
        'Brief «v1».pdf',
        pdfBytes,
      ),
    );
    const [row] = await db.select().from(documents).where(eq(documents.id, file.id));
    expect(row).toMatchObject({
      name: 'Brief «v1».pdf',
      mediaType: 'application/pdf',
      sizeBytes: pdfBytes.length,
      clientId,
      uploadedById: coordinator.id,
      versionNumber: 1,
      fileId: file.id,
    });
    expect(row?.sha256).toBe(
      (await import('node:crypto')).createHash('sha256').update(pdfBytes).digest('hex'),
    );
    expect(row?.storageKey).not.toContain('Brief');
    expect((await auditEntriesFor(file.id)).map((entry) => entry.action)).toEqual([
      'document.uploaded',
    ]);
    const response = await documentResponse(coordinator, file.id, false);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="Brief v1.pdf"; filename*=UTF-8''Brief%20%C2%ABv1%C2%BB.pdf`,
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(await bodyOf(response)).toEqual(pdfBytes);
  });

  it('takes CSV and plain text, which have no magic bytes, by their content', async () => {
    const target = { recordKind: 'client', recordId: clientId } as const;
    const csv = uploaded(await upload(executive, target, 'totals.csv', Buffer.from('a,b\n1,2\n')));
    const text = uploaded(await upload(executive, target, 'notes.txt', Buffer.from('Grüße\n')));
    const rows = await db.select().from(documents).where(eq(documents.clientId, clientId));
    expect(Object.fromEntries(rows.map((row) => [row.id, row.mediaType]))).toEqual({
      [csv.id]: 'text/csv',
      [text.id]: 'text/plain',
    });
  });

  it('refuses an executable renamed .pdf, an empty file and one over the cap, keeping nothing', async () => {
    const target = { recordKind: 'client', recordId: clientId } as const;
    const executable = await upload(coordinator, target, 'invoice.pdf', executableBytes);
    expect(executable.status).toBe(415);
    expect(executable.body).toMatchObject({
      ok: false,
      error: expect.stringContaining('invoice.pdf'),
    });
    const empty = await upload(coordinator, target, 'empty.pdf', Buffer.alloc(0));
    expect(empty).toMatchObject({ status: 400, body: { error: '“empty.pdf” is empty.' } });
    await db.insert(settings).values({ key: 'documents.uploads', value: { maxUploadMb: 1 } });
    const large = await upload(
      coordinator,
      target,
      'big.pdf',
      Buffer.concat([pdfBytes, Buffer.alloc(1024 * 1024)]),
    );
    expect(large.status).toBe(413);
    expect(large.body).toMatchObject({ error: expect.stringContaining('larger than 1 MB') });
    expect(await db.select().from(documents).where(eq(documents.clientId, clientId))).toEqual([]);
  });

  it('refuses a record the uploader may not see as not found, before storing anything', async () => {
    await setVisibility('assigned');
    const other = await createClientRecord();
    const answer = await upload(
      coordinator,
      { recordKind: 'client', recordId: other.id },
      'a.pdf',
      pdfBytes,
    );
    expect(answer.status).toBe(404);
    const missingDeal = await upload(
      coordinator,
      { recordKind: 'deal', recordId: '00000000-0000-4000-8000-000000000000' },
      'a.pdf',
      pdfBytes,
    );
    expect(missingDeal.status).toBe(404);
  });

  it('keeps older versions when a new version is uploaded', async () => {
    const deal = await createDealRecord(clientId);
    const target = { recordKind: 'deal', recordId: deal.id } as const;
    const first = uploaded(await upload(coordinator, target, 'plan.txt', Buffer.from('one')));
    const second = uploaded(
      await upload(
        executive,
        { ...target, replacesFileId: first.fileId },
        'plan.txt',
        Buffer.from('two'),
      ),
    );
    expect(second).toMatchObject({ fileId: first.fileId, versionNumber: 2 });
    const [file] = await listRecordDocuments(coordinator, 'deal', deal.id);
    expect(file).toMatchObject({ id: second.id, versionNumber: 2, canDelete: true });
    expect(file?.older.map((version) => version.id)).toEqual([first.id]);
    expect(await bodyOf(await documentResponse(coordinator, first.id, false))).toEqual(
      Buffer.from('one'),
    );
  });
});

describe('downloads and visibility', () => {
  it('refuses another team’s file under assigned visibility, and serves it to managers', async () => {
    const file = uploaded(
      await upload(manager, { recordKind: 'client', recordId: clientId }, 'a.pdf', pdfBytes),
    );
    const outsider = await createActor('coordinator');
    await setVisibility('assigned');
    expect(await findDownloadableDocument(outsider, file.id)).toBeNull();
    expect((await documentResponse(outsider, file.id, false)).status).toBe(404);
    expect((await documentResponse(coordinator, file.id, false)).status).toBe(200);
    expect((await documentResponse(manager, file.id, false)).status).toBe(200);
    await setVisibility('open');
    expect((await documentResponse(outsider, file.id, false)).status).toBe(200);
  });

  it('previews PDFs and images inline under a policy that runs nothing, and never text', async () => {
    const target = { recordKind: 'client', recordId: clientId } as const;
    const pdf = uploaded(await upload(coordinator, target, 'a.pdf', pdfBytes));
    const text = uploaded(await upload(coordinator, target, 'a.txt', Buffer.from('<script>')));
    const inline = await documentResponse(coordinator, pdf.id, true);
    expect(inline.headers.get('content-disposition')).toMatch(/^inline;/);
    expect(inline.headers.get('content-security-policy')).toContain("default-src 'none'");
    const download = await documentResponse(coordinator, text.id, true);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(download.headers.get('content-security-policy')).toContain('sandbox');
  });
});

describe('ranges, as a video player seeks', () => {
  it('answers one range 206 with just its bytes, a range past the end 416, and no range whole', async () => {
    const file = uploaded(
      await upload(coordinator, { recordKind: 'client', recordId: clientId }, 'cut.pdf', pdfBytes),
    );
    const size = pdfBytes.length;
    const part = await documentResponse(coordinator, file.id, true, 'bytes=2-9');
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 2-9/${size}`);
    expect(part.headers.get('content-length')).toBe('8');
    expect(part.headers.get('accept-ranges')).toBe('bytes');
    expect(part.headers.get('content-disposition')).toMatch(/^inline/);
    expect(await bodyOf(part)).toEqual(pdfBytes.subarray(2, 10));

    const tail = await documentResponse(coordinator, file.id, false, 'bytes=-5');
    expect(tail.status).toBe(206);
    expect(tail.headers.get('content-range')).toBe(`bytes ${size - 5}-${size - 1}/${size}`);
    expect(await bodyOf(tail)).toEqual(pdfBytes.subarray(size - 5));

    const open = await documentResponse(coordinator, file.id, false, `bytes=${size - 3}-`);
    expect(open.status).toBe(206);
    expect(await bodyOf(open)).toEqual(pdfBytes.subarray(size - 3));

    const past = await documentResponse(coordinator, file.id, false, `bytes=${size}-${size + 10}`);
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${size}`);

    // Whole: no Range, one that cannot be read, another unit, or several ranges.
    for (const header of [null, 'bytes=oops', 'items=0-1', 'bytes=0-1,5-6']) {
      const whole = await documentResponse(coordinator, file.id, false, header);
      expect(whole.status).toBe(200);
      expect(whole.headers.get('accept-ranges')).toBe('bytes');
      expect(whole.headers.get('content-range')).toBeNull();
      expect(await bodyOf(whole)).toEqual(pdfBytes);
    }
  });

  it('refuses a range of a file the viewer may not see as not found', async () => {
    const file = uploaded(
      await upload(
        coordinator,
        { recordKind: 'client', recordId: clientId },
        'hidden.pdf',
        pdfBytes,
      ),
    );
    const outsider = await createActor('coordinator');
    await setVisibility('assigned');
    expect((await documentResponse(outsider, file.id, false, 'bytes=0-3')).status).toBe(404);
    expect((await documentResponse(manager, file.id, false, 'bytes=0-3')).status).toBe(206);
  });
});

describe('delete and purge', () => {
  it('lets the uploader or a manager delete a file, not another user', async () => {
    const target = { recordKind: 'client', recordId: clientId } as const;
    const file = uploaded(await upload(coordinator, target, 'a.txt', Buffer.from('a')));
    const refused = await executeAction(deleteDocumentCommand, executive, { fileId: file.fileId });
    expect(refused).toMatchObject({ ok: false, code: 'forbidden' });
    expectOk(await executeAction(deleteDocumentCommand, coordinator, { fileId: file.fileId }));
    expect(await findDownloadableDocument(coordinator, file.id)).toBeNull();
    expect(await listRecordDocuments(coordinator, 'client', clientId)).toEqual([]);
    const other = uploaded(await upload(executive, target, 'b.txt', Buffer.from('b')));
    expectOk(await executeAction(deleteDocumentCommand, manager, { fileId: other.fileId }));
  });

  it('lets only managers purge, only a deleted file, removing its bytes', async () => {
    const target = { recordKind: 'client', recordId: clientId } as const;
    const file = uploaded(await upload(coordinator, target, 'a.txt', Buffer.from('a')));
    expect(
      await executeAction(purgeDocumentCommand, manager, { fileId: file.fileId }),
    ).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    expectOk(await executeAction(deleteDocumentCommand, coordinator, { fileId: file.fileId }));
    const [row] = await db.select().from(documents).where(eq(documents.id, file.id));
    for (const actor of [coordinator, executive]) {
      expect(
        await executeAction(purgeDocumentCommand, actor, { fileId: file.fileId }),
      ).toMatchObject({
        ok: false,
        code: 'forbidden',
      });
    }
    const [listed] = await listRecordDocuments(manager, 'client', clientId);
    expect(listed).toMatchObject({ deleted: true, canPurge: true });
    expectOk(await executeAction(purgeDocumentCommand, manager, { fileId: file.fileId }));
    expect(await db.select().from(documents).where(eq(documents.id, file.id))).toEqual([]);
    await expect(fileStorage().read(row!.storageKey)).rejects.toThrow();
  });
});

describe('storeGeneratedDocument', () => {
  it('files generated bytes on a record inside the caller’s action', async () => {
    const csv = Buffer.from('Client,Balance\nAcme,10.00\n');
    const fileAging = {
      schema: (await import('zod')).z.object({ clientId: (await import('zod')).z.uuid() }),
      permission: 'clients.read' as const,
      run: (input: { clientId: string }, context: Parameters<typeof storeGeneratedDocument>[0]) =>
        storeGeneratedDocument(context, {
          recordKind: 'client',
          recordId: input.clientId,
          name: 'Aging 2026-12-01.csv',
          bytes: csv,
        }),
    };
    const filed = expectOk(await executeAction(fileAging, coordinator, { clientId }));
    const response = await documentResponse(coordinator, filed.id, false);
    expect(response.headers.get('content-type')).toBe('text/csv');
    expect(await bodyOf(response)).toEqual(csv);
    await setVisibility('assigned');
    const hidden = await createClientRecord();
    expect(await executeAction(fileAging, coordinator, { clientId: hidden.id })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
  });
});
