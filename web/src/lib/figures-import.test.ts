// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import type { ImportList, ImportReport, IndicatorCatalogue } from '../api/figures-client.ts';
import { importTexts as t } from '../pages/import-texts.ts';
import {
  breakdownLabel,
  canChooseMapping,
  canConfirm,
  changeRows,
  changesTruncated,
  checkDraft,
  checkImportFile,
  confirmedMapping,
  diffCounts,
  draftFromMapping,
  draftLayout,
  emptyDraft,
  FIGURES_UPLOAD_LIMIT,
  fileFacts,
  formatFigure,
  formatFileSize,
  formatOptions,
  historyCaption,
  historyRows,
  IMPORT_FIELDS,
  importableIndicators,
  importFailure,
  indicatorColumnOf,
  isMappingEditable,
  knownHeaders,
  mappingFacts,
  mappingFromDraft,
  mayImport,
  problemRows,
  problemsTruncated,
  progressText,
  reportConfirmation,
  reportCounts,
  reportErrors,
  sameFileText,
  undoConfirmation,
  uploadPercent,
} from './figures-import.ts';

function report(overrides: Partial<ImportReport> = {}): ImportReport {
  return {
    outcome: 'proefimport',
    importId: null,
    fileName: 'cijfers.csv',
    file: { size: 127, sha256: 'abc', format: 'ketenzicht-csv', encoding: 'utf-8', delimiter: ';' },
    findings: {
      headers: ['indicator', 'gebied', 'periode', 'waarde', 'status'],
      mapping: {
        columns: {
          indicator: 'indicator',
          area: 'gebied',
          period: 'periode',
          value: 'waarde',
          status: 'status',
        },
      },
      skipped: 0,
    },
    rows: 2,
    errors: 0,
    warnings: 0,
    stoppedEarly: false,
    problems: [],
    added: 1,
    changed: 1,
    unchanged: 0,
    changes: [
      {
        row: 3,
        indicator: 'vt_meldingen',
        area: 'GM0344',
        period: '2024KW03',
        breakdown: '',
        oldValue: 1234,
        newValue: 1300.5,
        oldStatus: 'voorlopig',
        newStatus: 'definitief',
      },
      {
        row: 2,
        indicator: 'vt_meldingen',
        area: 'GM0363',
        period: '2024JJ00',
        breakdown: 'aard_geweld=kindermishandeling',
        oldValue: null,
        newValue: 12,
        oldStatus: null,
        newStatus: 'definitief',
      },
    ],
    sameFileAs: null,
    ...overrides,
  };
}

/** A wide worksheet without an indicator column, as the server refuses it: it did not get to the findings. */
const refusedWide = report({
  outcome: 'geweigerd',
  fileName: 'breed.xlsx',
  file: { size: 6464, sha256: 'def', format: 'xlsx', encoding: null, delimiter: null },
  findings: null,
  rows: 0,
  errors: 1,
  added: 0,
  changed: 0,
  changes: [],
  problems: [
    {
      severity: 'fout',
      row: 1,
      column: null,
      value: null,
      message:
        'Kies de indicator waar de cijfers in dit werkblad bij horen, of voeg een kolom "indicator" toe.',
    },
  ],
});

const catalogue = {
  items: [
    { code: 'vt_meldingen', name: 'Meldingen bij Veilig Thuis', formula: null },
    {
      code: 'vt_meldingen_per_1000_inwoners',
      name: 'Meldingen per 1.000 inwoners',
      formula: { kind: 'per-1000', numerator: 'vt_meldingen', denominator: 'inwoners' },
    },
  ],
  dimensions: [
    {
      code: 'aard_geweld',
      name: 'Aard van het geweld',
      description: '',
      values: [{ code: 'kindermishandeling', name: 'Kindermishandeling' }],
    },
  ],
} as unknown as IndicatorCatalogue;

describe('mayImport', () => {
  const membership = (role: string) => ({ role });
  it('lets a beheerder and an aanleverancier import, nobody else', () => {
    expect(mayImport({ isAdmin: true, memberships: [] })).toBe(true);
    expect(
      mayImport({ isAdmin: false, memberships: [membership('lezer'), membership('aanleverancier')] }),
    ).toBe(true);
    expect(mayImport({ isAdmin: false, memberships: [membership('beleidsmedewerker')] })).toBe(false);
    expect(mayImport(null)).toBe(false);
    expect(mayImport(undefined)).toBe(false);
  });
});

