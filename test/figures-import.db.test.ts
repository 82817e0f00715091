/**
 * The figures import pipeline on both engines: every validation rule with a fixture file (and that a refused file
 * changes nothing), versions and "as known on", undo, identical files, CBS and XLSX formats, encodings, and the
 * read side (roll-ups over periods and areas, derived indicators).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { selectRows } from '../src/server/db/client.ts';
import { importFigures, undoImport } from '../src/server/modules/figures/figures.import.ts';
import { observationHistory, readObservations } from '../src/server/modules/figures/figures.read.ts';
import { readShippedCatalogue } from '../src/server/modules/figures/figures.repo.ts';
import { CLI_CONTEXT } from './support/accounts.ts';
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from './support/database.ts';

const FIXTURES = path.resolve('test/fixtures/figures');
let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'ketenzicht-figures-test-'));
});
afterAll(async () => rm(scratch, { recursive: true, force: true }));

let fileCounter = 0;
async function fileWith(content: string | Buffer, name = 'upload.csv'): Promise<string> {
  const file = path.join(scratch, `${++fileCounter}-${name}`);
  await writeFile(file, content);
  return file;
}

/** What the database holds of figures, to prove a refused import changed nothing. */
async function snapshot(database: TestDatabase) {
  const [state] = await selectRows<{ observations: number; imports: number; digest: string | null }>(
    database.db,
    sql`select (select count(*)::int from observation) as observations, (select count(*)::int from import_batch) as imports,
          (select md5(string_agg(concat_ws(',', indicator_code, area_code, period, breakdown, value, status, version, superseded_at), ';' order by id)) from observation) as digest`,
  );
  return state;
}

const INVALID: Array<[file: string, row: number | null, column: string | null, message: string]> = [
  ['unknown-indicator.csv', 3, 'indicator', 'Onbekende indicator "vt_meldngen". Bedoelt u "vt_meldingen"?'],
  ['derived-indicator.csv', 2, 'indicator', 'is een afgeleide indicator'],
  ['unknown-area.csv', 2, 'gebied', 'Onbekende gebiedscode "GM9999"'],
  [
    'expired-area.csv',
    2,
    'gebied',
    'Weesp (GM0457) bestaat sinds 2022-03-24 niet meer en heeft geen cijfers over 2023. Gebruik de opvolger: GM0363 Amsterdam.',
  ],
  [
    'period-type-not-allowed.csv',
    2,
    'periode',
    'Indicator "inwoners" kent geen cijfers per kwartaal. Toegestaan: jaar.',
  ],
  ['unknown-period.csv', 2, 'periode', 'Onbekende periode. Gebruik een CBS-periodecode'],
  ['non-numeric.csv', 2, 'waarde', 'Geen getal. Schrijf het getal als 1234 of 1.234,5'],
  ['negative-count.csv', 2, 'waarde', 'Een aantal kan niet negatief zijn'],
  ['percentage-out-of-range.csv', 2, 'waarde', 'Een percentage ligt tussen 0 en 100'],
  ['unknown-breakdown-value.csv', 2, 'aard_geweld', 'Onbekende waarde "huiselijk" voor aard_geweld'],
  ['duplicate-key.csv', 4, null, 'Dit cijfer staat meer dan eens in het bestand (regels 2, 4)'],
  ['unknown-column.csv', 1, 'aard geweld', 'Onbekende kolom "aard geweld"'],
  ['missing-column.csv', 1, null, 'Kolom "waarde" ontbreekt in de kopregel'],
  ['unknown-status.csv', 2, 'status', 'Onbekende status'],
  ['header-only.csv', null, null, 'Het bestand bevat geen cijfers'],
];

