#!/usr/bin/env node
// Entry point of `npx ketenzicht`: runs the TypeScript sources through tsx, so the CLI is always current.
// `npm start` runs the bundle that `npm run build` makes (dist/cli), which starts faster.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/entry.ts');
