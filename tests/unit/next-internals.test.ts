import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { echoedValues, formDataToObject } from '@/lib/form-data';

// Accord relies on three things Next.js and the React it bundles do without a public API. Each
// test here fails when an upgrade changes one of them, so the code that relies on it is revisited.
const require = createRequire(import.meta.url);
const nextSource = (path: string) => readFileSync(require.resolve(`next/dist/${path}`), 'utf8');

describe('the Next.js internals Accord relies on', () => {
  it('still reads __NEXT_PRIVATE_ORIGIN for server-action redirects, as scripts/start.ts sets it', () => {
    const actionHandler = nextSource('server/app-render/action-handler.js');
    expect(actionHandler).toContain('let origin = process.env.__NEXT_PRIVATE_ORIGIN;');
    expect(nextSource('server/lib/start-server.js')).toContain(
      'process.env.__NEXT_PRIVATE_ORIGIN = appUrl;',
    );
  });

  it('still ships the server build of next/navigation where scripts/lib/next-navigation-hook.mjs points', async () => {
    const navigation = await import('next/dist/api/navigation.react-server.js');
    for (const name of ['forbidden', 'notFound', 'redirect'] as const) {
      expect(typeof navigation[name]).toBe('function');
    }
    // The server build: the client hooks that need React's client API are not in it.
    expect('useRouter' in navigation).toBe(false);
  });

  it('still names the hidden fields of a server-rendered action form with the $ACTION_ prefix', () => {
    const client = nextSource(
      'compiled/react-server-dom-webpack/cjs/react-server-dom-webpack-client.node.production.js',
    );
    expect(client).toContain('"$ACTION_ID_"');
    expect(client).toContain('"$ACTION_REF_"');
  });

  it('leaves those fields out of the values an action reads and echoes back', () => {
    const formData = new FormData();
    formData.append('$ACTION_ID_0123abcd', '');
    formData.append('$ACTION_REF_1', '');
    formData.append('$ACTION_1:0', '{"id":"x","bound":null}');
    formData.append('name', 'Lumen Labs');
    const values = formDataToObject(formData);
    expect(values).toEqual({ name: 'Lumen Labs' });
    expect(echoedValues({ ...values, $ACTION_KEY: 'k0' })).toEqual({ name: 'Lumen Labs' });
  });
});
