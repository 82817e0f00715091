import { describe, expect, it } from 'vitest';
import { CASE_CSV_COLUMNS, type CaseCsvColumn } from '../../../shared/cases.ts';
import type { ExtractCase } from './cases.domain.ts';
import {
  type CaseExtractResult,
  type ExtractContext,
  MAX_CASE_PROBLEMS,
  parseCaseDate,
  readCaseExtract,
  splitCodeList,
} from './cases.extract.ts';

const context: ExtractContext = {
  gemeenten: new Set(['GM0363', 'GM0344', 'GM0014']),
  melderCodes: new Set(['politie_justitie', 'burger', 'onderwijs']),
  violenceTypeCodes: new Set(['kindermishandeling', 'partnergeweld', 'ouderenmishandeling']),
  interventionCodes: new Set(['thv', 'mda_plus', 'systeemtherapie']),
  teams: {
    byId: new Map([
      [1, 'Wijkteam Noord'],
      [2, 'Veilig Thuis Utrecht'],
    ]),
    byName: new Map([
      ['Wijkteam Noord', 1],
      ['Veilig Thuis Utrecht', 2],
    ]),
  },
  today: '2025-06-30',
};

type Row = Partial<Record<CaseCsvColumn, string>>;

/** Records as csv-parse returns them: the header, then one array per row in header order. */
function records(rows: Row[], header: readonly string[] = CASE_CSV_COLUMNS): string[][] {
  return [[...header], ...rows.map((row) => header.map((column) => row[column as CaseCsvColumn] ?? ''))];
}

function read(rows: Row[], header?: readonly string[]): CaseExtractResult {
  return readCaseExtract(records(rows, header), context);
}

const melding = (casus = 'C1', date = '2024-01-10', extra: Row = {}): Row => ({
  casus_id: casus,
  huishouden_id: `H-${casus}`,
  gebeurtenis: 'melding',
  datum: date,
  gemeente: 'GM0363',
  melder: 'burger',
  aard_geweld: 'kindermishandeling',
  ...extra,
});
const event = (gebeurtenis: string, datum: string, extra: Row = {}, casus = 'C1'): Row => ({
  casus_id: casus,
  huishouden_id: `H-${casus}`,
  gebeurtenis,
  datum,
  ...extra,
});

const errorsOf = (result: CaseExtractResult) =>
  result.problems.filter((problem) => problem.severity === 'fout');

describe('small readers', () => {
  it('reads ISO and Dutch dates, refuses impossible ones', () => {
    expect(parseCaseDate('2024-03-01')).toBe('2024-03-01');
    expect(parseCaseDate('01-03-2024')).toBe('2024-03-01');
    expect(parseCaseDate('1-3-2024')).toBe('2024-03-01');
    expect(parseCaseDate(' 29-2-2024 ')).toBe('2024-02-29');
    for (const text of ['2024-02-30', '29-2-2023', '2024/03/01', '01-03-24', '2024-3-1', 'maart 2024', ''])
      expect(parseCaseDate(text), text).toBeNull();
  });

  it('splits code lists on |, comma and semicolon', () => {
    expect(splitCodeList('a|b')).toEqual(['a', 'b']);
    expect(splitCodeList(' a , b ;c| ')).toEqual(['a', 'b', 'c']);
    expect(splitCodeList('')).toEqual([]);
  });
});

