'use client';

import { z } from 'zod';

// Zod probes for eval (`Function('')`) before compiling its fast parsers; under Accord's CSP,
// which allows no eval, every probe is a reported violation. Parsing without it is as correct.
z.config({ jitless: true });

/** Rendered once by the root layout, so the setting is made in every page's browser bundle. */
export function ZodJitless() {
  return null;
}
