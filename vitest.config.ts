import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: {
      '@': root,
      'server-only': path.join(root, 'tests/support/empty.ts'),
    },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    setupFiles: ['tests/support/database.ts'],
    // What next.config's experimental.authInterrupts sets for the app, so forbidden() works here too.
    env: { __NEXT_EXPERIMENTAL_AUTH_INTERRUPTS: 'true' },
    pool: 'forks',
    // next-auth imports `next/server` without an extension, which Node's ESM loader refuses.
    server: { deps: { inline: ['next-auth'] } },
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
