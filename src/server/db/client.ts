import { mkdir, readdir } from 'node:fs/promises';
import { type SQL, sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { UserError } from '../errors.ts';
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
  /**
   * Runs `work` while no other Ketenzicht process does the same on this database (a PostgreSQL advisory lock;
   * PGlite is single-process already).
   */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** PGlite only: the whole data folder as a gzipped tarball (for seed images and test templates). */
  dumpDataDir(): Promise<Blob>;
  close(): Promise<void>;
};

export const MIGRATIONS_FOLDER = PATHS.migrations;

/** Advisory lock key for migrating and loading reference data ("ketenzicht" as a 32-bit number). */
const PREPARE_LOCK_KEY = 0x6b7a_0001;

/** Opens (and creates when missing) the embedded PGlite database in `dataDir`, or in memory without one. */
export async function openPglite(
  options: { dataDir?: string; loadDataDir?: Blob } = {},
): Promise<AppDatabase> {
  // Each engine's driver loads only when used: start-up on PGlite never pays for pg, and the reverse.
  const [{ PGlite }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ]);
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const client = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const db = drizzlePglite(client, { schema });
  return {
    engine: 'pglite',
    db: db as unknown as Db,
    migrate: async () => {
      await ensureApplicationRole(db as unknown as Db);
      await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
    },
    exclusive: (work) => work(),
    dumpDataDir: async () => (await client.dumpDataDir('gzip')) as Blob,
    close: () => client.close(),
  };
}

/** Connects to a PostgreSQL server (15 or newer) through a small connection pool. */
export async function openPostgres(url: string): Promise<AppDatabase> {
  const [{ default: pg }, { drizzle: drizzleNodePostgres }, { migrate: migrateNodePostgres }] =
    await Promise.all([
      import('pg'),
      import('drizzle-orm/node-postgres'),
      import('drizzle-orm/node-postgres/migrator'),
    ]);
  // ISO dates whatever the server's DateStyle: the app reads dates as YYYY-MM-DD strings.
  const pool = new pg.Pool({ connectionString: url, max: 10, options: '-c DateStyle=ISO,YMD -c jit=off' });
  // Fail at start-up, not at the first request, when the server is unreachable.
  const connection = await pool.connect();
  connection.release();
  const db = drizzleNodePostgres(pool, { schema });
  return {
    engine: 'postgresql',
    db: db as unknown as Db,
    migrate: async () => {
      await ensureApplicationRole(db as unknown as Db);
      await migrateNodePostgres(db, { migrationsFolder: MIGRATIONS_FOLDER });
    },
    exclusive: async (work) => {
      // Session-level lock on a connection of its own; the work itself uses the pool.
      const holder = await pool.connect();
      try {
        await holder.query('select pg_advisory_lock($1)', [PREPARE_LOCK_KEY]);
        try {
          return await work();
        } finally {
          await holder.query('select pg_advisory_unlock($1)', [PREPARE_LOCK_KEY]);
        }
      } finally {
        holder.release();
      }
    },
    dumpDataDir: () =>
      Promise.reject(new Error('dumpDataDir is a PGlite feature; use pg_dump for PostgreSQL')),
    close: () => pool.end(),
  };
}

/** The role that queries on behalf of a signed-in user run as, so row-level security applies to them. */
export const APPLICATION_ROLE = 'ketenzicht_app';

/**
 * Creates the application role when the cluster lacks it, and lets the connecting user switch to it. Roles belong
 * to the whole cluster, so this runs before the migrations (which grant it rights) instead of inside one.
 */
async function ensureApplicationRole(db: Db): Promise<void> {
  try {
    await db.execute(
      sql.raw(`DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${APPLICATION_ROLE}') THEN
          BEGIN
            CREATE ROLE ${APPLICATION_ROLE} NOLOGIN;
          EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; -- created meanwhile by another database
          END;
        END IF;
        IF NOT pg_has_role(current_user, '${APPLICATION_ROLE}', 'MEMBER') THEN
          EXECUTE format('GRANT ${APPLICATION_ROLE} TO %I', current_user);
        END IF;
      END $$`),
    );
  } catch (error) {
    throw new UserError(
      `Kan de databaserol ${APPLICATION_ROLE} niet aanmaken (${(error as Error).message}). ` +
        `Laat een databasebeheerder eenmalig uitvoeren: CREATE ROLE ${APPLICATION_ROLE} NOLOGIN; ` +
        `GRANT ${APPLICATION_ROLE} TO <gebruiker uit DATABASE_URL>;`,
    );
  }
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

/** Runs raw SQL and returns its rows; both drivers answer with `{ rows }`. */
export async function selectRows<Row>(db: Db, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}

/**
 * A text array as one parameter (`= any(${textArray(codes)}::text[])`). Drizzle spreads a JS array into a list
 * of parameters, which is what `in (…)` wants but not `any(…)`.
 */
export const textArray = (values: readonly string[]) =>
  `{${values.map((value) => `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;

/** A whole-number array as one parameter (`::integer[]`, `::bigint[]`). */
export const integerArray = (values: readonly number[]) =>
  `{${values.map((value) => Math.trunc(value)).join(',')}}`;
