/** Process entry of the CLI, for `bin/ketenzicht.js` (through tsx) and the bundle in dist/cli (npm start). */
import { main } from './main.ts';

// `ketenzicht areas | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

await main(process.argv);