describe('formatOptions', () => {
  it('offers every format the API takes, with its Dutch label', () => {
    expect(formatOptions().map((option) => option.value)).toEqual([
      'ketenzicht-csv',
      'cbs-csv',
      'cbs-json',
      'xlsx',
    ]);
    expect(formatOptions()[3]?.label).toBe('Excel (XLSX)');
  });
});

describe('sizes, figures and progress', () => {
  it('writes file sizes in Dutch', () => {
    expect(formatFileSize(1)).toBe('1 byte');
    expect(formatFileSize(127)).toBe('127 bytes');
    expect(formatFileSize(6464)).toBe('6,3 kB');
    expect(formatFileSize(FIGURES_UPLOAD_LIMIT)).toBe('200 MB');
    expect(formatFileSize(3 * 1024 * 1024 * 1024)).toBe('3 GB');
  });

  it('writes figures with Dutch separators and keeps decimals', () => {
    expect(formatFigure(1234)).toBe('1.234');
    expect(formatFigure(1300.5)).toBe('1.300,5');
    expect(formatFigure(0.125)).toBe('0,125');
  });

  it('gives the share sent, or null when the total is unknown', () => {
    expect(uploadPercent({ phase: 'uploading', loaded: 50, total: 200 })).toBe(25);
    expect(uploadPercent({ phase: 'uploading', loaded: 10, total: null })).toBeNull();
    expect(uploadPercent({ phase: 'uploading', loaded: 300, total: 200 })).toBe(100);
    expect(uploadPercent({ phase: 'processing' })).toBe(100);
  });

  it('says what is happening: sending, then checking or importing', () => {
    expect(progressText({ phase: 'uploading', loaded: 1, total: 2 }, true)).toBe(
      'Bestand wordt verstuurd: 50%.',
    );
    expect(progressText({ phase: 'uploading', loaded: 1, total: null }, true)).toBe(t.uploadingUnknown);
    expect(progressText({ phase: 'processing' }, true)).toBe('Bestand wordt gecontroleerd…');
    expect(progressText({ phase: 'processing' }, false)).toBe(t.importing);
  });
});

describe('checkImportFile', () => {
  it('asks for a file, refuses an empty one and one over the limit, with the field to link to', () => {
    expect(checkImportFile(null)).toEqual({ field: IMPORT_FIELDS.file, message: t.fileMissing });
    expect(checkImportFile({ name: 'C:\\fakepath\\leeg.csv', size: 0 })).toEqual({
      field: 'file',
      message: 'leeg.csv is leeg. Kies een bestand met cijfers.',
    });
    expect(checkImportFile({ name: 'groot.csv', size: FIGURES_UPLOAD_LIMIT + 1 })?.message).toBe(
      'groot.csv is groter dan 200 MB. Splits het bestand, bijvoorbeeld per jaar, en importeer de delen na elkaar.',
    );
    expect(checkImportFile({ name: 'precies.csv', size: FIGURES_UPLOAD_LIMIT })).toBeNull();
  });
});

describe('importFailure', () => {
  it('puts a too large or unreadable file at the input, anything else above the form', () => {
    expect(importFailure(new ApiError(413, 'te groot'), 'a.csv', 'mislukt')[0]).toEqual({
      field: 'file',
      message: t.fileTooLarge('a.csv', '200 MB'),
    });
    expect(importFailure(new ApiError(415, 'Geen multipart'), 'a.csv', 'mislukt')[0]?.field).toBe('file');
    expect(importFailure(new ApiError(400, 'mapping klopt niet'), 'a.csv', 'mislukt')).toEqual([
      { field: null, message: 'mapping klopt niet' },
    ]);
    expect(importFailure(new ApiError(400, 'format: Ongeldige optie', 'format'), 'a.csv', 'mislukt')).toEqual(
      [{ field: 'format', message: 'format: Ongeldige optie' }],
    );
    expect(importFailure(new TypeError('offline'), 'a.csv', 'mislukt')).toEqual([
      { field: null, message: 'mislukt' },
    ]);
  });
});

