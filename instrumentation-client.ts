// Runs in the browser before the app's own modules (Next's client instrumentation hook, ahead of hydration).
import './lib/zod-config';
