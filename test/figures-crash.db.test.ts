/**
 * A crash or kill during an import leaves the database as it was: a child process imports a large file and is
 * killed with SIGKILL while reading, and again while writing the new versions; after each kill the database
 * (reopened from disk for PGlite, a fresh connection for PostgreSQL) holds exactly what it held before.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type AppDatabase, openPglite, openPostgres, selectRows } from '../src/server/db/client.ts';
import { prepareDatabase } from '../src/server/db/open.ts';
import { importFigures } from '../src/server/modules/figures/figures.import.ts';
import { CLI_CONTEXT } from './support/accounts.ts';
import { withDatabase } from './support/database-templates.ts';

const CHILD = path.resolve('test/support/import-child.ts');
let scratch: string;
let bigFile: string;
let smallFile: string;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'ketenzicht-crash-'));
  // About 95,000 figures (gemeenten × months of 2019–2024 × total and three breakdowns): time enough to kill.
  const codes = await gemeenteCodes();
  const lines = ['indicator;gebied;periode;aard_geweld;waarde'];
  for (const code of codes)
    for (let year = 2019; year <= 2024; year++)
      for (let month = 1; month <= 12; month++)
        for (const violence of ['', 'kindermishandeling', 'partnergeweld', 'overig'])
          lines.push(
            `vt_meldingen;${code};${year}MM${String(month).padStart(2, '0')};${violence};${(year + month) % 97}`,
          );
  bigFile = path.join(scratch, 'groot.csv');
  await writeFile(bigFile, `${lines.join('\n')}\n`);
  smallFile = path.join(scratch, 'klein.csv');
  await writeFile(
    smallFile,
    'indicator;gebied;periode;waarde\nvt_meldingen;GM0363;2024JJ00;100\nvt_adviezen;GM0344;2024JJ00;55\n',
  );
}, 120_000);
afterAll(async () => rm(scratch, { recursive: true, force: true }));

/** Gemeenten that existed through 2019–2024 (the shipped current ones created before 2019). */
async function gemeenteCodes(): Promise<string[]> {
  const { readFile } = await import('node:fs/promises');
  const text = await readFile(path.resolve('reference-data/gemeenten_2025.csv'), 'utf8');
  const created = new Set(
    (await readFile(path.resolve('reference-data/herindelingen.csv'), 'utf8'))
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[2])
      .filter(Boolean),
  );
  return text
    .split('\n')
    .slice(1)
    .map((line) => line.split(',')[0] as string)
    .filter((code) => code && !created.has(code));
}

async function state(database: AppDatabase) {
  const [row] = await selectRows<{ observations: number; imports: number; digest: string | null }>(
    database.db,
    sql`select (select count(*)::int from observation) as observations, (select count(*)::int from import_batch) as imports,
          (select md5(string_agg(concat_ws(',', indicator_code, area_code, period, breakdown, value, version, superseded_at), ';' order by id)) from observation) as digest`,
  );
  return row;
}

/** Starts the child and kills it with SIGKILL at the first progress line that `killAt` accepts. */
function importAndKill(target: string, killAt: (line: string) => boolean): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, target, bigFile], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const seen: string[] = [];
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      for (const line of chunk.split('\n').filter(Boolean)) {
        seen.push(line);
        if (killAt(line)) child.kill('SIGKILL');
      }
    });
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(seen);
      else reject(new Error(`the import was not killed (it ended: ${seen.at(-1)}); stderr: ${stderr}`));
    });
  });
}

describe('a killed import leaves the database as it was', () => {
  it('on PGlite (data folder on disk)', async () => {
    const dataDir = path.join(scratch, 'pglite');
    const prepared = await openPglite({ dataDir });
    await prepareDatabase(prepared);
    await importFigures(prepared.db, CLI_CONTEXT, { path: smallFile, fileName: 'klein.csv', dryRun: false });
    const before = await state(prepared);
    await prepared.close();

    const whileReading = await importAndKill(
      dataDir,
      (line) => /^lezen (\d+)/.test(line) && Number(line.split(' ')[1]) >= 60_000,
    );
    expect(whileReading.at(-1)).toMatch(/^lezen/);
    const whileWriting = await importAndKill(dataDir, (line) => line.startsWith('opslaan'));
    expect(whileWriting.at(-1)).toMatch(/^opslaan/);

    const reopened = await openPglite({ dataDir });
    try {
      expect(await state(reopened)).toEqual(before);
      // And the database still works: the same file imports completely afterwards.
      const report = await importFigures(reopened.db, CLI_CONTEXT, {
        path: bigFile,
        fileName: 'groot.csv',
        dryRun: false,
      });
      expect(report.outcome).toBe('geimporteerd');
    } finally {
      await reopened.close();
    }
  }, 240_000);

  it('on PostgreSQL', async () => {
    const adminUrl = inject('postgresAdminUrl');
    if (!adminUrl) throw new Error('PostgreSQL tests need KETENZICHT_TEST_POSTGRES_URL (npm test sets it)');
    const name = `ketenzicht_crash_${randomUUID().replaceAll('-', '')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name} template ${inject('postgresTemplate')}`);
    const url = withDatabase(adminUrl, name);
    try {
      const prepared = await openPostgres(url);
      await importFigures(prepared.db, CLI_CONTEXT, {
        path: smallFile,
        fileName: 'klein.csv',
        dryRun: false,
      });
      const before = await state(prepared);
      await prepared.close();

      await importAndKill(url, (line) => /^lezen (\d+)/.test(line) && Number(line.split(' ')[1]) >= 60_000);
      await importAndKill(url, (line) => line.startsWith('opslaan'));

      const reopened = await openPostgres(url);
      try {
        // The server rolls back a transaction whose client vanished; wait until it has noticed.
        await expect.poll(async () => state(reopened), { timeout: 20_000 }).toEqual(before);
      } finally {
        await reopened.close();
      }
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }, 240_000);
});