describe.each(TEST_ENGINES)('figures import on %s', (engine) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(engine);
  });
  afterEach(async () => database?.close());

  const run = (file: string, options: { dryRun?: boolean; fileName?: string; mapping?: object } = {}) =>
    importFigures(database.db, CLI_CONTEXT, {
      path: file,
      fileName: options.fileName ?? path.basename(file),
      dryRun: options.dryRun ?? false,
      ...(options.mapping ? { mapping: options.mapping } : {}),
    });
  const value = async (
    indicator: string,
    area: string,
    period: string,
    extra: { breakdown?: string; asOf?: string } = {},
  ) => {
    const { items } = await readObservations(database.db, {
      indicator,
      areas: [area],
      periods: [period],
      ...extra,
    });
    return items[0];
  };

  it('loads the shipped catalogue: the reviewed file is in the database', async () => {
    const { catalogue } = await readShippedCatalogue();
    const [count] = await selectRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from indicator`,
    );
    expect(count?.n).toBe(catalogue.indicators.length);
    expect(catalogue.indicators.map((indicator) => indicator.code)).toEqual(
      expect.arrayContaining([
        'vt_adviezen',
        'vt_meldingen',
        'inwoners',
        'minderjarigen',
        'thv_opgelegd',
        'politie_hg_incidenten',
      ]),
    );
  });

  it.each(INVALID)(
    'refuses %s with row %s, column %s and a message; nothing changes',
    async (file, row, column, message) => {
      await run(path.join(FIXTURES, 'valid-long.csv'));
      const before = await snapshot(database);
      const report = await run(path.join(FIXTURES, 'invalid', file));
      expect(report.outcome).toBe('geweigerd');
      expect(report.errors).toBeGreaterThan(0);
      expect(report.problems).toContainEqual(
        expect.objectContaining({ severity: 'fout', row, column, message: expect.stringContaining(message) }),
      );
      expect(await snapshot(database)).toEqual(before);
    },
  );

  it('imports a valid file: dry run first changes nothing, then all rows in one go', async () => {
    const file = path.join(FIXTURES, 'valid-long.csv');
    const dry = await run(file, { dryRun: true });
    expect(dry).toMatchObject({
      outcome: 'proefimport',
      rows: 9,
      errors: 0,
      added: 9,
      changed: 0,
      importId: null,
    });
    expect(dry.file).toMatchObject({ format: 'ketenzicht-csv', encoding: 'utf-8', delimiter: ';' });
    expect((await snapshot(database))?.observations).toBe(0);
    const report = await run(file);
    expect(report).toMatchObject({ outcome: 'geimporteerd', added: 9, changed: 0, unchanged: 0 });
    expect(report.importId).toBeGreaterThan(0);
    expect((await value('vt_meldingen', 'GM0344', '2024JJ00'))?.value).toBe(1700);
    expect(
      (await value('vt_veiligheidsbeoordeling_binnen_5_werkdagen_pct', 'GM0363', '2024JJ00'))?.value,
    ).toBe(78.5);
  });

  it('an identical file imported twice changes nothing and says when it was first imported', async () => {
    const file = path.join(FIXTURES, 'valid-long.csv');
    const first = await run(file);
    const before = await snapshot(database);
    const second = await run(file);
    expect(second).toMatchObject({
      outcome: 'ongewijzigd',
      added: 0,
      changed: 0,
      unchanged: 9,
      importId: null,
    });
    expect(second.sameFileAs?.id).toBe(first.importId);
    expect(await snapshot(database)).toEqual(before);
  });

  it('keeps versions: a correction adds one, the old value stays readable as known before', async () => {
    await run(
      await fileWith('indicator;gebied;periode;waarde;status\nvt_adviezen;GM0363;2024JJ00;100;voorlopig\n'),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    const between = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const correction = await run(
      await fileWith('indicator;gebied;periode;waarde;status\nvt_adviezen;GM0363;2024JJ00;110;definitief\n'),
      { dryRun: true },
    );
    expect(correction.changes).toEqual([
      expect.objectContaining({
        area: 'GM0363',
        oldValue: 100,
        newValue: 110,
        oldStatus: 'voorlopig',
        newStatus: 'definitief',
      }),
    ]);
    const committed = await run(
      await fileWith('indicator;gebied;periode;waarde;status\nvt_adviezen;GM0363;2024JJ00;110;definitief\n'),
    );
    expect(committed).toMatchObject({ outcome: 'geimporteerd', added: 0, changed: 1 });
    expect(await value('vt_adviezen', 'GM0363', '2024JJ00')).toMatchObject({
      value: 110,
      status: 'definitief',
    });
    expect(await value('vt_adviezen', 'GM0363', '2024JJ00', { asOf: between })).toMatchObject({
      value: 100,
      status: 'voorlopig',
    });
    expect((await value('vt_adviezen', 'GM0363', '2024JJ00', { asOf: '2020-01-01' }))?.value).toBeNull();
    const history = await observationHistory(database.db, {
      indicator: 'vt_adviezen',
      area: 'GM0363',
      period: '2024JJ00',
      breakdown: '',
    });
    expect(history.map((version) => [version.version, version.value, version.supersededAt === null])).toEqual(
      [
        [2, 110, true],
        [1, 100, false],
      ],
    );
  });

  it('undo restores the earlier versions, keeps the history, and refuses while a later import stands', async () => {
    const first = await run(
      await fileWith(
        'indicator;gebied;periode;waarde\nvt_adviezen;GM0363;2024JJ00;100\nvt_adviezen;GM0344;2024JJ00;50\n',
      ),
    );
    const second = await run(
      await fileWith(
        'indicator;gebied;periode;waarde\nvt_adviezen;GM0363;2024JJ00;120\nvt_adviezen;GM0014;2024JJ00;30\n',
      ),
    );
    await expect(undoImport(database.db, CLI_CONTEXT, first.importId as number)).rejects.toThrow(
      `Latere import ${second.importId} heeft cijfers van import ${first.importId} al gewijzigd`,
    );
    const undone = await undoImport(database.db, CLI_CONTEXT, second.importId as number);
    expect(undone).toMatchObject({ restored: 1, withdrawn: 1 });
    expect((await value('vt_adviezen', 'GM0363', '2024JJ00'))?.value).toBe(100);
    expect((await value('vt_adviezen', 'GM0014', '2024JJ00'))?.value).toBeNull();
    await expect(undoImport(database.db, CLI_CONTEXT, second.importId as number)).rejects.toThrow(
      'al ongedaan gemaakt',
    );
    // With the later one undone, the first can go too: back to no figures at all.
    const undoneFirst = await undoImport(database.db, CLI_CONTEXT, first.importId as number);
    expect(undoneFirst).toMatchObject({ restored: 0, withdrawn: 2 });
    expect((await value('vt_adviezen', 'GM0363', '2024JJ00'))?.value).toBeNull();
    const history = await observationHistory(database.db, {
      indicator: 'vt_adviezen',
      area: 'GM0363',
      period: '2024JJ00',
      breakdown: '',
    });
    expect(history.map((version) => [version.value, version.importKind])).toEqual([
      [null, 'undo'],
      [100, 'undo'],
      [120, 'import'],
      [100, 'import'],
    ]);
    // Importing the first file again brings its figures back as new versions.
    const again = await run(
      await fileWith(
        'indicator;gebied;periode;waarde\nvt_adviezen;GM0363;2024JJ00;100\nvt_adviezen;GM0344;2024JJ00;50\n',
      ),
    );
    expect(again).toMatchObject({ outcome: 'geimporteerd', added: 2 });
  });

  it('warns when breakdown parts exceed their total, and still imports', async () => {
    const report = await run(path.join(FIXTURES, 'breakdown-above-total.csv'));
    expect(report.outcome).toBe('geimporteerd');
    expect(report.warnings).toBe(1);
    expect(report.problems[0]).toMatchObject({ severity: 'waarschuwing', row: 2 });
    expect(report.problems[0]?.message).toContain('telt op tot 115, meer dan het totaal 100');
  });

  it('reads ,-separated files with decimal dots and tab-separated files', async () => {
    expect(await run(path.join(FIXTURES, 'comma-dot-decimals.csv'))).toMatchObject({
      outcome: 'geimporteerd',
      added: 2,
    });
    expect((await value('vt_wachttijd_dagen', 'GM0363', '2024JJ00'))?.value).toBe(12.5);
    expect(await run(path.join(FIXTURES, 'tab-separated.csv'))).toMatchObject({
      outcome: 'geimporteerd',
      added: 1,
    });
    expect((await value('vt_adviezen', 'GM0344', '2024JJ00'))?.value).toBe(1500);
  });

  it('imports the CBS StatLine CSV with labels (Windows-1252 too) and with keys, and the OData JSON, alike', async () => {
    const labels = await run(path.join(FIXTURES, 'cbs-84847NED-labels.csv'), { dryRun: true });
    expect(labels).toMatchObject({ outcome: 'proefimport', errors: 0, rows: 17 });
    expect(labels.findings).toMatchObject({ cbsTable: '84847NED', skipped: 3 });
    const keys = await run(path.join(FIXTURES, 'cbs-84847NED-keys.csv'), { dryRun: true });
    expect(keys).toMatchObject({ outcome: 'proefimport', errors: 0, rows: 17, added: 17 });
    const json = await run(path.join(FIXTURES, 'cbs-84847NED.json'), { dryRun: true });
    expect(json).toMatchObject({ outcome: 'proefimport', errors: 0, rows: 17, added: 17 });
    expect(json.file?.format).toBe('cbs-json');
    const labelText = (await readFile(path.join(FIXTURES, 'cbs-84847NED-labels.csv'), 'utf8'))
      .replace(/^\uFEFF/, '')
      .replace('"Schiermonnikoog"', '"Súdwest-Fryslân"');
    const windows = await run(await fileWith(Buffer.from(labelText, 'latin1'), 'cbs-windows.csv'));
    expect(windows.file?.encoding).toBe('windows-1252');
    expect(windows).toMatchObject({ outcome: 'geimporteerd', added: 17 });
    expect(await value('vt_adviezen', 'GM1900', '2023JJ00')).toMatchObject({
      value: 10,
      status: 'voorlopig',
    });
    expect((await value('vt_meldingen', 'GM0363', '2023JJ00'))?.value).toBe(8845);
    expect((await value('vt_adviezen', 'VT01', '2023JJ00'))?.value).toBe(9840);
    // The keyed download holds the same numbers, but its period codes carry no "*": the statuses change.
    const keyedAfter = await run(path.join(FIXTURES, 'cbs-84847NED-keys.csv'), { dryRun: true });
    expect(keyedAfter).toMatchObject({ added: 1, changed: 16, unchanged: 0 });
    expect(
      keyedAfter.changes.filter((change) => change.oldValue !== change.newValue && change.oldValue !== null),
    ).toEqual([]);
  });

  it('reads a CBS breakdown (84849NED by melder): totals, mapped categories, "-" as nihil; sub-categories left out', async () => {
    const report = await run(path.join(FIXTURES, 'cbs-84849NED-labels.csv'));
    expect(report).toMatchObject({ outcome: 'geimporteerd', errors: 0, added: 6 });
    expect(report.findings).toMatchObject({ cbsTable: '84849NED', skipped: 2 });
    expect((await value('vt_meldingen', 'GM0363', '2023JJ00'))?.value).toBe(8845);
    const byMelder = await readObservations(database.db, {
      indicator: 'vt_meldingen',
      areas: ['GM0363'],
      periods: ['2023JJ00'],
      breakdown: 'melder',
    });
    const values = Object.fromEntries(byMelder.items.map((item) => [item.breakdown.melder, item.value]));
    expect(values).toMatchObject({ justitie_veiligheid: 6100, onderwijs: 0, kinderopvang: null });
  });

  it('imports XLSX in long and wide layouts; wide asks for the indicator first', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const long = new ExcelJS.Workbook();
    const longSheet = long.addWorksheet('Cijfers');
    longSheet.addRow(['indicator', 'gebied', 'periode', 'waarde']);
    longSheet.addRow(['vt_adviezen', 'GM0363', '2024JJ00', 4321]);
    longSheet.addRow(['vt_adviezen', 'GM0344', '2024JJ00', '1.234']);
    const longFile = await fileWith(Buffer.from(await long.xlsx.writeBuffer()), 'lang.xlsx');
    const longReport = await run(longFile);
    expect(longReport).toMatchObject({ outcome: 'geimporteerd', added: 2 });
    expect(longReport.findings?.mapping.layout).toBe('long');
    expect((await value('vt_adviezen', 'GM0344', '2024JJ00'))?.value).toBe(1234);

    const wide = new ExcelJS.Workbook();
    const sheet = wide.addWorksheet('Meldingen');
    sheet.addRow(['Gemeente', '2023', '2024KW01', '2024KW02']);
    sheet.addRow(['GM0363', 8000, 2000, '.']);
    sheet.addRow(['GM0344', 2300, 600, 610]);
    const wideFile = await fileWith(Buffer.from(await wide.xlsx.writeBuffer()), 'breed.xlsx');
    const unconfirmed = await run(wideFile, { dryRun: true });
    expect(unconfirmed.outcome).toBe('geweigerd');
    expect(unconfirmed.problems[0]?.message).toContain('Kies de indicator');
    const wideReport = await run(wideFile, {
      mapping: { layout: 'wide', indicator: 'politie_hg_incidenten', columns: { area: 'Gemeente' } },
    });
    expect(wideReport).toMatchObject({ outcome: 'geimporteerd', added: 5 });
    expect(wideReport.findings?.skipped).toBe(1);
    expect((await value('politie_hg_incidenten', 'GM0344', '2024KW02'))?.value).toBe(610);
  });

  it('refuses a file that is not what it claims, with what it is', async () => {
    const pdf = await run(await fileWith(Buffer.from('%PDF-1.7\n...'), 'cijfers.csv'));
    expect(pdf.outcome).toBe('geweigerd');
    expect(pdf.problems[0]?.message).toContain('is een PDF');
    const empty = await run(await fileWith(Buffer.alloc(0), 'leeg.csv'));
    expect(empty.problems[0]?.message).toContain('is leeg');
    const brokenXlsx = await run(
      await fileWith(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]), 'kapot.xlsx'),
    );
    expect(brokenXlsx.outcome).toBe('geweigerd');
  });

  it('reads: months roll up to a year, gemeenten to Nederland, derived indicators per 1,000', async () => {
    await run(path.join(FIXTURES, 'valid-long.csv'));
    const amsterdam = await value('vt_meldingen', 'GM0363', '2024JJ00');
    expect(amsterdam).toMatchObject({ value: 2560, origin: 'opgeteld', status: 'voorlopig' });
    const rate = await value('vt_meldingen_per_1000_inwoners', 'GM0363', '2024JJ00');
    expect(rate?.value).toBeCloseTo((2560 / 931_298) * 1000, 5);
    expect(rate?.origin).toBe('berekend');
    // Nederland is unknown while most gemeenten have no figure; it names them instead of summing two.
    const nl = await value('vt_meldingen', 'NL01', '2024JJ00');
    expect(nl?.value).toBeNull();
    expect(nl?.missing.length).toBeGreaterThan(300);
    const incomplete = await value('vt_meldingen', 'GM0363', '2024JJ00', {
      breakdown: 'aard_geweld:kindermishandeling',
    });
    expect(incomplete).toMatchObject({ value: null, missing: ['2024HJ02'] });
  });

  it('keeps a delivered region figure beside the sum of its gemeenten and flags the difference', async () => {
    const { items: members } = await readObservations(database.db, {
      indicator: 'inwoners',
      level: 'gemeente',
      periods: ['2025JJ00'],
    });
    expect(members.length).toBe(342);
    const regionMembers = await selectRows<{ child_code: string }>(
      database.db,
      sql`select child_code from area_membership where parent_code = 'VT03' and valid_to is null order by 1`,
    );
    const lines = [
      'indicator;gebied;periode;waarde',
      ...regionMembers.map((member, index) => `vt_adviezen;${member.child_code};2025JJ00;${10 + index}`),
    ];
    const sum = regionMembers.reduce((total, _, index) => total + 10 + index, 0);
    lines.push(`vt_adviezen;VT03;2025JJ00;${sum + 5}`);
    expect(await run(await fileWith(`${lines.join('\n')}\n`))).toMatchObject({ outcome: 'geimporteerd' });
    expect(await value('vt_adviezen', 'VT03', '2025JJ00')).toMatchObject({
      value: sum + 5,
      origin: 'geleverd',
      computedValue: sum,
      differs: true,
    });
  });
});

describe('XLSX guard', () => {
  it('refuses a zip that claims to unpack to gigabytes, before decompressing anything', async () => {
    const { checkZipSizes } = await import('../src/server/modules/figures/figures.formats.ts');
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Blad1').addRow(['indicator', 'gebied', 'periode', 'waarde']);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const normal = await fileWith(bytes, 'normaal.xlsx');
    await expect(checkZipSizes(normal, 'normaal.xlsx')).resolves.toBeUndefined();
    // Rewrite the first central directory entry to claim 3 GB unpacked from a few hundred bytes.
    const first = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    expect(first).toBeGreaterThan(0);
    const bomb = Buffer.from(bytes);
    bomb.writeUInt32LE(3 * 1024 * 1024 * 1024, first + 24);
    const file = await fileWith(bomb, 'bom.xlsx');
    await expect(checkZipSizes(file, 'bom.xlsx')).rejects.toThrow(
      'pakt uit tot meer dan een normaal werkblad',
    );
  });
});
