/** The agency's name on what clients see (share links, PDFs) until a company setting exists. */
export const companyName = process.env.NEXT_PUBLIC_COMPANY_NAME ?? 'Accord Agency';
