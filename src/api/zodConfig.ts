import { z } from 'zod/mini';

/*
 * zod's small build (`zod/mini`) ships no messages of its own: the English ones are what
 * `describeIssue` and the search parameters' notices show ("expected string, received number").
 *
 * No code generation. zod compiles object parsers with `new Function` when it can, probing for
 * it when an object schema is built; under the Content-Security-Policy (script-src without
 * 'unsafe-eval') that probe is reported as a violation. schemas.ts imports it first, and main.tsx
 * evaluates schemas.ts as a boot stage before the app's modules, so it runs before any schema
 * exists. Measured on a 100,000-span trace, the interpreted path is no slower.
 */
z.config({ ...z.locales.en(), jitless: true });
