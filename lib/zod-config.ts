// zod 4 decides whether to compile its object parsers by probing `new Function('')`. Hearth's CSP has no
// 'unsafe-eval', so in the browser that probe is refused and every page load files a CSP violation report, even
// though zod swallows the error. Jitless mode skips the probe (and the compiled parsers, which forms do not need).
// This must run before any schema is built: instrumentation-client.ts imports it ahead of the app's own code.
import { z } from 'zod';

z.config({ jitless: true });
