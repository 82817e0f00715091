/** Backup and restore: a round trip on each engine and across engines, and broken files that change nothing. */
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, selectRows } from '../src/server/db/client.ts';
import { restoreBackup, writeBackup } from '../src/server/modules/backup/backup.service.ts';
import { CLI_CONTEXT, seedAccessFixture } from './support/accounts.ts';
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from './support/database.ts';

/** Every row of every backed-up table, as text, sorted: two databases with equal snapshots hold the same data. */
async function snapshot(db: Db): Promise<Record<string, string[]>> {
  const tables = await selectRows<{ name: string }>(
    db,
    sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r' and c.relname not in ('session', 'one_time_token', 'sign_in_throttle')`,
  );
  const result: Record<string, string[]> = {};
  for (const { name } of tables) {
    const rows = await selectRows<{ row: string }>(
      db,
      sql.raw(`select to_jsonb(t)::text as row from "${name}" t`),
    );
    result[name] = rows.map((row) => normaliseTimestamps(row.row)).sort();
  }
  return result;
}

// PGlite and PostgreSQL print the same instant with a different offset notation; compare instants, not text.
function normaliseTimestamps(text: string): string {
  return text.replace(
    /"(\d{4}-\d{2}-\d{2}T[\d:.]+(?:[+-]\d{2}:\d{2}|Z))"/g,
    (_match, stamp: string) => `"${new Date(stamp).toISOString()}"`,
  );
}

describe('backup and restore', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'ketenzicht-backup-'));
  });
  afterAll(async () => rm(folder, { recursive: true, force: true }));

  const pairs = TEST_ENGINES.flatMap((from) => TEST_ENGINES.map((to) => [from, to] as const));

  it.each(pairs)(
    'restores a %s backup into %s with every row intact and the audit log still append-only',
    async (from, to) => {
      const source = await createTestDatabase(from);
      let target: TestDatabase | undefined;
      try {
        await seedAccessFixture(source.db);
        const file = path.join(folder, `${from}-${to}.backup`);
        const written = await writeBackup(source.db, source.engine, file);
        expect(written.rows).toBeGreaterThan(1000);
        // Only the owner may read a backup: it holds password hashes and the audit log.
        expect((await stat(file)).mode & 0o777).toBe(0o600);
        const expected = await snapshot(source.db);

        target = await createTestDatabase(to);
        await target.db.execute(sql`insert into setting (key, value) values ('figuresPublic', 'false')`);
        const restored = await restoreBackup(target.db, CLI_CONTEXT, file);
        expect(restored.rows).toBe(written.rows);
        const actual = await snapshot(target.db);
        const restoreEntry = actual.audit_log?.find((row) => row.includes('system.restore'));
        expect(restoreEntry).toBeDefined();
        expect({ ...actual, audit_log: actual.audit_log?.filter((row) => row !== restoreEntry) }).toEqual(
          expected,
        );
        // Counters continue after the restored ids, and the log is append-only again.
        await target.db.execute(
          sql`insert into organisation (kind, name) values ('politie', 'Nieuwe eenheid')`,
        );
        await expect(target.db.execute(sql`delete from audit_log`)).rejects.toThrow();
      } finally {
        await source.close();
        await target?.close();
      }
    },
  );

  it.each(TEST_ENGINES)(
    'refuses broken, truncated and foreign files on %s and changes nothing',
    async (engine) => {
      const database = await createTestDatabase(engine);
      try {
        await seedAccessFixture(database.db);
        const good = path.join(folder, `good-${engine}.backup`);
        await writeBackup(database.db, engine, good);
        const before = await snapshot(database.db);
        const lines = gunzipSync(await readFile(good))
          .toString('utf8')
          .trimEnd()
          .split('\n');

        const variants: Record<string, Buffer> = {
          truncated: gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join('\n')),
          'cut mid-stream': (await readFile(good)).subarray(0, 2000),
          'random bytes': Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 7919) % 256)),
          'not a backup': gzipSync('{"hello":"world"}\n'),
          'other schema': gzipSync(
            [lines[0]?.replace('"migrations":["', '"migrations":["ffff","'), ...lines.slice(1)].join('\n'),
          ),
          'bad row': gzipSync([...lines.slice(0, -1), '{"id":"not json'].join('\n')),
          'planted session': gzipSync(
            [
              lines[0]?.replace('"tables":["', '"tables":["session","'),
              '{"table":"session","rows":1}',
              '{"token_hash":"x","user_id":"00000000-0000-4000-8000-000000000001","csrf_token":"y","expires_at":"2099-01-01T00:00:00Z"}',
              ...lines.slice(1),
            ].join('\n'),
          ),
          'wrong column type': gzipSync(
            lines
              .map((line) =>
                line.includes('"kind":"gemeente"')
                  ? line.replace('"kind":"gemeente"', '"kind":"onbekend"')
                  : line,
              )
              .join('\n'),
          ),
        };
        for (const [name, content] of Object.entries(variants)) {
          const file = path.join(folder, `${engine}-${name.replaceAll(' ', '-')}.backup`);
          await writeFile(file, content);
          await expect(restoreBackup(database.db, CLI_CONTEXT, file), name).rejects.toThrow();
          expect(await snapshot(database.db), name).toEqual(before);
        }
      } finally {
        await database.close();
      }
    },
  );
});
