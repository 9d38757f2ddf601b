import { z } from 'zod';

// Runs in the browser before the app's modules: zod probes for eval (`Function('')`) when a
// schema is built, to compile faster parsers, and under Accord's CSP, which allows no eval, each
// probe is a reported violation. Parsing without it gives the same results.
z.config({ jitless: true });