describe('a valid extract', () => {
  // Two cases, interleaved and out of date order, as a supplier's export may well be.
  const rows: Row[] = [
    melding('C1', '2024-01-10', { aard_geweld: 'kindermishandeling|partnergeweld' }), // row 2
    melding('C2', '05-03-2024', {
      gemeente: 'gm0344',
      melder: 'Politie_Justitie',
      aard_geweld: 'ouderenmishandeling',
    }), // row 3
    event('veiligheidsbeoordeling', '2024-01-15', { veiligheid: 'structureel' }), // row 4
    event('besluit', '2024-01-20', { besluit: 'overdracht' }), // row 5
    event('overdracht', '2024-01-22', { team: '1' }), // row 6
    event('regisseur', '2024-01-22', { team: 'wijkteam noord' }), // row 7
    event('plan', '1-2-2024'), // row 8
    event('interventie_start', '2024-02-05', { interventie: 'thv', primair: 'ja' }), // row 9
    event('interventie_einde', '2024-05-01', { interventie: 'thv' }), // row 10
    event('meting', '2024-04-22', {
      bron: 'lokaal_team',
      geweld: 'nee',
      veiligheidsstatus: 'veilig',
      voorwaarden: 'ja',
    }), // row 11
    event('veiligheidsbeoordeling', '2024-03-08', { veiligheid: 'Acute onveiligheid' }, 'C2'), // row 12
    event('besluit', '2024-03-08', { besluit: 'Voorwaarden & Vervolg' }, 'C2'), // row 13
    event('afsluiting', '2024-06-01', { reden: 'doelen_bereikt' }), // row 14
    event('meting', '2025-01-20', {
      bron: 'gezin',
      geweld: 'onbekend',
      veiligheidsstatus: 'onbekend',
      voorwaarden: 'nvt',
    }), // row 15
    event('interventie_start', '2024-03-10', { interventie: 'MDA_PLUS', primair: 'false' }, 'C2'), // row 16
  ];

  it('turns into the expected cases, events sorted by date', () => {
    const result = read(rows);
    expect(result.problems).toEqual([]);
    expect(result.errors).toBe(0);
    expect(result.warnings).toBe(0);
    expect(result.rows).toBe(15);
    expect(result.personalData).toEqual([]);
    const expected: ExtractCase[] = [
      {
        caseRef: 'C1',
        householdRef: 'H-C1',
        firstRow: 2,
        events: [
          {
            kind: 'melding',
            date: '2024-01-10',
            gemeente: 'GM0363',
            melder: 'burger',
            violenceTypes: ['kindermishandeling', 'partnergeweld'],
          },
          { kind: 'veiligheidsbeoordeling', date: '2024-01-15', assessment: 'structureel' },
          { kind: 'besluit', date: '2024-01-20', decision: 'overdracht' },
          { kind: 'overdracht', date: '2024-01-22', teamId: 1 },
          { kind: 'regisseur', date: '2024-01-22', teamId: 1 },
          { kind: 'plan', date: '2024-02-01' },
          { kind: 'interventie_start', date: '2024-02-05', intervention: 'thv', primary: true },
          {
            kind: 'meting',
            date: '2024-04-22',
            source: 'lokaal_team',
            violence: 'nee',
            safety: 'veilig',
            conditionsMet: 'ja',
          },
          { kind: 'interventie_einde', date: '2024-05-01', intervention: 'thv' },
          { kind: 'afsluiting', date: '2024-06-01', reason: 'doelen_bereikt' },
          {
            kind: 'meting',
            date: '2025-01-20',
            source: 'gezin',
            violence: 'onbekend',
            safety: 'onbekend',
            conditionsMet: 'nvt',
          },
        ],
      },
      {
        caseRef: 'C2',
        householdRef: 'H-C2',
        firstRow: 3,
        events: [
          {
            kind: 'melding',
            date: '2024-03-05',
            gemeente: 'GM0344',
            melder: 'politie_justitie',
            violenceTypes: ['ouderenmishandeling'],
          },
          { kind: 'veiligheidsbeoordeling', date: '2024-03-08', assessment: 'acuut' },
          { kind: 'besluit', date: '2024-03-08', decision: 'voorwaarden_vervolg' },
          { kind: 'interventie_start', date: '2024-03-10', intervention: 'mda_plus', primary: false },
        ],
      },
    ];
    expect(result.cases).toEqual(expected);
  });

  it('keeps file order within a day', () => {
    const result = read([
      melding(),
      event('regisseur', '2024-01-22', { team: '2' }),
      event('overdracht', '2024-01-22', { team: '1' }),
    ]);
    expect(result.cases[0]?.events.map((e) => e.kind)).toEqual(['melding', 'regisseur', 'overdracht']);
  });

  it('ignores a BOM, case and spaces in the header; missing optional columns are empty', () => {
    const header = [
      '\uFEFFCasus_ID',
      ' Huishouden_id ',
      'GEBEURTENIS',
      'datum',
      'gemeente',
      'melder',
      'aard_geweld',
      'veiligheid',
    ];
    const result = readCaseExtract(
      [
        header,
        ['C1', 'H1', 'melding', '2024-01-10', 'GM0363', 'burger', 'partnergeweld', ''],
        ['C1', 'H1', 'veiligheidsbeoordeling', '2024-01-12', '', '', '', 'geen'],
      ],
      context,
    );
    expect(result.problems).toEqual([]);
    expect(result.cases).toHaveLength(1);
    expect(result.cases[0]?.events).toHaveLength(2);
  });

  it('skips blank rows but keeps spreadsheet row numbers', () => {
    const data = records([melding(), event('plan', '2024-13-01')]);
    data.splice(
      2,
      0,
      CASE_CSV_COLUMNS.map(() => ''),
      [],
    );
    const result = readCaseExtract(data, context);
    expect(result.rows).toBe(2);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ row: 5, column: 'datum', value: '2024-13-01' });
  });
});

