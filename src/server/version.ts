import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
/** The version in package.json, reported by /api/health and the OpenAPI document. */
export const APP_VERSION: string = (require('../../package.json') as { version: string }).version;
