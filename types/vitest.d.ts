import 'vitest';

// What tests/support/global-setup.ts provides to every test file.
declare module 'vitest' {
  export interface ProvidedContext {
    databaseAdminUrl: string;
    templateDatabase: string;
  }
}