describe('personal data', () => {
  it('refuses a BSN hidden in huishouden_id, naming column and row, never repeating the number', () => {
    const rows = [
      melding(),
      event('plan', '2024-01-11'),
      event('plan', '2024-01-12'),
      event('plan', '2024-01-13'),
    ];
    rows.push({ ...event('plan', '2024-01-14'), huishouden_id: '123456782' }); // row 6
    rows.push({ ...event('plan', '2024-01-15'), huishouden_id: '1112.22.333' }); // row 7
    const result = read(rows);
    expect(result.personalData).toEqual([{ column: 'huishouden_id', kind: 'bsn', firstRow: 6, count: 2 }]);
    const problem = result.problems.find((p) => p.column === 'huishouden_id');
    expect(problem).toMatchObject({ severity: 'fout', row: 6, value: null });
    expect(problem?.message).toMatch(/^Kolom "huishouden_id" \(rij 6 en nog 1 rij\) bevat een BSN/);
    const everything = JSON.stringify(result);
    expect(everything).not.toContain('123456782');
    expect(everything).not.toContain('1112.22.333');
    // The personal-data finding is the only problem: the row is not also refused for its format.
    expect(result.errors).toBe(1);
    expect(result.cases).toEqual([]);
  });

  it('refuses columns whose name announces personal data', () => {
    const header = [...CASE_CSV_COLUMNS, 'BSN', 'Geb. datum'];
    const data = records([melding(), event('plan', '2024-01-12')], header);
    data[1]?.splice(CASE_CSV_COLUMNS.length, 2, '111222333', '1980-05-05');
    const result = readCaseExtract(data, context);
    expect(result.personalData).toEqual([
      { column: 'BSN', kind: 'bsn', firstRow: null, count: 1 },
      { column: 'Geb. datum', kind: 'geboortedatum', firstRow: null, count: 1 },
    ]);
    expect(errorsOf(result).map((p) => p.column)).toEqual(['BSN', 'Geb. datum']);
    expect(result.problems[0]?.message).toContain('Kolom "BSN" is een kolom met persoonsgegevens (BSN)');
    expect(JSON.stringify(result)).not.toContain('111222333');
  });

  it('flags every kind of value, once per column, in every known column', () => {
    const result = read([
      melding('C1', '2024-01-10', { melder: 'j.jansen@example.nl' }),
      melding('C2', '2024-01-10', { gemeente: '06-12345678', aard_geweld: 'Kerkstraat 12' }),
      melding('C3', '2024-01-10', { melder: 'piet@example.org', aard_geweld: '1234 AB 12' }),
      { ...event('plan', '2024-01-11'), casus_id: 'Jan Jansen' },
      event('overdracht', '2024-01-11', { team: 'M. de Vries' }),
      event('regisseur', '2024-01-12', { team: 'Wijkteam Noord' }),
    ]);
    expect(result.personalData).toEqual([
      { column: 'melder', kind: 'email', firstRow: 2, count: 2 },
      { column: 'gemeente', kind: 'telefoon', firstRow: 3, count: 1 },
      { column: 'aard_geweld', kind: 'adres', firstRow: 3, count: 1 },
      { column: 'aard_geweld', kind: 'postcode_huisnummer', firstRow: 4, count: 1 },
      { column: 'casus_id', kind: 'naam', firstRow: 5, count: 1 },
      { column: 'team', kind: 'naam', firstRow: 6, count: 1 },
    ]);
    for (const problem of result.problems) expect(problem.value).toBeNull();
    const text = JSON.stringify(result.problems);
    for (const secret of ['jansen@', 'piet@', '12345678', 'Kerkstraat', '1234 AB', 'Jan Jansen', 'de Vries'])
      expect(text).not.toContain(secret);
  });

  it('applies the name check to code columns only when the value is not a valid code', () => {
    const valid = read([
      melding('C1', '2024-01-10', { melder: 'Politie Justitie' }),
      event('regisseur', '2024-01-11', { team: 'Veilig Thuis Utrecht' }),
    ]);
    expect(valid.errors).toBe(0);
    expect(valid.cases[0]?.events[0]).toMatchObject({ melder: 'politie_justitie' });
    const named = read([melding('C1', '2024-01-10', { melder: 'Piet Jansen' })]);
    expect(named.personalData).toEqual([{ column: 'melder', kind: 'naam', firstRow: 2, count: 1 }]);
    expect(JSON.stringify(named)).not.toContain('Piet');
  });

  it('scans the values of unknown columns too', () => {
    const header = [...CASE_CSV_COLUMNS, 'klantnummer'];
    const data = records([melding()], header);
    data[1]?.splice(CASE_CSV_COLUMNS.length, 1, '123456782');
    const result = readCaseExtract(data, context);
    expect(result.personalData).toEqual([{ column: 'klantnummer', kind: 'bsn', firstRow: 2, count: 1 }]);
    expect(result.errors).toBe(2);
    expect(JSON.stringify(result)).not.toContain('123456782');
  });
});

