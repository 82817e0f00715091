// SPDX-License-Identifier: EUPL-1.2
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { texts } from '../texts.ts';
import {
  checkUploadFile,
  formatMegabytes,
  MERGER_CSV_COLUMNS,
  MERGER_UPLOAD_LIMIT,
  problemColumnLabel,
  problemRowLabel,
  problemValueLabel,
  uploadConfirmation,
  uploadFailure,
  uploadFileName,
} from './merger-upload.ts';

const t = texts.mergerUpload;
const FALLBACK = texts.forms.sendFailed;

describe('the contract with the server', () => {
  it('explains every column of the shipped file, in its order', () => {
    expect(t.columns.map((column) => column.name)).toEqual([...MERGER_CSV_COLUMNS]);
    const header = readFileSync(new URL('../../../reference-data/herindelingen.csv', import.meta.url), 'utf8')
      .split('\n')[0]
      ?.trim();
    expect(header).toBe(MERGER_CSV_COLUMNS.join(','));
  });
});

describe('formatMegabytes', () => {
  it('writes the limit in whole megabytes', () => {
    expect(formatMegabytes(MERGER_UPLOAD_LIMIT)).toBe('5 MB');
  });
});

describe('uploadFileName', () => {
  it('keeps an ordinary name', () => {
    expect(uploadFileName('herindelingen 2026.csv')).toBe('herindelingen 2026.csv');
  });

  it('drops a path, control characters and < >, which the API refuses', () => {
    expect(uploadFileName('C:\\fakepath\\her<in>del\u0007ingen.csv')).toBe('herindelingen.csv');
    expect(uploadFileName('map/sub/bestand.csv')).toBe('bestand.csv');
  });

  it('falls back to upload.csv when nothing is left', () => {
    expect(uploadFileName('')).toBe('upload.csv');
    expect(uploadFileName(' <> ')).toBe('upload.csv');
  });

  it('shortens a long name to 200 characters, keeping the extension', () => {
    const name = uploadFileName(`${'a'.repeat(300)}.csv`);
    expect(name).toHaveLength(200);
    expect(name.endsWith('….csv')).toBe(true);
    expect(uploadFileName('b'.repeat(250))).toHaveLength(200);
  });
});

describe('checkUploadFile', () => {
  it('asks for a file when none is chosen', () => {
    expect(checkUploadFile(null, t)).toEqual({ field: 'file', message: t.fileMissing });
  });

  it('refuses an empty file and one over 5 MB before sending', () => {
    expect(checkUploadFile({ name: 'leeg.csv', size: 0 }, t)).toEqual({
      field: 'file',
      message: 'leeg.csv is leeg. Kies een CSV-bestand met een kopregel.',
    });
    expect(checkUploadFile({ name: 'groot.csv', size: MERGER_UPLOAD_LIMIT + 1 }, t)?.message).toBe(
      'groot.csv is groter dan 5 MB. Kies een kleiner bestand of verdeel de herindelingen over meer bestanden.',
    );
  });

  it('accepts a file up to the limit', () => {
    expect(checkUploadFile({ name: 'a.csv', size: 1 }, t)).toBeNull();
    expect(checkUploadFile({ name: 'a.csv', size: MERGER_UPLOAD_LIMIT }, t)).toBeNull();
  });
});

describe('uploadFailure', () => {
  const problems = [
    { row: 2, column: 'effective_date', value: '2026-13-01', message: 'Geen geldige datum.' },
    { row: 3, column: 'old_code', value: 'X', message: 'Geen geldige gemeentecode.' },
  ];

  it('links the summary to the table of every problem of a refused file', () => {
    const error = new ApiError(400, 'fout.csv: 2 fout(en):\n  rij 2 …', undefined, problems);
    expect(uploadFailure(error, 'fout.csv', t, FALLBACK)).toEqual({
      errors: [
        {
          field: 'problems',
          message:
            'fout.csv bevat 2 fouten; er is niets gewijzigd. Bekijk de fouten in de tabel “Fouten in het bestand”.',
        },
      ],
      problems,
    });
    const one = new ApiError(400, 'x', undefined, problems.slice(0, 1));
    expect(uploadFailure(one, 'fout.csv', t, FALLBACK).errors[0]?.message).toMatch(
      /^fout\.csv bevat 1 fout;/,
    );
  });

  it('puts a refusal of the file as a whole at the file input', () => {
    const notCsv = new ApiError(415, 'boek.csv is een Excel- of zipbestand, geen CSV-bestand.');
    expect(uploadFailure(notCsv, 'boek.csv', t, FALLBACK)).toEqual({
      errors: [{ field: 'file', message: 'boek.csv is een Excel- of zipbestand, geen CSV-bestand.' }],
      problems: [],
    });
    const empty = new ApiError(400, 'leeg.csv is leeg.');
    expect(uploadFailure(empty, 'leeg.csv', t, FALLBACK).errors).toEqual([
      { field: 'file', message: 'leeg.csv is leeg.' },
    ]);
  });

  it('says the limit itself for a 413 (the server’s generic message names another limit)', () => {
    const tooLarge = new ApiError(413, 'Het verzoek is te groot: de grens is 1 MB.');
    expect(uploadFailure(tooLarge, 'groot.csv', t, FALLBACK).errors).toEqual([
      { field: 'file', message: t.fileTooLarge('groot.csv', '5 MB') },
    ]);
  });

  it('shows other answers for the form as a whole, and the fallback without an answer', () => {
    expect(
      uploadFailure(new ApiError(403, 'Hiervoor is de rol beheerder nodig.'), 'a.csv', t, FALLBACK),
    ).toEqual({ errors: [{ field: null, message: 'Hiervoor is de rol beheerder nodig.' }], problems: [] });
    expect(uploadFailure(new TypeError('Failed to fetch'), 'a.csv', t, FALLBACK)).toEqual({
      errors: [{ field: null, message: FALLBACK }],
      problems: [],
    });
  });
});

describe('uploadConfirmation', () => {
  it('confirms a check with the rows and the encoding read, and that nothing changed', () => {
    expect(
      uploadConfirmation({ fileName: 'h.csv', rows: 1234, dryRun: true, encoding: 'windows-1252' }, t),
    ).toBe(
      'h.csv is in orde: 1.234 herindelingsrijen, gelezen als Windows-1252. Er is nog niets gewijzigd; kies “Importeren” om de herindelingen op te slaan.',
    );
  });

  it('confirms an import', () => {
    expect(
      uploadConfirmation({ fileName: 'h.csv', rows: 1, dryRun: false, encoding: 'utf-8 met BOM' }, t),
    ).toBe(
      'h.csv is geïmporteerd: 1 herindelingsrij opgeslagen, gelezen als UTF-8 met BOM. De tabel met herindelingen is bijgewerkt.',
    );
    expect(uploadConfirmation({ fileName: 'h.csv', rows: 3, dryRun: false, encoding: 'utf-8' }, t)).toContain(
      '3 herindelingsrijen opgeslagen, gelezen als UTF-8.',
    );
  });
});

describe('the cells of the problems table', () => {
  it('shows a dash for a problem of the whole file, and "(leeg)" for an empty value', () => {
    expect(problemRowLabel(12, t)).toBe('12');
    expect(problemRowLabel(0, t)).toBe('–');
    expect(problemColumnLabel('old_code', t)).toBe('old_code');
    expect(problemColumnLabel('-', t)).toBe('–');
    expect(problemValueLabel('', t)).toBe('(leeg)');
    expect(problemValueLabel('GM0X', t)).toBe('GM0X');
  });
});
