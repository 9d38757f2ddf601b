import { register } from 'node:module';

// The hook must be in place before the server modules load, hence the dynamic import.
register('./lib/next-navigation-hook.mjs', import.meta.url);
await import('./lib/bench-run');