describe('columns', () => {
  it('refuses unknown columns, listing the known ones and suggesting the nearest', () => {
    const result = read([melding()], [...CASE_CSV_COLUMNS, 'opmerking', 'gemeete']);
    const messages = errorsOf(result).map((p) => p.message);
    expect(messages[0]).toContain('Onbekende kolom "opmerking".');
    expect(messages[0]).not.toContain('Bedoelt u');
    expect(messages[0]).toContain(`Bekende kolommen: ${CASE_CSV_COLUMNS.join(', ')}.`);
    expect(messages[1]).toContain('Onbekende kolom "gemeete". Bedoelt u "gemeente"?');
  });

  it('needs the four required columns and stops when one is missing', () => {
    const header = [...CASE_CSV_COLUMNS.filter((column) => column !== 'datum'), 'datun'];
    const result = read([melding()], header);
    expect(result.cases).toEqual([]);
    const missing = result.problems.find((p) => p.column === 'datum');
    expect(missing?.message).toMatch(/^Verplichte kolom "datum" ontbreekt\. Is kolom "datun" bedoeld\?/);
  });

  it('refuses a column listed twice, an unnamed column with values, and surplus cells', () => {
    const header = [...CASE_CSV_COLUMNS, 'datum', ''];
    const data = records([melding()], header);
    data[1]?.splice(CASE_CSV_COLUMNS.length, 2, '2024-01-10', 'x');
    data[1]?.push('y');
    const result = readCaseExtract(data, context);
    const messages = errorsOf(result).map((p) => p.message);
    expect(messages).toContainEqual(expect.stringContaining('Kolom "datum" staat twee keer in de kopregel'));
    expect(messages).toContainEqual(expect.stringContaining('Kolom 19 heeft geen naam'));
    expect(messages).toContainEqual(expect.stringContaining('Rij 2 heeft meer waarden dan de kopregel'));
  });

  it('reports a column an event needs but the file lacks once', () => {
    const header = CASE_CSV_COLUMNS.filter((column) => column !== 'reden');
    const result = read(
      [
        melding(),
        event('afsluiting', '2024-02-01'),
        melding('C2'),
        event('afsluiting', '2024-02-01', {}, 'C2'),
      ],
      header,
    );
    expect(errorsOf(result)).toEqual([
      {
        severity: 'fout',
        row: 3,
        column: 'reden',
        value: null,
        message: expect.stringContaining(
          'Kolom "reden" ontbreekt, maar gebeurtenis "afsluiting" in rij 3 (en 1 andere rijen)',
        ),
      },
    ]);
  });
});

