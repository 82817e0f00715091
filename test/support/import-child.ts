/**
 * Child process for the crash test: imports a file into the given database and reports each progress step on
 * stdout, so the parent can kill it (SIGKILL, no clean-up) at the moment it chooses.
 * Usage: node --import tsx test/support/import-child.ts <pglite-dir|postgres-url> <file>
 */
import { openPglite, openPostgres } from '../../src/server/db/client.ts';
import { importFigures } from '../../src/server/modules/figures/figures.import.ts';

const [target, file] = process.argv.slice(2);
if (!target || !file) throw new Error('usage: import-child.ts <pglite-dir|postgres-url> <file>');
const database = target.startsWith('postgres')
  ? await openPostgres(target)
  : await openPglite({ dataDir: target });
process.stdout.write('open\n');
const report = await importFigures(
  database.db,
  { actor: { kind: 'cli', label: 'cli:crash-test' }, origin: 'cli' },
  {
    path: file,
    fileName: 'groot.csv',
    dryRun: false,
    onProgress: ({ phase, rows }) => process.stdout.write(`${phase} ${rows}\n`),
  },
);
process.stdout.write(`done ${report.outcome}\n`);
await database.close();
