/**
 * `ketenzicht report` as a user runs it after `ketenzicht demo`: a real process writes the council factsheet,
 * on a PGlite data folder and on PostgreSQL, and the PDF's text holds the figures the profile API gives.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Db } from '../src/server/db/client.ts';
import { openConfiguredDatabase } from '../src/server/db/open.ts';
import type { ProfileResponse } from '../src/server/modules/dashboards/dashboards.schemas.ts';
import { createDashboardsService } from '../src/server/modules/dashboards/dashboards.service.ts';
import { loadDemo } from '../src/server/modules/figures/figures.demo.ts';
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from './support/database.ts';
import { withDatabase } from './support/database-templates.ts';

const run = promisify(execFile);
const BIN = path.resolve('bin/ketenzicht.js');
const CONTEXT = { actor: { kind: 'cli' as const, label: 'cli:test' }, origin: 'cli' };
// Three years keep the demo import short; the trend then has three points.
const DEMO_YEARS = { from: 2022, to: 2024 };

const integer = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** How a figure of the profile must read in the PDF, as a regular expression. */
function printed(
  figure: { value: number | null; status: string; provisional: boolean },
  key: ProfileResponse['keyFigures'][number],
): string {
  if (figure.status !== 'getoond' || figure.value === null) return escapeRegExp(figure.status);
  const number =
    key.measure === 'aantal'
      ? integer.format(figure.value)
      : `${decimal.format(figure.value)}${key.indicator.unit === 'percentage' && key.measure === 'waarde' ? '%' : ''}`;
  return `${escapeRegExp(number)}${figure.provisional ? '\\*' : ''}`;
}

describe.each(TEST_ENGINES)('ketenzicht report on %s', (engine) => {
  let env: Record<string, string>;
  let folder: string;
  let database: TestDatabase | undefined;
  let profile: ProfileResponse;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'ketenzicht-report-'));
    const prepare = async (db: Db) => {
      const report = await loadDemo(db, CONTEXT, DEMO_YEARS);
      expect(report.outcome).toBe('geimporteerd');
      profile = await createDashboardsService(db).profile('GM0363', { period: '2024JJ00' });
    };
    if (engine === 'postgresql') {
      database = await createTestDatabase('postgresql');
      await prepare(database.db);
      env = { DATABASE_URL: withDatabase(inject('postgresAdminUrl') as string, database.name) };
    } else {
      // The command opens the data folder itself (and locks it): prepare it in this process, then close it.
      const dataDir = path.join(folder, 'data');
      const opened = await openConfiguredDatabase({ dataDir, databaseUrl: undefined });
      try {
        await prepare(opened.database.db);
      } finally {
        await opened.close();
      }
      env = { KETENZICHT_DATA_DIR: dataDir, DATABASE_URL: '' };
    }
  }, 300_000);
  afterAll(async () => {
    await database?.close();
    await rm(folder, { recursive: true, force: true });
  });

  async function ketenzicht(...args: string[]) {
    try {
      const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
        env: { ...process.env, ...env },
        timeout: 120_000,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failure = error as { code: number; stdout: string; stderr: string };
      return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
    }
  }

  it('writes the factsheet of Amsterdam for 2024 with the key figures of the profile', async () => {
    const out = path.join(folder, 'factsheet.pdf');
    const result = await ketenzicht('report', '--area', 'GM0363', '--period', '2024JJ00', '--out', out);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Factsheet geschreven naar .*factsheet\.pdf: \d+ pagina's, \d+ kB/);
    const text = (await run('pdftotext', ['-layout', out, '-'])).stdout;
    const flat = text.replace(/-\n\s*/g, '-').replace(/\s+/g, ' ');
    expect(flat).toContain('Factsheet huiselijk geweld en kindermishandeling — Amsterdam, 2024');
    expect(flat).toContain('Let op: synthetische demogegevens');
    expect(flat).toContain('Gemeenten in Veilig Thuis-regio Amsterdam-Amstelland; Amsterdam is dik omlijnd.');
    expect(profile.keyFigures.length).toBeGreaterThanOrEqual(5);
    for (const key of profile.keyFigures) {
      expect(flat).toContain(key.indicator.name);
      // The area's figure, its count, then region, Nederland and the group, on one line of the table.
      const count =
        key.measure === 'aantal' || key.area.count === null
          ? ''
          : `\\s+${escapeRegExp(integer.format(key.area.count))}`;
      const row = [printed(key.area, key), ...key.comparisons.map((c) => printed(c, key))];
      expect(text).toMatch(new RegExp(`${row[0]}${count}\\s+${row.slice(1).join('\\s+')}\\n`));
      expect(flat).toContain(key.indicator.definition.replace(/\s+/g, ' ').slice(0, 100));
    }
    expect(flat).toContain('Bron: CBS');
    expect(flat).toContain('Aantallen kleiner dan 5 zijn afgeschermd');
  }, 180_000);

  it('refuses an unknown area and a period without figures, in Dutch, with a non-zero exit', async () => {
    const out = path.join(folder, 'not-written.pdf');
    const unknown = await ketenzicht('report', '--area', 'GM9999', '--period', '2024JJ00', '--out', out);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/gebied.*GM9999/i);
    const malformed = await ketenzicht('report', '--area', 'Amsterdam', '--out', out);
    expect(malformed.code).not.toBe(0);
    expect(malformed.stderr).toContain('--area: Ongeldige gebiedscode');
    const empty = await ketenzicht('report', '--area', 'GM0363', '--period', '2019JJ00', '--out', out);
    expect(empty.code).not.toBe(0);
    expect(empty.stderr).toContain('Er zijn geen cijfers van Amsterdam (GM0363) in 2019JJ00');
    await expect(stat(out)).rejects.toThrow();
  }, 300_000);
});