describe('row rules', () => {
  function problemsFor(rows: Row[]) {
    const result = read(rows);
    return result.problems.map((p) => ({
      severity: p.severity,
      row: p.row,
      column: p.column,
      message: p.message,
    }));
  }

  it('checks identifiers: 1 to 64 of letters, digits and . _ : / -', () => {
    const ok = read([melding('a.b_c:d/e-F9')]);
    expect(ok.errors).toBe(0);
    const spaced = problemsFor([{ ...melding(), casus_id: 'c 1' }]);
    expect(spaced[0]?.message).toContain('Kolom "casus_id" in rij 2 bevat een spatie');
    const long = problemsFor([{ ...melding(), huishouden_id: 'x'.repeat(65) }]);
    expect(long[0]?.message).toContain('is 65 tekens lang');
    const odd = problemsFor([{ ...melding(), huishouden_id: 'h#1' }]);
    expect(odd[0]?.message).toContain('bevat het teken "#"');
    const empty = problemsFor([{ ...melding(), casus_id: '' }]);
    expect(empty[0]?.message).toContain('Kolom "casus_id" is leeg in rij 2');
  });

  it('checks the event kind, with a hint', () => {
    const [problem] = problemsFor([
      melding(),
      event('interventie-start', '2024-02-01', { interventie: 'thv', primair: 'ja' }),
      event('afsluitng', '2024-03-01', { reden: 'overig' }),
    ]);
    expect(problem?.row).toBe(4);
    expect(problem?.message).toContain('Onbekende gebeurtenis "afsluitng" in rij 4. Bedoelt u "afsluiting"?');
  });

  it('checks dates: format and not in the future', () => {
    expect(problemsFor([melding('C1', '2024-02-30')])[0]?.message).toContain(
      'Geen geldige datum "2024-02-30"',
    );
    expect(problemsFor([melding('C1', '2025-07-01')])[0]?.message).toContain(
      'Datum 2025-07-01 in rij 2 ligt in de toekomst (vandaag is 2025-06-30)',
    );
    expect(read([melding('C1', '2025-06-30')]).errors).toBe(0);
  });

  it('checks required fields per event kind', () => {
    const problems = problemsFor([melding('C1', '2024-01-10', { melder: '', aard_geweld: '' })]);
    expect(problems.map((p) => p.column)).toEqual(['melder', 'aard_geweld']);
    expect(problems[0]?.message).toContain(
      'Bij gebeurtenis "melding" is kolom "melder" verplicht, maar die is leeg in rij 2',
    );
  });

  it('checks gemeente codes; bare numbers become GM codes', () => {
    expect(read([melding('C1', '2024-01-10', { gemeente: '14' })]).cases[0]?.events[0]).toMatchObject({
      gemeente: 'GM0014',
    });
    expect(problemsFor([melding('C1', '2024-01-10', { gemeente: 'GM9999' })])[0]?.message).toContain(
      'Onbekende gemeentecode "GM9999"',
    );
    expect(problemsFor([melding('C1', '2024-01-10', { gemeente: 'Utrecht' })])[0]?.message).toContain(
      'Geen gemeentecode',
    );
  });

  it('checks codes against the lists, with a hint and the allowed codes', () => {
    const cases: Array<[Row, string]> = [
      [
        melding('C1', '2024-01-10', { melder: 'burgr' }),
        'Onbekende code "burgr" in kolom "melder" (rij 2). Bedoelt u "burger"? Toegestaan: politie_justitie, burger, onderwijs.',
      ],
      [
        melding('C1', '2024-01-10', { aard_geweld: 'kindermishandeling|partnergweld' }),
        'Onbekende aard van geweld "partnergweld" in rij 2. Bedoelt u "partnergeweld"?',
      ],
      [
        event('veiligheidsbeoordeling', '2024-01-11', { veiligheid: 'acuu' }),
        'Bedoelt u "acuut"? Toegestaan: acuut, structureel, geen.',
      ],
      [
        event('besluit', '2024-01-11', { besluit: 'doorverwijzen' }),
        'Toegestaan: geen_vervolg, overdracht, voorwaarden_vervolg, onderzoek.',
      ],
      [
        event('interventie_start', '2024-01-11', { interventie: 'thw', primair: 'ja' }),
        'Onbekende code "thw" in kolom "interventie" (rij 3). Bedoelt u "thv"?',
      ],
      [
        event('interventie_start', '2024-01-11', { interventie: 'thv', primair: 'misschien' }),
        'Vul ja of nee in.',
      ],
      [
        event('meting', '2024-01-11', {
          bron: 'school',
          geweld: 'nee',
          veiligheidsstatus: 'veilig',
          voorwaarden: 'ja',
        }),
        'Toegestaan: veilig_thuis, lokaal_team, gezin.',
      ],
      [
        event('meting', '2024-01-11', {
          bron: 'gezin',
          geweld: 'misschien',
          veiligheidsstatus: 'veilig',
          voorwaarden: 'ja',
        }),
        'Toegestaan: ja, nee, onbekend.',
      ],
      [
        event('meting', '2024-01-11', {
          bron: 'gezin',
          geweld: 'nee',
          veiligheidsstatus: 'veiligg',
          voorwaarden: 'ja',
        }),
        'Bedoelt u "veilig"?',
      ],
      [
        event('meting', '2024-01-11', {
          bron: 'gezin',
          geweld: 'nee',
          veiligheidsstatus: 'veilig',
          voorwaarden: 'soms',
        }),
        'Toegestaan: ja, nee, nvt.',
      ],
      [event('afsluiting', '2024-01-11', { reden: 'verhuist' }), 'Bedoelt u "verhuisd"?'],
      [event('overdracht', '2024-01-11', { team: '99' }), 'Onbekende organisatie "99" in kolom "team"'],
      [event('overdracht', '2024-01-11', { team: 'wijkteam noordd' }), 'Bedoelt u "Wijkteam Noord"?'],
    ];
    for (const [row, expected] of cases) {
      const rows = row.gebeurtenis === 'melding' ? [row] : [melding(), row];
      const result = read(rows);
      expect(result.errors, expected).toBe(1);
      expect(result.problems[0]?.message, expected).toContain(expected);
      expect(result.cases).toEqual([]);
    }
  });

  it('reads ja/nee, true/false and 1/0 for primair, and lists with , or ;', () => {
    for (const [text, primary] of [
      ['ja', true],
      ['NEE', false],
      ['true', true],
      ['0', false],
      ['1', true],
    ] as const) {
      const result = read([
        melding(),
        event('interventie_start', '2024-02-01', { interventie: 'thv', primair: text }),
      ]);
      expect(result.cases[0]?.events[1], text).toMatchObject({ primary });
    }
    const result = read([
      melding('C1', '2024-01-10', { aard_geweld: 'partnergeweld, kindermishandeling;partnergeweld' }),
    ]);
    expect(result.cases[0]?.events[0]).toMatchObject({
      violenceTypes: ['partnergeweld', 'kindermishandeling'],
    });
  });

  it('warns about filled columns the event does not use, and still reads the case', () => {
    const result = read([
      melding('C1', '2024-01-10', { reden: 'overig' }),
      event('plan', '2024-01-12', { team: '1', primair: 'ja' }),
    ]);
    expect(result.errors).toBe(0);
    expect(result.warnings).toBe(3);
    expect(result.problems.map((p) => [p.severity, p.row, p.column])).toEqual([
      ['waarschuwing', 2, 'reden'],
      ['waarschuwing', 3, 'team'],
      ['waarschuwing', 3, 'primair'],
    ]);
    expect(result.problems[1]?.message).toBe(
      'Kolom "team" wordt genegeerd bij gebeurtenis "plan" (rij 3); die kolom hoort bij overdracht, regisseur. Laat hem leeg bij deze gebeurtenis.',
    );
    expect(result.cases).toHaveLength(1);
  });
});

