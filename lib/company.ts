/** The company name on the documents Accord produces (the PDF header); not a setting yet. */
export const companyName = 'Accord';
