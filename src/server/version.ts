import { createRequire } from 'node:module';
import { PATHS } from './paths.ts';

const require = createRequire(import.meta.url);
/** The version in package.json, reported by /api/health and the OpenAPI document. */
export const APP_VERSION: string = (require(PATHS.packageJson) as { version: string }).version;
