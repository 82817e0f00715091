/**
 * A prepared PGlite data folder (migrated, reference geography loaded) saved at build time. Starting a new data
 * folder from it takes about a second instead of the five to six that initdb and loading take in WebAssembly.
 * It is used only when its fingerprint matches the current migrations, reference data and PGlite version;
 * otherwise start-up takes the slow path, with the same result.
 */

import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { INTERVENTIONS_FILE, loadShippedInterventions } from '../modules/cases/cases.repo.ts';
import { CATALOGUE_FILE, loadShippedCatalogue } from '../modules/figures/figures.repo.ts';
import { loadReferenceGeography, referenceDataVersion } from '../modules/geography/geography.reference.ts';
import { PATHS } from '../paths.ts';
import { MIGRATIONS_FOLDER, openPglite } from './client.ts';

const SEED_DIR = PATHS.seedImage;
const IMAGE_FILE = path.join(SEED_DIR, 'pglite-seed.tar.gz');
const MANIFEST_FILE = path.join(SEED_DIR, 'manifest.json');

async function filesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** Hash of everything that decides the image's content: PGlite, the migrations, the reference data version. */
export async function seedFingerprint(): Promise<string> {
  const hash = createHash('sha256');
  hash.update(await pglitePackageVersion());
  hash.update(await referenceDataVersion());
  hash.update(await readFile(CATALOGUE_FILE));
  hash.update(await readFile(INTERVENTIONS_FILE));
  for (const file of await filesUnder(MIGRATIONS_FOLDER)) {
    hash.update(path.basename(file)).update(await readFile(file));
  }
  return hash.digest('hex');
}

/** The installed PGlite version: its package.json is not exported, so walk up from the entry point. */
async function pglitePackageVersion(): Promise<string> {
  let directory = path.dirname(fileURLToPath(import.meta.resolve('@electric-sql/pglite')));
  while (directory !== path.dirname(directory)) {
    try {
      const manifest = JSON.parse(await readFile(path.join(directory, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (manifest.name === '@electric-sql/pglite' && manifest.version) return manifest.version;
    } catch {
      // no package.json at this level
    }
    directory = path.dirname(directory);
  }
  throw new Error('Cannot find the installed @electric-sql/pglite version');
}

export async function readSeedImage(): Promise<Blob | undefined> {
  try {
    const manifest = JSON.parse(await readFile(MANIFEST_FILE, 'utf8')) as { fingerprint?: string };
    if (manifest.fingerprint !== (await seedFingerprint())) return undefined;
    return new Blob([await readFile(IMAGE_FILE)]);
  } catch {
    return undefined;
  }
}

/** Builds the image unless an up-to-date one exists. Returns whether it built. */
export async function buildSeedImage(options: { force?: boolean } = {}): Promise<boolean> {
  const fingerprint = await seedFingerprint();
  if (!options.force && (await readSeedImage()) !== undefined) return false;
  const database = await openPglite();
  try {
    await database.migrate();
    await loadReferenceGeography(database.db);
    await loadShippedCatalogue(database.db);
    await loadShippedInterventions(database.db);
    const dump = await database.dumpDataDir();
    await mkdir(SEED_DIR, { recursive: true });
    await writeFile(IMAGE_FILE, Buffer.from(await dump.arrayBuffer()));
    await writeFile(
      MANIFEST_FILE,
      JSON.stringify({ fingerprint, builtAt: new Date().toISOString() }, null, 2),
    );
    return true;
  } finally {
    await database.close();
  }
}
