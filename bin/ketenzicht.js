#!/usr/bin/env node
// Entry point of `npx ketenzicht`: runs the TypeScript sources through tsx, so the CLI is always current.
import { register } from 'tsx/esm/api';

// `ketenzicht areas | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

register();
const { main } = await import('../src/cli/main.ts');
await main(process.argv);
