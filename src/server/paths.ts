/**
 * Where Ketenzicht's own files are. Found from the project root (the folder of its package.json), so the
 * same code works from the TypeScript sources and from the bundled server in dist/.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findProjectRoot(start: string): string {
  let directory = start;
  while (directory !== path.dirname(directory)) {
    const manifest = path.join(directory, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'ketenzicht'
    ) {
      return directory;
    }
    directory = path.dirname(directory);
  }
  throw new Error(`Cannot find the Ketenzicht project folder above ${start}`);
}

export const PROJECT_ROOT = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));

export const PATHS = {
  packageJson: path.join(PROJECT_ROOT, 'package.json'),
  migrations: path.join(PROJECT_ROOT, 'drizzle'),
  referenceData: `${path.join(PROJECT_ROOT, 'reference-data')}${path.sep}`,
  webRoot: path.join(PROJECT_ROOT, 'dist', 'web'),
  seedImage: path.join(PROJECT_ROOT, 'dist', 'seed'),
} as const;
