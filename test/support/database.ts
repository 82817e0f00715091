/**
 * A fresh, migrated database with the reference geography for one test, on either engine. PostgreSQL is not
 * optional: without KETENZICHT_TEST_POSTGRES_URL (set by `npm test`) its tests fail with instructions.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import {
  type AppDatabase,
  type DatabaseEngine,
  openPglite,
  openPostgres,
} from '../../src/server/db/client.ts';
import { withDatabase } from './database-templates.ts';

export const TEST_ENGINES: DatabaseEngine[] = ['pglite', 'postgresql'];

export type TestDatabase = AppDatabase & { name: string };

let pgliteTemplate: Promise<Buffer> | undefined;

/** A migrated database with the reference geography, or with `empty` a database with nothing in it. */
export async function createTestDatabase(
  engine: DatabaseEngine,
  options: { empty?: boolean } = {},
): Promise<TestDatabase> {
  if (engine === 'pglite' && options.empty)
    return { ...(await openPglite()), name: 'pglite (in memory, empty)' };
  if (engine === 'pglite') {
    pgliteTemplate ??= readFile(inject('pgliteTemplatePath'));
    const database = await openPglite({ loadDataDir: new Blob([new Uint8Array(await pgliteTemplate)]) });
    return { ...database, name: 'pglite (in memory)' };
  }
  const adminUrl = inject('postgresAdminUrl');
  if (!adminUrl) {
    throw new Error(
      'PostgreSQL tests need a server: run `npm test`, which starts a throwaway PostgreSQL on 127.0.0.1, or set ' +
        'KETENZICHT_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:PORT/postgres yourself.',
    );
  }
  const name = `ketenzicht_test_${randomUUID().replaceAll('-', '')}`;
  const template = options.empty ? '' : ` template ${inject('postgresTemplate')}`;
  await withAdmin(adminUrl, (admin) => admin.query(`create database ${name}${template}`));
  const database = await openPostgres(withDatabase(adminUrl, name));
  return {
    ...database,
    name,
    close: async () => {
      await database.close();
      await withAdmin(adminUrl, (admin) => admin.query(`drop database if exists ${name}`));
    },
  };
}

async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}
