/**
 * Opens the configured database ready for use: PostgreSQL when DATABASE_URL is set, otherwise PGlite in the
 * data folder (locked for this process). Migrations run and the reference geography is loaded on the way.
 */

import type { AppConfig } from '../config.ts';
import { loadShippedInterventions } from '../modules/cases/cases.repo.ts';
import { loadShippedCatalogue } from '../modules/figures/figures.repo.ts';
import {
  loadReferenceGeography,
  type RawReferenceFiles,
  readShippedReferenceFiles,
} from '../modules/geography/geography.reference.ts';
import { type AppDatabase, isNewDataDir, openPglite, openPostgres } from './client.ts';
import { lockDataDir } from './data-dir-lock.ts';

export type OpenedDatabase = {
  database: AppDatabase;
  /** What happened on the way, for the start-up log. */
  report: {
    engine: AppDatabase['engine'];
    createdFromSeedImage: boolean;
    isNew: boolean;
    referenceLoaded: boolean;
  };
  /** Closes the database and releases the data folder. */
  close(): Promise<void>;
};

export async function openConfiguredDatabase(
  config: Pick<AppConfig, 'dataDir' | 'databaseUrl'>,
): Promise<OpenedDatabase> {
  if (config.databaseUrl) {
    const database = await openPostgres(config.databaseUrl);
    const referenceLoaded = await prepareOrClose(database, undefined);
    return {
      database,
      report: { engine: 'postgresql', createdFromSeedImage: false, isNew: false, referenceLoaded },
      close: () => database.close(),
    };
  }

  // Read and hash the shipped reference data while PGlite opens, rather than after.
  const shipped = readShippedReferenceFiles();
  shipped.catch(() => undefined);
  const release = await lockDataDir(config.dataDir);
  try {
    const isNew = await isNewDataDir(config.dataDir);
    // A new folder starts from the prepared image when it matches this version: far faster than initdb.
    const seedImage = isNew ? await (await import('./seed-image.ts')).readSeedImage() : undefined;
    const database = await openPglite({
      dataDir: config.dataDir,
      ...(seedImage ? { loadDataDir: seedImage } : {}),
    });
    const referenceLoaded = await prepareOrClose(database, shipped);
    return {
      database,
      report: { engine: 'pglite', createdFromSeedImage: seedImage !== undefined, isNew, referenceLoaded },
      close: async () => {
        try {
          await database.close();
        } finally {
          await release();
        }
      },
    };
  } catch (error) {
    // Only reached with the database closed (prepareOrClose), so releasing the folder is safe.
    await release();
    throw error;
  }
}

/** Prepares the database; on failure closes it before passing the error on, so nothing stays open. */
async function prepareOrClose(database: AppDatabase, shipped: Promise<RawReferenceFiles> | undefined) {
  try {
    return await prepareDatabase(database, shipped);
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}

/**
 * Migrates and loads the shipped reference data; both are no-ops when already done. Runs exclusively, so two
 * instances starting on one PostgreSQL database do not migrate or load at the same time.
 */
export async function prepareDatabase(
  database: AppDatabase,
  shipped?: Promise<RawReferenceFiles>,
): Promise<boolean> {
  return database.exclusive(async () => {
    await database.migrate();
    const result = await loadReferenceGeography(database.db, shipped);
    const catalogueLoaded = await loadShippedCatalogue(database.db);
    const interventionsLoaded = await loadShippedInterventions(database.db);
    return result.loaded || catalogueLoaded || interventionsLoaded;
  });
}