describe('reading the report', () => {
  it('lists the facts of a CSV: format, encoding, delimiter and size in Dutch', () => {
    expect(fileFacts(report())).toEqual([
      { key: 'Bestand', value: 'cijfers.csv' },
      { key: 'Formaat', value: 'Ketenzicht CSV (lang formaat)' },
      { key: 'Tekenset', value: 'UTF-8' },
      { key: 'Scheidingsteken', value: 'puntkomma (;)' },
      { key: 'Grootte', value: '127 bytes' },
    ]);
  });

  it('names the CBS table and the skipped "." cells of a CBS file', () => {
    const cbs = report({
      file: { size: 2048, sha256: 'x', format: 'cbs-csv', encoding: 'windows-1252', delimiter: ',' },
      findings: { headers: [], mapping: {}, cbsTable: '84847NED', skipped: 1234 },
    });
    expect(fileFacts(cbs).slice(1)).toEqual([
      { key: 'Formaat', value: 'CBS StatLine CSV' },
      { key: 'Tekenset', value: 'Windows-1252' },
      { key: 'Scheidingsteken', value: 'komma (,)' },
      { key: 'Grootte', value: '2 kB' },
      { key: 'CBS-tabel', value: '84847NED' },
      { key: t.skipped, value: '1.234' },
    ]);
  });

  it('counts rows, errors and warnings, and the new, changed and unchanged figures', () => {
    expect(reportCounts(report({ rows: 12345, warnings: 2 })).map((fact) => fact.value)).toEqual([
      '12.345',
      '0',
      '2',
    ]);
    expect(diffCounts(report()).map((fact) => `${fact.key} ${fact.value}`)).toEqual([
      'Nieuw 1',
      'Gewijzigd 1',
      'Ongewijzigd 0',
    ]);
  });

  it('reads problems into rows: the whole file, no column, empty and missing values', () => {
    const rows = problemRows(
      report({
        problems: [
          { severity: 'fout', row: 4, column: 'waarde', value: '12,3,4', message: 'Geen getal.' },
          { severity: 'waarschuwing', row: 5, column: null, value: '', message: 'Klopt dit?' },
          { severity: 'fout', row: null, column: null, value: null, message: 'Leeg bestand.' },
        ],
      }),
    );
    expect(rows).toEqual([
      {
        severity: 'Fout',
        isError: true,
        row: '4',
        column: 'waarde',
        value: '12,3,4',
        message: 'Geen getal.',
      },
      {
        severity: 'Waarschuwing',
        isError: false,
        row: '5',
        column: null,
        value: '(leeg)',
        message: 'Klopt dit?',
      },
      {
        severity: 'Fout',
        isError: true,
        row: 'hele bestand',
        column: null,
        value: '–',
        message: 'Leeg bestand.',
      },
    ]);
  });

  it('says when the table holds only the first problems', () => {
    expect(problemsTruncated(report({ errors: 5000, problems: [] }))).toBe(
      'De tabel toont de eerste 0 van 5.000 problemen.',
    );
    expect(problemsTruncated(report())).toBeNull();
  });

  it('reads changes with old → new value and status, period labels, names and breakdowns', () => {
    const [changed, added] = changeRows(report(), catalogue);
    expect(changed).toMatchObject({
      kind: 'gewijzigd',
      indicatorCode: 'vt_meldingen',
      indicatorName: 'Meldingen bij Veilig Thuis',
      area: 'GM0344',
      period: '3e kwartaal 2024',
      periodCode: '2024KW03',
      breakdown: 'totaal',
      oldValue: '1.234 (voorlopig)',
      newValue: '1.300,5 (definitief)',
    });
    expect(added).toMatchObject({
      kind: 'nieuw',
      period: '2024',
      breakdown: 'Aard van het geweld: Kindermishandeling',
      oldValue: '–',
      newValue: '12 (definitief)',
    });
    expect(changeRows(report())[0]?.indicatorName).toBeNull();
  });

  it('labels breakdowns by code when the catalogue is not there', () => {
    expect(breakdownLabel('')).toBe('totaal');
    expect(breakdownLabel('aard_geweld=partnergeweld|melder=politie')).toBe(
      'aard_geweld: partnergeweld; melder: politie',
    );
  });

  it('says when the changes are a sample', () => {
    expect(changesTruncated(report())).toBeNull();
    expect(changesTruncated(report({ added: 1000 }))).toBe(
      'De tabel toont er 2: de eerste 200 gewijzigde en de eerste 200 nieuwe cijfers.',
    );
  });

  it('mentions an earlier import of the same file, in Dutch time', () => {
    expect(sameFileText(report({ sameFileAs: { id: 7, at: '2026-03-01T13:05:09Z' } }))).toBe(
      'Dit bestand is al eerder geïmporteerd op 1 maart 2026 om 14:05:09 (import 7).',
    );
    expect(sameFileText(report())).toBeNull();
  });

  it('offers the import only after a dry run without errors that changes something', () => {
    expect(canConfirm(report())).toBe(true);
    expect(canConfirm(report({ added: 0, changed: 0, unchanged: 2 }))).toBe(false);
    expect(canConfirm(refusedWide)).toBe(false);
    expect(canConfirm(report({ outcome: 'geimporteerd', importId: 3 }))).toBe(false);
  });

  it('confirms a dry run and an import, with the import number', () => {
    expect(reportConfirmation(report())).toBe('cijfers.csv is gecontroleerd. Er is nog niets gewijzigd.');
    expect(
      reportConfirmation(report({ outcome: 'geimporteerd', importId: 7, added: 1200, changed: 3 })),
    ).toBe('Import 7 is gelukt: 1.200 nieuw, 3 gewijzigd. De importgeschiedenis is bijgewerkt.');
    expect(reportConfirmation(report({ outcome: 'ongewijzigd' }))).toBe(t.importedUnchanged);
    expect(reportConfirmation(refusedWide)).toBeNull();
  });

  it('summarises a refused file: nothing changed, see the problems; and the mapping when it can help', () => {
    expect(reportErrors(report())).toEqual([]);
    expect(reportErrors(refusedWide)).toEqual([
      {
        field: 'problems',
        message:
          'breed.xlsx is geweigerd: het bevat 1 fout. Er is niets gewijzigd. Bekijk de fout in de tabel “Problemen in het bestand”.',
      },
      { field: 'mapping', message: t.mappingSummary },
    ]);
    const rowErrors = report({
      outcome: 'geweigerd',
      errors: 4,
      problems: [{ severity: 'fout', row: 2, column: 'gebied', value: 'GM9999', message: 'Onbekend.' }],
    });
    expect(reportErrors(rowErrors)).toEqual([
      {
        field: 'problems',
        message:
          'cijfers.csv is geweigerd: het bevat 4 fouten. Er is niets gewijzigd. Bekijk de fouten in de tabel “Problemen in het bestand”.',
      },
    ]);
  });
});

