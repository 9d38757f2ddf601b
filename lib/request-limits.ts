/** The largest body of a server action request: an import of 10,000 mapped CSV rows fits. */
export const serverActionBodyLimitMb = 8;
