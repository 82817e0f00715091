import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzleNodePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { PATHS } from '../paths.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseEngine = 'pglite' | 'postgresql';

/** An open database: the Drizzle handle plus what the rest of the app needs to know about it. */
export type AppDatabase = {
  engine: DatabaseEngine;
  db: Db;
  /** Applies the reviewed migrations in `drizzle/` that have not run yet. */
  migrate(): Promise<void>;
  /** PGlite only: the whole data folder as a gzipped tarball (for seed images and test templates). */
  dumpDataDir(): Promise<Blob>;
  close(): Promise<void>;
};

export const MIGRATIONS_FOLDER = PATHS.migrations;

/** Opens (and creates when missing) the embedded PGlite database in `dataDir`, or in memory without one. */
export async function openPglite(
  options: { dataDir?: string; loadDataDir?: Blob } = {},
): Promise<AppDatabase> {
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const client = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const db = drizzlePglite(client, { schema });
  return {
    engine: 'pglite',
    db: db as unknown as Db,
    migrate: () => migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER }),
    dumpDataDir: async () => (await client.dumpDataDir('gzip')) as Blob,
    close: () => client.close(),
  };
}

/** Connects to a PostgreSQL server (15 or newer) through a small connection pool. */
export async function openPostgres(url: string): Promise<AppDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // Fail at start-up, not at the first request, when the server is unreachable.
  const connection = await pool.connect();
  connection.release();
  const db = drizzleNodePostgres(pool, { schema });
  return {
    engine: 'postgresql',
    db: db as unknown as Db,
    migrate: () => migrateNodePostgres(db, { migrationsFolder: MIGRATIONS_FOLDER }),
    dumpDataDir: () =>
      Promise.reject(new Error('dumpDataDir is a PGlite feature; use pg_dump for PostgreSQL')),
    close: () => pool.end(),
  };
}

/** True when the PGlite data folder holds no cluster yet (first start). */
export async function isNewDataDir(dataDir: string): Promise<boolean> {
  try {
    const entries = await readdir(dataDir);
    return !entries.includes('PG_VERSION');
  } catch {
    return true;
  }
}

export function describeDataDir(dataDir: string): string {
  return path.relative(process.cwd(), dataDir) || '.';
}

/** Runs raw SQL and returns its rows; both drivers answer with `{ rows }`. */
export async function selectRows<Row>(db: Db, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}