describe('column mapping', () => {
  it('lets the columns of worksheets and Ketenzicht CSVs be chosen, not those of CBS files', () => {
    expect(isMappingEditable(refusedWide)).toBe(true);
    expect(isMappingEditable(report())).toBe(true);
    expect(
      isMappingEditable(
        report({ file: { size: 1, sha256: '', format: 'cbs-json', encoding: 'utf-8', delimiter: null } }),
      ),
    ).toBe(false);
  });

  it('knows the headers from the findings, or from the problems of a refused header', () => {
    expect(knownHeaders(report())).toEqual(['indicator', 'gebied', 'periode', 'waarde', 'status']);
    expect(knownHeaders(refusedWide)).toEqual([]);
    const refusedLong = report({
      outcome: 'geweigerd',
      findings: null,
      problems: [
        { severity: 'fout', row: 1, column: 'Gemeente', value: null, message: 'Onbekende kolom' },
        { severity: 'fout', row: 1, column: 'Aantal', value: null, message: 'Onbekende kolom' },
        { severity: 'fout', row: 1, column: 'Gemeente', value: null, message: 'Nog eens' },
        { severity: 'fout', row: 1, column: null, value: null, message: 'Kolom "waarde" ontbreekt' },
      ],
    });
    expect(knownHeaders(refusedLong)).toEqual(['Gemeente', 'Aantal']);
    // Only a long header names unknown columns: such a refused worksheet is long.
    const refusedLongSheet = { ...refusedLong, file: refusedWide.file };
    expect(draftLayout(emptyDraft(), refusedLongSheet)).toBe('long');
    expect(draftLayout({ ...emptyDraft(), layout: 'wide' }, refusedLongSheet)).toBe('wide');
  });

  it('offers the mapping form for every worksheet, for a Ketenzicht CSV only when its header was refused', () => {
    expect(canChooseMapping(refusedWide)).toBe(true);
    expect(canChooseMapping(report({ file: refusedWide.file }))).toBe(true);
    expect(canChooseMapping(report())).toBe(false);
    const headerProblem = { severity: 'fout' as const, row: 1, column: 'aantal', value: null, message: 'x' };
    const rowProblem = { ...headerProblem, row: 7, column: 'waarde' };
    expect(canChooseMapping(report({ outcome: 'geweigerd', problems: [headerProblem] }))).toBe(true);
    expect(canChooseMapping(report({ outcome: 'geweigerd', problems: [rowProblem] }))).toBe(false);
    expect(
      canChooseMapping(
        report({
          outcome: 'geweigerd',
          problems: [headerProblem],
          file: { size: 1, sha256: '', format: 'cbs-csv', encoding: 'utf-8', delimiter: ',' },
        }),
      ),
    ).toBe(false);
  });

  it('starts the form from the detected mapping', () => {
    expect(draftFromMapping(undefined)).toEqual(emptyDraft());
    expect(
      draftFromMapping({ layout: 'wide', indicator: 'vt_meldingen', columns: { area: 'Gemeente' } }),
    ).toEqual({
      layout: 'wide',
      indicator: 'vt_meldingen',
      columns: { indicator: '', area: 'Gemeente', period: '', value: '', status: '' },
    });
  });

  it('shows the fields of the chosen or detected layout; a CSV is always long, an unread sheet unknown', () => {
    expect(draftLayout(emptyDraft(), report())).toBe('long');
    expect(draftLayout(emptyDraft(), refusedWide)).toBeNull();
    expect(draftLayout({ ...emptyDraft(), layout: 'long' }, refusedWide)).toBe('long');
    const wide = report({
      file: refusedWide.file,
      findings: {
        headers: ['gebied', '2023'],
        mapping: { layout: 'wide', columns: { area: 'gebied' } },
        skipped: 0,
      },
    });
    expect(draftLayout(emptyDraft(), wide)).toBe('wide');
  });

  it('sends only what is chosen, in the API’s shape', () => {
    expect(mappingFromDraft(emptyDraft(), refusedWide)).toBeUndefined();
    expect(mappingFromDraft({ ...emptyDraft(), indicator: 'vt_adviezen' }, refusedWide)).toEqual({
      indicator: 'vt_adviezen',
    });
    const wide = {
      ...emptyDraft(),
      layout: 'wide' as const,
      indicator: 'vt_adviezen',
      columns: { ...emptyDraft().columns, area: 'Gemeente', period: 'ignored' },
    };
    expect(mappingFromDraft(wide, refusedWide)).toEqual({
      layout: 'wide',
      indicator: 'vt_adviezen',
      columns: { area: 'Gemeente' },
    });
    // A long sheet: the column of every role, no indicator for the whole sheet.
    const long = {
      layout: 'long' as const,
      indicator: 'vt_adviezen',
      columns: { indicator: 'Code', area: 'Gemeente', period: 'Jaar', value: 'Aantal', status: '' },
    };
    expect(mappingFromDraft(long, refusedWide)).toEqual({
      layout: 'long',
      columns: { indicator: 'Code', area: 'Gemeente', period: 'Jaar', value: 'Aantal' },
    });
    // A CSV has no layout to choose.
    expect(mappingFromDraft(long, report())).toEqual({
      columns: { indicator: 'Code', area: 'Gemeente', period: 'Jaar', value: 'Aantal' },
    });
  });

  it('asks for the indicator of a wide sheet unless a column names it', () => {
    const wide = { ...emptyDraft(), layout: 'wide' as const };
    expect(checkDraft(wide, refusedWide)).toEqual({ field: 'indicator', message: t.indicatorMissing });
    expect(checkDraft({ ...wide, indicator: 'vt_adviezen' }, refusedWide)).toBeNull();
    // Not known to be wide: the server will say what it needs.
    expect(checkDraft(emptyDraft(), refusedWide)).toBeNull();
    const withColumn = report({
      file: refusedWide.file,
      findings: {
        headers: ['indicator', 'gebied', '2023'],
        mapping: { layout: 'wide', columns: { area: 'gebied', indicator: 'indicator' } },
        skipped: 0,
      },
    });
    expect(indicatorColumnOf(withColumn)).toBe('indicator');
    expect(checkDraft(emptyDraft(), withColumn)).toBeNull();
  });

  it('confirms the import with the mapping the dry run reported, else the one sent', () => {
    const detected = report().findings?.mapping;
    expect(confirmedMapping(report(), undefined)).toEqual(detected);
    const cbs = report({ findings: { headers: [], mapping: {}, skipped: 0 } });
    expect(confirmedMapping(cbs, undefined)).toBeUndefined();
    expect(confirmedMapping(cbs, { indicator: 'vt_adviezen' })).toEqual({ indicator: 'vt_adviezen' });
    const long = report({
      findings: { headers: [], mapping: { columns: { area: 'x'.repeat(201) } }, skipped: 0 },
    });
    expect(confirmedMapping(long, { layout: 'long' })).toEqual({ layout: 'long' });
  });

  it('describes the detected mapping in words, with the indicator’s name', () => {
    expect(
      mappingFacts({ layout: 'wide', indicator: 'vt_meldingen', columns: { area: 'gebied' } }, catalogue),
    ).toEqual([
      { key: 'Opbouw', value: t.layouts.wide },
      { key: 'Indicator (voor het hele werkblad)', value: 'Meldingen bij Veilig Thuis (vt_meldingen)' },
      { key: 'Gebied', value: 'kolom “gebied”' },
    ]);
    expect(mappingFacts(undefined)).toEqual([]);
  });

  it('offers only stored indicators for a sheet, not derived ones', () => {
    expect(importableIndicators(catalogue).map((item) => item.code)).toEqual(['vt_meldingen']);
    expect(importableIndicators(undefined)).toEqual([]);
  });
});