describe('case rules', () => {
  function caseErrors(rows: Row[]) {
    const result = read(rows);
    expect(result.cases).toEqual([]);
    return errorsOf(result).map((p) => ({ row: p.row, column: p.column, message: p.message }));
  }

  it('needs the same household on every row', () => {
    const errors = caseErrors([melding(), { ...event('plan', '2024-01-12'), huishouden_id: 'H-other' }]);
    expect(errors).toEqual([
      {
        row: 3,
        column: 'huishouden_id',
        message: expect.stringContaining('Casus "C1" heeft in rij 3 een ander huishouden_id dan in rij 2'),
      },
    ]);
  });

  it('needs exactly one melding', () => {
    expect(caseErrors([event('plan', '2024-01-12')])[0]?.message).toContain(
      'Casus "C1" (rij 2) heeft geen melding',
    );
    const two = caseErrors([melding(), melding('C1', '2024-05-01')]);
    expect(two).toEqual([
      {
        row: 3,
        column: 'gebeurtenis',
        message: expect.stringContaining('heeft meer dan één melding (rij 2 en rij 3)'),
      },
    ]);
  });

  it('refuses events dated before the melding', () => {
    const errors = caseErrors([
      melding('C1', '2024-01-10'),
      event('veiligheidsbeoordeling', '2024-01-09', { veiligheid: 'geen' }),
    ]);
    expect(errors).toEqual([
      {
        row: 3,
        column: 'datum',
        message: expect.stringContaining('ligt vóór de melding (2024-01-10, rij 2)'),
      },
    ]);
  });

  it('needs a start of the same intervention on or before each end', () => {
    const sameDay = read([
      melding(),
      event('interventie_einde', '2024-02-01', { interventie: 'thv' }),
      event('interventie_start', '2024-02-01', { interventie: 'thv', primair: 'ja' }),
    ]);
    expect(sameDay.errors).toBe(0);
    const other = caseErrors([
      melding(),
      event('interventie_start', '2024-02-01', { interventie: 'mda_plus', primair: 'ja' }),
      event('interventie_einde', '2024-03-01', { interventie: 'thv' }),
    ]);
    expect(other).toEqual([
      {
        row: 4,
        column: 'interventie',
        message: expect.stringContaining('interventie "thv" eindigt in rij 4'),
      },
    ]);
    const early = caseErrors([
      melding(),
      event('interventie_einde', '2024-02-01', { interventie: 'thv' }),
      event('interventie_start', '2024-02-02', { interventie: 'thv', primair: 'ja' }),
    ]);
    expect(early).toHaveLength(1);
    // Two ends need two starts.
    const twice = caseErrors([
      melding(),
      event('interventie_start', '2024-02-01', { interventie: 'thv', primair: 'ja' }),
      event('interventie_einde', '2024-03-01', { interventie: 'thv' }),
      event('interventie_einde', '2024-04-01', { interventie: 'thv' }),
    ]);
    expect(twice.map((e) => e.row)).toEqual([5]);
  });

  it('allows at most one primary intervention', () => {
    const restarted = read([
      melding(),
      event('interventie_start', '2024-02-01', { interventie: 'thv', primair: 'ja' }),
      event('interventie_start', '2024-04-01', { interventie: 'thv', primair: 'ja' }),
      event('interventie_start', '2024-04-01', { interventie: 'mda_plus', primair: 'nee' }),
    ]);
    expect(restarted.errors).toBe(0);
    const two = caseErrors([
      melding(),
      event('interventie_start', '2024-02-01', { interventie: 'thv', primair: 'ja' }),
      event('interventie_start', '2024-03-01', { interventie: 'mda_plus', primair: 'ja' }),
    ]);
    expect(two).toEqual([
      {
        row: 4,
        column: 'primair',
        message: expect.stringContaining('meer dan één primaire interventie (rij 3 en rij 4)'),
      },
    ]);
  });

  it('allows one closure, and after it only measurements', () => {
    const measuredAfter = read([
      melding(),
      event('afsluiting', '2024-03-01', { reden: 'overig' }),
      event('plan', '2024-03-01'),
      event('meting', '2024-09-01', {
        bron: 'gezin',
        geweld: 'nee',
        veiligheidsstatus: 'veilig',
        voorwaarden: 'nvt',
      }),
    ]);
    expect(measuredAfter.errors).toBe(0);
    const twice = caseErrors([
      melding(),
      event('afsluiting', '2024-03-01', { reden: 'overig' }),
      event('afsluiting', '2024-04-01', { reden: 'verhuisd' }),
    ]);
    expect(twice).toEqual([
      {
        row: 4,
        column: 'gebeurtenis',
        message: expect.stringContaining('meer dan één keer afgesloten (rij 3 en rij 4)'),
      },
    ]);
    const after = caseErrors([
      melding(),
      event('afsluiting', '2024-03-01', { reden: 'overig' }),
      event('overdracht', '2024-03-02', { team: '2' }),
    ]);
    expect(after).toEqual([
      {
        row: 4,
        column: 'gebeurtenis',
        message: expect.stringContaining('ligt na de afsluiting (2024-03-01, rij 3)'),
      },
    ]);
  });

  it('keeps valid cases beside broken ones, and only counts beyond the list limit', () => {
    const result = read([melding('OK'), melding('BAD', '2024-01-10', { gemeente: 'GM9999' })]);
    expect(result.cases.map((c) => c.caseRef)).toEqual(['OK']);
    expect(result.errors).toBe(1);

    const many = read(
      Array.from({ length: MAX_CASE_PROBLEMS + 100 }, (_, index) =>
        melding(`C${index}`, '2024-01-10', { gemeente: 'GM9999' }),
      ),
    );
    expect(many.errors).toBe(MAX_CASE_PROBLEMS + 100);
    expect(many.problems).toHaveLength(MAX_CASE_PROBLEMS);
    expect(many.problems[0]?.row).toBe(2);
  });
});

describe('a file without a header row', () => {
  it('refuses it without repeating the personal data it holds where the column names should be', () => {
    const data = [
      ['C1', '123456782', 'Jan Jansen', 'jan@example.nl', 'melding', '2024-01-10'],
      ['C2', '111222333', 'Piet de Vries', 'piet@example.nl', 'melding', '2024-01-11'],
    ];
    const result = readCaseExtract(data, context);
    expect(result.errors).toBeGreaterThan(0);
    const text = JSON.stringify(result);
    for (const personal of ['123456782', 'Jan Jansen', 'jan@example.nl', '111222333', 'Piet de Vries'])
      expect(text).not.toContain(personal);
    expect(result.personalData.map((finding) => [finding.column, finding.kind])).toEqual(
      expect.arrayContaining([
        ['kolom 2', 'bsn'],
        ['kolom 3', 'naam'],
        ['kolom 4', 'email'],
      ]),
    );
    expect(result.problems.some((problem) => /ontbreekt de kopregel/.test(problem.message))).toBe(true);
  });
});
