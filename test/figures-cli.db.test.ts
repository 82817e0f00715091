/** `ketenzicht import`, `imports`, `indicators`, `observations` and `demo` as a user runs them, on PostgreSQL. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { selectRows } from '../src/server/db/client.ts';
import { createTestDatabase, type TestDatabase } from './support/database.ts';
import { withDatabase } from './support/database-templates.ts';

const run = promisify(execFile);
const BIN = path.resolve('bin/ketenzicht.js');
const FIXTURES = path.resolve('test/fixtures/figures');

describe('figures on the command line', () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  beforeAll(async () => {
    database = await createTestDatabase('postgresql');
    env = { DATABASE_URL: withDatabase(inject('postgresAdminUrl') as string, database.name) };
  });
  afterAll(async () => database?.close());

  async function ketenzicht(...args: string[]) {
    try {
      const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
        env: { ...process.env, ...env },
        timeout: 120_000,
        maxBuffer: 20 * 1024 * 1024,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failure = error as { code: number; stdout: string; stderr: string };
      return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
    }
  }
  const count = async () =>
    (await selectRows<{ n: number }>(database.db, sql`select count(*)::int as n from observation`))[0]?.n;

  it('import --dry-run: exit 0 for a valid file, nothing stored', async () => {
    const result = await ketenzicht('import', path.join(FIXTURES, 'valid-long.csv'), '--dry-run');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Nieuw: 9, gewijzigd: 0, ongewijzigd: 0.');
    expect(result.stdout).toContain('Proefimport');
    expect(await count()).toBe(0);
  });

  it('import of a file with errors: non-zero exit, each problem with row and column, nothing stored', async () => {
    const result = await ketenzicht('import', path.join(FIXTURES, 'invalid', 'expired-area.csv'));
    expect(result.code).not.toBe(0);
    expect(result.stdout).toMatch(
      /fout\s+2\s+gebied\s+GM0457\s+Weesp \(GM0457\) bestaat sinds 2022-03-24 niet meer/,
    );
    expect(result.stdout).toContain('GEWEIGERD');
    expect(await count()).toBe(0);
  });

  it('import, list, read, undo', async () => {
    const imported = await ketenzicht('import', path.join(FIXTURES, 'valid-long.csv'));
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('Geïmporteerd.');
    const id = /Importnummer: (\d+)/.exec(imported.stdout)?.[1];
    expect(id).toBeDefined();
    const list = await ketenzicht('imports', 'list');
    expect(list.stdout).toContain('valid-long.csv');
    const read = await ketenzicht(
      'observations',
      '--indicator',
      'vt_meldingen',
      '--area',
      'GM0363',
      '--period',
      '2024JJ00',
    );
    expect(read.stdout).toMatch(/GM0363\s+Amsterdam\s+2024JJ00\s+2\.560\s+voorlopig\s+opgeteld/);
    const csv = await ketenzicht(
      'observations',
      '--indicator',
      'vt_meldingen',
      '--area',
      'GM0344',
      '--period',
      '2024JJ00',
      '--csv',
    );
    expect(csv.stdout.split('\r\n')[1]).toBe(
      'vt_meldingen;GM0344;Utrecht;2024JJ00;;;1700;definitief;geleverd;',
    );
    const undone = await ketenzicht('imports', 'undo', id as string);
    expect(undone.code, undone.stderr).toBe(0);
    expect(undone.stdout).toContain('9 ingetrokken');
    const again = await ketenzicht('imports', 'undo', id as string);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('al ongedaan gemaakt');
  });

  it('indicators lists the catalogue', async () => {
    const result = await ketenzicht('indicators');
    expect(result.stdout).toMatch(/vt_meldingen\s+/);
    expect(result.stdout).toContain('afgeleid (per-1000)');
  });

  it('demo loads synthetic figures for every gemeente, near the national magnitudes, and says they are synthetic', async () => {
    const result = await ketenzicht('demo');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('SYNTHETISCHE');
    const national = await ketenzicht(
      'observations',
      '--indicator',
      'vt_meldingen',
      '--level',
      'land',
      '--period',
      '2023JJ00',
      '--csv',
    );
    const value = Number(national.stdout.split('\r\n')[1]?.split(';')[6]);
    expect(value).toBeGreaterThan(110_000);
    expect(value).toBeLessThan(150_000);
    const gemeenten = await ketenzicht(
      'observations',
      '--indicator',
      'vt_adviezen',
      '--level',
      'gemeente',
      '--period',
      '2025JJ00',
      '--csv',
    );
    const rows = gemeenten.stdout.trim().split('\r\n').slice(1);
    expect(rows).toHaveLength(342);
    expect(rows.every((row) => /;\d+;(voorlopig|definitief);opgeteld;$/.test(row))).toBe(true);
    // The demo figures first, then the figures the register derives from the synthetic demo cases.
    const batches = await selectRows<{ file_name: string }>(
      database.db,
      sql`select file_name from (select id, file_name from import_batch order by id desc limit 2) latest order by id`,
    );
    expect(batches.map((batch) => batch.file_name)).toEqual([
      'demo-synthetisch.csv',
      'casusregister-uitkomsten.csv',
    ]);
    expect(result.stdout).toMatch(/Casusregister: [\d.]+ SYNTHETISCHE casussen/);
    const [cases] = await selectRows<{ synthetic: number }>(
      database.db,
      sql`select count(*)::int as synthetic from case_import where synthetic and kind = 'import'`,
    );
    expect(cases?.synthetic).toBe(25);
  }, 180_000);
});