describe('history', () => {
  const record = (overrides: Partial<ImportList['items'][number]>) => ({
    id: 1,
    kind: 'import' as const,
    fileName: 'a.csv',
    fileSize: 10,
    fileSha256: 'x',
    format: 'ketenzicht-csv',
    actorLabel: 'ann@example.nl',
    at: '2026-03-01T13:05:09Z',
    rows: 2,
    added: 2,
    changed: 0,
    unchanged: 0,
    skipped: 0,
    warnings: 0,
    undoOf: null,
    undoneBy: null,
    ...overrides,
  });
  const list: ImportList = {
    total: 3,
    items: [
      record({ id: 3, kind: 'undo', undoOf: 1, added: 0 }),
      record({ id: 2, actorLabel: 'bob@example.nl', changed: 1500 }),
      record({ id: 1, undoneBy: 3 }),
    ],
  };

  it('reads imports and undos with their status; a beheerder may undo any import that stands', () => {
    const rows = historyRows(list, { isAdmin: true, email: 'ann@example.nl' });
    expect(rows.map((row) => [row.id, row.status, row.canUndo])).toEqual([
      [3, 'maakt import 1 ongedaan', false],
      [2, 'geïmporteerd', true],
      [1, 'ongedaan gemaakt door 3', false],
    ]);
    expect(rows[1]).toMatchObject({ at: '1 maart 2026 om 14:05:09', changed: '1.500', by: 'bob@example.nl' });
  });

  it('lets an aanleverancier undo only their own imports', () => {
    const list2: ImportList = {
      total: 2,
      items: [record({ id: 5 }), record({ id: 4, actorLabel: 'bob@x.nl' })],
    };
    expect(historyRows(list2, { isAdmin: false, email: 'ANN@example.nl' }).map((row) => row.canUndo)).toEqual(
      [true, false],
    );
  });

  it('captions the table with how many imports it shows', () => {
    expect(historyCaption(list)).toBe('Alle 3 imports, de nieuwste eerst');
    expect(historyCaption({ total: 1, items: [record({})] })).toBe('1 import');
    expect(historyCaption({ total: 1200, items: list.items })).toBe('De nieuwste 3 van 1.200 imports');
  });

  it('confirms an undo', () => {
    expect(undoConfirmation({ importId: 7, undoId: 8, restored: 1200, withdrawn: 2 })).toBe(
      'Import 7 is ongedaan gemaakt: 1.200 cijfers teruggezet naar de waarde van daarvoor, 2 cijfers ingetrokken.',
    );
    expect(undoConfirmation({ importId: 7, undoId: 8, restored: 1, withdrawn: 0 })).toBe(
      'Import 7 is ongedaan gemaakt: 1 cijfer teruggezet naar de waarde van daarvoor, 0 cijfers ingetrokken.',
    );
  });
});
