import { crc32, deflateSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { companyLogos } from '@/db/schema';
import { defaultLocale, formatMoney } from '@/lib/format';
import { roles } from '@/lib/roles';
import { executeAction } from '@/server/action';
import type { CurrentUser } from '@/server/auth/session';
import { issueInvoiceCommand } from '@/server/invoices/commands';
import { invoicePdf } from '@/server/invoices/pdf';
import { saveCompanyLogoCommand } from '@/server/invoices/settings-commands';
import { createClientRecord } from '../support/client-factories';
import { auditEntriesFor, createActor, expectOk } from '../support/factories';
import { draftInvoice, invoiceLine, readInvoice } from '../support/invoice-factories';
import { pdfText } from '../support/pdf-text';

function pngChunk(type: string, data: Buffer) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real 2×2 RGB PNG, small enough for any cap. */
function tinyPng() {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.from([0, 255, 0, 0, 0, 0, 255, 0, 0, 255, 0, 255, 255, 255]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

const logoInput = (bytes: Buffer) => ({ logo: bytes.toString('base64') });
// An image XObject is what pdfkit writes for a picture drawn on the page.
const hasImage = (pdf: Buffer) => /\/Subtype \/Image/.test(pdf.toString('latin1'));

let manager: CurrentUser;

beforeAll(async () => {
  manager = await createActor('manager');
  await db.delete(companyLogos);
});

describe('the company logo in Settings', () => {
  it('is stored with its sniffed type by a manager, audited, and drawn on the invoice PDF', async () => {
    const client = await createClientRecord();
    const draft = await draftInvoice(manager, client.id);
    expect(hasImage((await invoicePdf(manager, draft.id)).content)).toBe(false);

    const png = tinyPng();
    // The bytes decide the type, not a name or a claimed type.
    expect(expectOk(await executeAction(saveCompanyLogoCommand, manager, logoInput(png)))).toEqual({
      mediaType: 'image/png',
    });
    const [stored] = await db.select().from(companyLogos);
    expect(stored?.mediaType).toBe('image/png');
    expect(Buffer.from(stored!.bytes).equals(png)).toBe(true);
    expect((await auditEntriesFor('invoices.logo')).map((entry) => entry.action)).toContain(
      'settings.updated',
    );
    expect(hasImage((await invoicePdf(manager, draft.id)).content)).toBe(true);
  });

  it('refuses what is not a PNG or JPEG, or is empty, and keeps the logo it had', async () => {
    const before = await db.select().from(companyLogos);
    const executable = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0x90)]);
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00', 'latin1');
    for (const bytes of [executable, gif]) {
      expect(await executeAction(saveCompanyLogoCommand, manager, logoInput(bytes))).toMatchObject({
        ok: false,
        fieldErrors: { logo: ['This file is not a PNG or JPEG image.'] },
      });
    }
    expect(await executeAction(saveCompanyLogoCommand, manager, { logo: '' })).toMatchObject({
      ok: false,
    });
    expect(await db.select().from(companyLogos)).toEqual(before);
  });

  it('is for managers only', async () => {
    for (const role of roles.filter((each) => each !== 'manager')) {
      const actor = await createActor(role);
      expect(
        await executeAction(saveCompanyLogoCommand, actor, logoInput(tinyPng())),
      ).toMatchObject({ ok: false, code: 'forbidden' });
    }
    const [stored] = await db
      .select({ updatedById: companyLogos.updatedById })
      .from(companyLogos)
      .where(eq(companyLogos.id, 1));
    expect(stored?.updatedById).toBe(manager.id);
  });
});

describe('the invoice PDF', () => {
  it('carries the number, the client, every line and the totals, in Latin, Cyrillic and Greek', async () => {
    const client = await createClientRecord({
      name: 'Łódź Tiếng Việt Клиент',
      billingAddress: 'Καλαμάτα 12, Αθήνα',
    });
    const draft = await draftInvoice(manager, client.id, [
      invoiceLine({ description: 'Стратегия кампании', quantity: '2', unitPrice: '500.00' }),
      invoiceLine({ description: 'Έρευνα αγοράς report', quantity: '1.5', unitPrice: '120.00' }),
    ]);
    expectOk(
      await executeAction(issueInvoiceCommand, manager, { id: draft.id, version: draft.version }),
    );
    const invoice = await readInvoice(draft.id);
    const pdf = await invoicePdf(manager, invoice.id);
    expect(pdf.fileName).toBe(`${invoice.number}.pdf`);
    const text = pdfText(pdf.content);
    const money = (cents: number) => formatMoney(cents, invoice.currency, defaultLocale);
    expect(text).toContain(`Invoice ${invoice.number}`);
    expect(text).toContain('Łódź Tiếng Việt Клиент');
    expect(text).toContain('Καλαμάτα 12, Αθήνα');
    expect(text).toContain('Стратегия кампании');
    expect(text).toContain('Έρευνα αγοράς report');
    expect(text).toContain(`Subtotal${money(invoice.subtotalCents)}`);
    expect(text).toContain(`Tax${money(invoice.taxCents)}`);
    expect(text).toContain(`Total${money(invoice.totalCents)}`);
    expect(invoice.totalCents).toBeGreaterThan(invoice.subtotalCents);
  });
});
