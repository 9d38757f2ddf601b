import 'server-only';
import { eq } from 'drizzle-orm';
import { cache } from 'react';
import { db, type Executor } from '@/db/client';
import { companyLogos, settings } from '@/db/schema';
import {
  defaultCompanyDetails,
  defaultInvoiceSettings,
  type CompanyDetails,
  type InvoiceSettings,
} from '@/lib/validation/invoices';

export const invoiceSettingsKey = 'invoices.billing';
export const companyDetailsKey = 'invoices.company';

async function readSetting<T extends object>(executor: Executor, key: string, fallback: T) {
  const [row] = await executor
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, key))
    .limit(1);
  return { ...fallback, ...(row?.value as Partial<T> | undefined) };
}

/** Tax rates, prices and rounding, prefixes and payment terms, read with `executor`. */
export function readInvoiceSettings(executor: Executor): Promise<InvoiceSettings> {
  return readSetting(executor, invoiceSettingsKey, defaultInvoiceSettings);
}

/** The company's name, address, tax id and bank details printed on invoices. */
export function readCompanyDetails(executor: Executor): Promise<CompanyDetails> {
  return readSetting(executor, companyDetailsKey, defaultCompanyDetails);
}

export const getInvoiceSettings = cache(() => readInvoiceSettings(db));
export const getCompanyDetails = cache(() => readCompanyDetails(db));

/** The logo's bytes and type, or null when none was uploaded. */
export async function readCompanyLogo(executor: Executor) {
  const [logo] = await executor
    .select({ mediaType: companyLogos.mediaType, bytes: companyLogos.bytes })
    .from(companyLogos)
    .where(eq(companyLogos.id, 1));
  return logo ?? null;
}

/** Whether a logo was uploaded, for the settings card. */
export const hasCompanyLogo = cache(async () => Boolean(await readCompanyLogo(db)));
