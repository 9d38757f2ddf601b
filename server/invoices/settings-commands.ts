import 'server-only';
import { z } from 'zod';
import { companyLogos } from '@/db/schema';
import {
  companyDetailsSchema,
  defaultCompanyDetails,
  defaultInvoiceSettings,
  invoiceSettingsSchema,
  maxLogoBytes,
} from '@/lib/validation/invoices';
import { defineAction } from '@/server/action';
import { conflict } from '@/server/errors';
import { writeSetting } from '@/server/settings/commands';
import { companyDetailsKey, invoiceSettingsKey } from './settings';

export const saveInvoiceSettingsCommand = defineAction({
  schema: invoiceSettingsSchema,
  permission: 'settings.manage',
  async run(input, context) {
    await writeSetting(context, invoiceSettingsKey, input, defaultInvoiceSettings, (s) => s);
    return input;
  },
});

export const saveCompanyDetailsCommand = defineAction({
  schema: companyDetailsSchema,
  permission: 'settings.manage',
  async run(input, context) {
    await writeSetting(context, companyDetailsKey, input, defaultCompanyDetails, (s) => s);
    return input;
  },
});

/** The image types a logo may be, known by their first bytes (the file's name and type are claims). */
const logoSignatures: { mediaType: string; matches: (bytes: Buffer) => boolean }[] = [
  {
    mediaType: 'image/png',
    matches: (bytes) =>
      bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  {
    mediaType: 'image/jpeg',
    matches: (bytes) => bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff,
  },
];

/** The sniffed type of a logo's bytes, or null when they are not a PNG or JPEG image. */
export function sniffLogoType(bytes: Buffer) {
  return logoSignatures.find((signature) => signature.matches(bytes))?.mediaType ?? null;
}

export const saveCompanyLogoCommand = defineAction({
  schema: z.object({ logo: z.base64('The logo could not be read.') }),
  permission: 'settings.manage',
  async run(input, { tx, user, audit }) {
    const bytes = Buffer.from(input.logo, 'base64');
    if (bytes.length === 0)
      throw conflict('Choose an image file.', { logo: ['The file is empty.'] });
    if (bytes.length > maxLogoBytes) {
      throw conflict('Choose a smaller image.', {
        logo: [`The logo can be at most ${maxLogoBytes / 1024} KB.`],
      });
    }
    const mediaType = sniffLogoType(bytes);
    if (!mediaType) {
      throw conflict('Choose a PNG or JPEG image.', {
        logo: ['This file is not a PNG or JPEG image.'],
      });
    }
    await tx
      .insert(companyLogos)
      .values({ id: 1, mediaType, bytes, updatedById: user.id })
      .onConflictDoUpdate({
        target: companyLogos.id,
        set: { mediaType, bytes, updatedById: user.id, updatedAt: new Date() },
      });
    await audit({
      action: 'settings.updated',
      entityType: 'setting',
      entityId: 'invoices.logo',
      after: { mediaType, size: bytes.length },
    });
    return { mediaType };
  },
});
