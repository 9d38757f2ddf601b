'use server';

import { redirect } from 'next/navigation';
import { formDataToObject } from '@/lib/form-data';
import type { ActionResult } from '@/lib/action-result';
import { performAction, toFormAction } from '@/server/action';
import {
  createCreditNoteCommand,
  createInvoiceCommand,
  createInvoiceFromContractCommand,
  issueInvoiceCommand,
  recordPaymentCommand,
  updateInvoiceDraftCommand,
  voidInvoiceCommand,
} from './commands';
import {
  saveCompanyDetailsCommand,
  saveCompanyLogoCommand,
  saveInvoiceSettingsCommand,
} from './settings-commands';

const invoicePages = ['/invoices', '/invoices/[id]', '/invoices/aging', '/clients/[id]'];

/** Drafts an invoice for the client and opens it. */
export async function createInvoice(
  _previous: ActionResult<{ id: string }> | null,
  formData: FormData,
) {
  const result = await performAction(
    createInvoiceCommand,
    formDataToObject(formData),
    invoicePages,
  );
  if (result.ok) redirect(`/invoices/${result.data.id}`);
  return result;
}

/** Drafts an invoice from a signed or active contract and opens it. */
export async function createInvoiceFromContract(
  _previous: ActionResult<{ id: string }> | null,
  formData: FormData,
) {
  const result = await performAction(createInvoiceFromContractCommand, formDataToObject(formData), [
    ...invoicePages,
    '/contracts/[id]',
  ]);
  if (result.ok) redirect(`/invoices/${result.data.id}`);
  return result;
}

export const updateInvoiceDraft = toFormAction(updateInvoiceDraftCommand, invoicePages);
export const issueInvoice = toFormAction(issueInvoiceCommand, invoicePages);
export const voidInvoice = toFormAction(voidInvoiceCommand, invoicePages);
export const createCreditNote = toFormAction(createCreditNoteCommand, invoicePages);
export const recordPayment = toFormAction(recordPaymentCommand, invoicePages);

export const saveInvoiceSettings = toFormAction(saveInvoiceSettingsCommand, ['/admin/settings']);
export const saveCompanyDetails = toFormAction(saveCompanyDetailsCommand, ['/admin/settings']);

/** The logo arrives as a file; the command gets its bytes as base64 so the schema can check them. */
export async function saveCompanyLogo(
  _previous: ActionResult<{ mediaType: string }> | null,
  formData: FormData,
) {
  const file = formData.get('logo');
  const bytes = file instanceof File ? Buffer.from(await file.arrayBuffer()) : Buffer.alloc(0);
  return performAction(saveCompanyLogoCommand, { logo: bytes.toString('base64') }, [
    '/admin/settings',
  ]);
}
