/** Migrating and loading the reference data on a new PostgreSQL database, by instances starting together. */
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { openPostgres, selectRows } from '../src/server/db/client.ts';
import { prepareDatabase } from '../src/server/db/open.ts';
import { createTestDatabase, type TestDatabase } from './support/database.ts';
import { withDatabase } from './support/database-templates.ts';

describe('preparing a new PostgreSQL database', () => {
  let database: TestDatabase | undefined;
  afterEach(async () => database?.close());

  it('lets two instances start at once: one migrates and loads, the other waits and finds it done', async () => {
    database = await createTestDatabase('postgresql', { empty: true });
    const second = await openPostgres(
      withDatabase(process.env.KETENZICHT_TEST_POSTGRES_URL ?? '', database.name),
    );
    try {
      const loaded = await Promise.all([prepareDatabase(database), prepareDatabase(second)]);
      expect(loaded.sort()).toEqual([false, true]);
      const [row] = await selectRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from area where level = 'gemeente' and valid_to is null`,
      );
      expect(row?.n).toBe(342);
    } finally {
      await second.close();
    }
  });
});
