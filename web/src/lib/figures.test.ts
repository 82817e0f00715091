// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import type { ObservationItem } from '../api/figures-queries.ts';
import {
  availablePeriods,
  breakdownKeyOf,
  breakdownNames,
  chooseBreakdown,
  chooseIndicator,
  combinedNotes,
  defaultPeriod,
  EMPTY_INDICATOR,
  figureNote,
  figureRows,
  figuresSearchFor,
  figuresSearchForVersions,
  figureText,
  formatFigure,
  formulaParts,
  formulaText,
  historyPath,
  type IndicatorFormValues,
  indicatorBody,
  indicatorFormErrors,
  indicatorsBySource,
  isIsoDate,
  missingAreaCodes,
  missingText,
  nextFigureSort,
  observationsPath,
  parseFiguresSearch,
  parseVersionsSearch,
  periodGroups,
  periodsPath,
  rollsUp,
  sortFigureRows,
  unitLabel,
  versionsSearchFor,
  withFormulaKind,
} from './figures.ts';

function item(
  overrides: Partial<ObservationItem> & Pick<ObservationItem, 'areaCode' | 'areaName'>,
): ObservationItem {
  return {
    note: null,
    indicator: 'vt_meldingen',
    areaLevel: 'gemeente',
    period: '2024JJ00',
    periodLabel: '2024',
    breakdown: {},
    value: null,
    status: null,
    origin: null,
    computedValue: null,
    differs: false,
    missing: [],
    ...overrides,
  };
}

const COUNT = { unit: 'aantal', formula: null } as const;
const PER_1000 = { unit: 'aantal', formula: { kind: 'per-1000' } } as const;
const PERCENTAGE = { unit: 'percentage', formula: null } as const;

describe('parseFiguresSearch', () => {
  it('keeps valid values', () => {
    expect(
      parseFiguresSearch({
        indicator: 'vt_meldingen',
        niveau: 'veiligthuisregio',
        periode: '2024HJ01',
        uitsplitsing: 'aard_geweld',
        peildatum: '2025-03-01',
      }),
    ).toEqual({
      indicator: 'vt_meldingen',
      niveau: 'veiligthuisregio',
      periode: '2024HJ01',
      uitsplitsing: 'aard_geweld',
      peildatum: '2025-03-01',
    });
  });

  it('drops what the API would refuse', () => {
    expect(
      parseFiguresSearch({
        indicator: 'Meldingen!',
        niveau: 'wijk',
        periode: '2024KW05',
        uitsplitsing: 'aard geweld',
        peildatum: '2025-02-30',
      }),
    ).toEqual({});
    expect(parseFiguresSearch({ indicator: 42, periode: 2024 })).toEqual({});
  });

  it('accepts a period code in lower case', () => {
    expect(parseFiguresSearch({ periode: '2024jj00' })).toEqual({ periode: '2024JJ00' });
  });

  it('round-trips a selection, leaving the default level out', () => {
    const search = figuresSearchFor({
      indicator: 'vt_meldingen',
      level: 'gemeente',
      period: '2024JJ00',
      breakdown: null,
      asOf: null,
    });
    expect(search).toEqual({ indicator: 'vt_meldingen', periode: '2024JJ00' });
    expect(parseFiguresSearch({ ...search })).toEqual(search);
    expect(
      figuresSearchFor({
        indicator: 'vt_meldingen',
        level: 'provincie',
        period: '2024JJ00',
        breakdown: 'melder',
        asOf: '2025-01-31',
      }),
    ).toEqual({
      indicator: 'vt_meldingen',
      niveau: 'provincie',
      periode: '2024JJ00',
      uitsplitsing: 'melder',
      peildatum: '2025-01-31',
    });
  });
});

describe('isIsoDate', () => {
  it('accepts real dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('1-3-2025')).toBe(false);
  });
});

describe('choosing what to show', () => {
  const items = [{ code: 'inwoners' }, { code: 'vt_meldingen' }];

  it('takes the requested indicator, else vt_meldingen, else the first', () => {
    expect(chooseIndicator(items, 'inwoners')?.code).toBe('inwoners');
    expect(chooseIndicator(items, 'onbekend')?.code).toBe('vt_meldingen');
    expect(chooseIndicator(items, undefined)?.code).toBe('vt_meldingen');
    expect(chooseIndicator([{ code: 'inwoners' }], undefined)?.code).toBe('inwoners');
    expect(chooseIndicator([], undefined)).toBeUndefined();
  });

  it('takes a breakdown only when the indicator has it', () => {
    expect(chooseBreakdown({ breakdowns: ['aard_geweld'] }, 'aard_geweld')).toBe('aard_geweld');
    expect(chooseBreakdown({ breakdowns: ['aard_geweld'] }, 'leeftijd')).toBeNull();
    expect(chooseBreakdown({ breakdowns: [] }, undefined)).toBeNull();
  });
});

describe('versions links', () => {
  it('carry the breakdown key, and go back to the figures of the area’s level', () => {
    const search = versionsSearchFor(
      item({
        areaCode: 'VT01',
        areaName: 'Amsterdam-Amstelland',
        period: '2024HJ01',
        breakdown: { aard_geweld: 'kindermishandeling' },
      }),
    );
    expect(search).toEqual({
      indicator: 'vt_meldingen',
      gebied: 'VT01',
      periode: '2024HJ01',
      uitsplitsing: 'aard_geweld=kindermishandeling',
    });
    expect(parseVersionsSearch({ ...search })).toEqual(search);
    expect(
      figuresSearchForVersions({ indicator: 'vt_meldingen', gebied: 'VT01', periode: '2024HJ01' }),
    ).toEqual({
      indicator: 'vt_meldingen',
      niveau: 'veiligthuisregio',
      periode: '2024HJ01',
    });
  });

  it('leave out the total’s empty key and refuse malformed parts', () => {
    expect(
      versionsSearchFor(item({ areaCode: 'GM0363', areaName: 'Amsterdam' })).uitsplitsing,
    ).toBeUndefined();
    expect(
      parseVersionsSearch({ indicator: 'vt_meldingen', gebied: 'GM363', periode: 'x', uitsplitsing: 'a=' }),
    ).toEqual({
      indicator: 'vt_meldingen',
    });
  });
});

describe('API paths', () => {
  it('builds the observations query, with CSV as the same query plus format', () => {
    const params = { indicator: 'vt_meldingen', level: 'gemeente', period: '2024JJ00' } as const;
    expect(observationsPath(params)).toBe(
      '/api/observations?indicator=vt_meldingen&level=gemeente&period=2024JJ00',
    );
    expect(observationsPath({ ...params, breakdown: 'aard_geweld', asOf: '2025-03-01' }, 'csv')).toBe(
      '/api/observations?indicator=vt_meldingen&level=gemeente&period=2024JJ00&breakdown=aard_geweld&asOf=2025-03-01&format=csv',
    );
    expect(periodsPath('inwoners')).toBe('/api/observations?indicator=inwoners&level=land');
  });

  it('writes breakdown keys as the API stores them', () => {
    expect(breakdownKeyOf({})).toBe('');
    expect(breakdownKeyOf({ melder: 'onderwijs', aard_geweld: 'kindermishandeling' })).toBe(
      'aard_geweld=kindermishandeling|melder=onderwijs',
    );
    expect(historyPath({ indicator: 'vt_meldingen', area: 'GM0363', period: '2024HJ01' })).toBe(
      '/api/observations/history?indicator=vt_meldingen&area=GM0363&period=2024HJ01&breakdown=',
    );
    expect(
      historyPath({
        indicator: 'vt_meldingen',
        area: 'GM0363',
        period: '2024HJ01',
        breakdown: 'aard_geweld=overig',
      }),
    ).toContain('breakdown=aard_geweld%3Doverig');
  });
});

describe('availablePeriods', () => {
  const all = ['JJ', 'HJ', 'KW', 'MM'] as const;

  it('offers the years that half-years add up to, newest year first', () => {
    expect(availablePeriods(['2023HJ01', '2023HJ02', '2024HJ01'], all, true)).toEqual([
      '2024JJ00',
      '2024HJ01',
      '2023JJ00',
      '2023HJ01',
      '2023HJ02',
    ]);
  });

  it('keeps to the indicator’s period types', () => {
    // A derived per-1.000 indicator is yearly, even when its numerator comes in half-years.
    expect(availablePeriods(['2024HJ01', '2024HJ02'], ['JJ'], true)).toEqual(['2024JJ00']);
    expect(availablePeriods(['2024MM01', '2024MM02'], ['KW', 'MM'], true)).toEqual([
      '2024KW01',
      '2024MM01',
      '2024MM02',
    ]);
  });

  it('offers no sums for an indicator that does not add up', () => {
    expect(availablePeriods(['2024HJ01', 'onzin'], all, false)).toEqual(['2024HJ01']);
    expect(rollsUp({ aggregation: 'none', formula: null })).toBe(false);
    expect(
      rollsUp({ aggregation: 'none', formula: { kind: 'percentage', numerator: 'a', denominator: 'b' } }),
    ).toBe(true);
  });

  it('groups periods by year for the select', () => {
    expect(periodGroups(['2024JJ00', '2024HJ01', '2023MM11'])).toEqual([
      {
        year: '2024',
        periods: [
          { value: '2024JJ00', label: '2024' },
          { value: '2024HJ01', label: '1e halfjaar 2024' },
        ],
      },
      { year: '2023', periods: [{ value: '2023MM11', label: 'november 2023' }] },
    ]);
  });
});

describe('defaultPeriod', () => {
  it('picks the newest year the figures cover completely', () => {
    const stored = ['2023HJ01', '2023HJ02', '2024HJ01'];
    expect(defaultPeriod(stored, availablePeriods(stored, ['JJ', 'HJ'], true))).toBe('2023JJ00');
    expect(defaultPeriod(['2024JJ00', '2025KW01'], ['2025JJ00', '2025KW01', '2024JJ00'])).toBe('2024JJ00');
  });

  it('falls back to the newest period, or nothing', () => {
    expect(defaultPeriod(['2024HJ01'], ['2024JJ00', '2024HJ01'])).toBe('2024HJ01');
    expect(defaultPeriod([], [])).toBeUndefined();
  });
});

describe('figureRows', () => {
  const amsterdam = { areaCode: 'GM0363', areaName: 'Amsterdam' };
  const utrecht = { areaCode: 'GM0344', areaName: 'Utrecht' };

  it('makes one row per area with its total', () => {
    const rows = figureRows([item({ ...amsterdam, value: 1020 }), item({ ...utrecht, value: 700 })], null);
    expect(rows.map((row) => [row.areaName, row.total?.value])).toEqual([
      ['Amsterdam', 1020],
      ['Utrecht', 700],
    ]);
  });

  it('pivots breakdown values into columns and adds the totals', () => {
    const rows = figureRows(
      [
        item({ ...amsterdam, breakdown: { aard_geweld: 'kindermishandeling' }, value: 250 }),
        item({ ...amsterdam, breakdown: { aard_geweld: 'partnergeweld' } }),
        item({ ...utrecht, breakdown: { aard_geweld: 'kindermishandeling' } }),
      ],
      'aard_geweld',
      [item({ ...amsterdam, value: 500 }), item({ ...utrecht, value: 300 })],
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]?.byValue.get('kindermishandeling')?.value).toBe(250);
    expect(rows[0]?.byValue.get('partnergeweld')?.value).toBeNull();
    expect(rows[0]?.total?.value).toBe(500);
    expect(rows[1]?.total?.value).toBe(300);
  });

  it('sorts by name or by a figure, areas without a figure last', () => {
    const rows = figureRows(
      [
        item({ ...amsterdam, value: 1020 }),
        item({ ...utrecht, value: 700 }),
        item({ areaCode: 'GM0014', areaName: 'Groningen' }),
        item({ areaCode: 'GM0518', areaName: "'s-Gravenhage", value: 900 }),
      ],
      null,
    );
    const names = (sorted: typeof rows) => sorted.map((row) => row.areaName);
    expect(names(sortFigureRows(rows, { key: 'name', direction: 'ascending' }))).toEqual([
      'Amsterdam',
      "'s-Gravenhage",
      'Groningen',
      'Utrecht',
    ]);
    expect(names(sortFigureRows(rows, { key: 'total', direction: 'descending' }))).toEqual([
      'Amsterdam',
      "'s-Gravenhage",
      'Utrecht',
      'Groningen',
    ]);
    expect(names(sortFigureRows(rows, { key: 'total', direction: 'ascending' }))).toEqual([
      'Utrecht',
      "'s-Gravenhage",
      'Amsterdam',
      'Groningen',
    ]);
  });

  it('flips the sort on the same column, starts figures with the highest', () => {
    expect(nextFigureSort({ key: 'name', direction: 'ascending' }, 'name').direction).toBe('descending');
    expect(nextFigureSort({ key: 'name', direction: 'ascending' }, 'value:overig')).toEqual({
      key: 'value:overig',
      direction: 'descending',
    });
  });
});

describe('writing figures', () => {
  it('formats by unit in Dutch notation', () => {
    expect(formatFigure(1020, COUNT)).toBe('1.020');
    expect(formatFigure(900000, COUNT)).toBe('900.000');
    expect(formatFigure(1.133333, PER_1000)).toBe('1,1');
    expect(formatFigure(7, PER_1000)).toBe('7,0');
    expect(formatFigure(12.345, PERCENTAGE)).toBe('12,3%');
    expect(formatFigure(6.25, { unit: 'dagen', formula: null })).toBe('6,3');
    // Intl puts a no-break space after the euro sign.
    expect(formatFigure(1234.5, { unit: 'euro', formula: null })).toMatch(/^€\s1\.234,50$/);
  });

  it('names the unit and the formula', () => {
    const catalogue = new Map([['inwoners', { name: 'Inwoners' }]]);
    const perThousand = {
      name: 'Meldingen per 1.000 inwoners',
      unit: 'aantal',
      formula: { kind: 'per-1000', numerator: 'vt_meldingen', denominator: 'inwoners' },
    } as const;
    expect(unitLabel(perThousand, catalogue)).toBe('aantal per 1.000 inwoners');
    expect(unitLabel({ unit: 'percentage', formula: null }, catalogue)).toBe('percentage');
    expect(formulaText(perThousand)).toBe('Meldingen per 1.000 inwoners = vt_meldingen ÷ inwoners × 1.000');
    expect(
      formulaText({
        name: 'Aandeel acuut onveilig',
        formula: {
          kind: 'percentage',
          numerator: 'vt_acuut_onveilig',
          denominator: 'vt_veiligheidsbeoordelingen',
        },
      }),
    ).toBe('Aandeel acuut onveilig = vt_acuut_onveilig ÷ vt_veiligheidsbeoordelingen × 100%');
    expect(formulaText({ name: 'Inwoners', formula: null })).toBeNull();
  });

  it('says a missing part is missing, not zero', () => {
    const names = new Map([
      ['GM0363', 'Amsterdam'],
      ['GM0384', 'Diemen'],
    ]);
    const nameOf = (code: string) => names.get(code);
    expect(missingText(['2024HJ02'], nameOf)).toBe('onvolledig: ontbreekt voor 2e halfjaar 2024');
    expect(missingText(['GM9999', 'GM0384', 'GM0363'], nameOf)).toBe(
      'onvolledig: ontbreekt voor Amsterdam, Diemen en GM9999',
    );
    expect(missingText(['GM1', 'GM2', 'GM3', 'GM4', 'GM5', 'GM6', 'GM7'], nameOf)).toBe(
      'onvolledig: ontbreekt voor GM1, GM2, GM3, GM4, GM5 en 2 andere',
    );
    const incomplete = item({ areaCode: 'GM0363', areaName: 'Amsterdam', missing: ['2024HJ02'] });
    expect(figureText(incomplete, COUNT)).toBe('onbekend');
    expect(figureText(item({ areaCode: 'GM0363', areaName: 'Amsterdam' }), COUNT)).toBe('geen cijfer');
    expect(figureText(undefined, COUNT)).toBe('geen cijfer');
    expect(figureNote(incomplete, COUNT, nameOf)).toBe('onvolledig: ontbreekt voor 2e halfjaar 2024');
    expect(missingAreaCodes([incomplete, item({ ...incomplete, missing: ['GM0363', 'GM0384'] })])).toEqual([
      'GM0363',
      'GM0384',
    ]);
  });

  it('gives a cross table row one note when its columns share it', () => {
    const missing = 'onvolledig: ontbreekt voor 2e halfjaar 2024';
    expect(
      combinedNotes([
        { label: 'Totaal', note: missing },
        { label: 'Kindermishandeling', note: missing },
        { label: 'Partnergeweld', note: null },
      ]),
    ).toEqual([missing]);
    expect(
      combinedNotes([
        { label: 'Totaal', note: 'a' },
        { label: 'Kindermishandeling', note: 'b' },
        { label: 'Partnergeweld', note: 'a' },
      ]),
    ).toEqual(['Totaal, Partnergeweld: a', 'Kindermishandeling: b']);
    expect(combinedNotes([{ label: 'Totaal', note: null }])).toEqual([]);
  });

  it('flags a delivered figure that differs from the sum of the gemeenten', () => {
    const region = item({
      areaCode: 'VT01',
      areaName: 'Amsterdam-Amstelland',
      value: 1500,
      differs: true,
      computedValue: 1480,
    });
    expect(figureNote(region, COUNT, () => undefined)).toBe(
      'geleverd cijfer wijkt af van de som van de gemeenten (som: 1.480)',
    );
    expect(figureNote({ ...region, differs: false }, COUNT, () => undefined)).toBeNull();
  });
});

describe('the catalogue', () => {
  it('groups indicators by source in a fixed order', () => {
    const groups = indicatorsBySource([
      { code: 'inwoners', source: 'cbs' },
      { code: 'vt_meldingen', source: 'veilig-thuis' },
      { code: 'politie_hg_incidenten', source: 'politie' },
    ] as const);
    expect(groups.map((group) => group.source)).toEqual(['veilig-thuis', 'politie', 'cbs']);
  });

  it('names breakdowns', () => {
    expect(
      breakdownNames(['aard_geweld', 'x'], [{ code: 'aard_geweld', name: 'Aard van het geweld' }]),
    ).toEqual(['Aard van het geweld', 'x']);
  });
});

describe('the form "Indicator toevoegen"', () => {
  const filled: IndicatorFormValues = {
    ...EMPTY_INDICATOR,
    code: ' wijkteam_casussen ',
    name: ' Casussen wijkteam ',
    definition: 'Aantal casussen huiselijk geweld bij het wijkteam.',
    source: 'wijkteam',
    unit: 'aantal',
    periodTypes: ['KW', 'JJ'],
  };

  it('asks for everything the API needs, with the field to fix', () => {
    expect(indicatorFormErrors(EMPTY_INDICATOR).map((error) => error.field)).toEqual([
      'code',
      'name',
      'definition',
      'source',
      'unit',
      'periodTypes',
    ]);
    expect(indicatorFormErrors({ ...filled, code: 'Casussen' }).map((error) => error.field)).toEqual([
      'code',
    ]);
    expect(indicatorFormErrors(filled)).toEqual([]);
    expect(indicatorFormErrors({ ...filled, formulaKind: 'per-1000' }).map((error) => error.field)).toEqual([
      'numerator',
      'denominator',
    ]);
  });

  it('sends a trimmed body with period types in catalogue order', () => {
    expect(indicatorBody(filled)).toEqual({
      code: 'wijkteam_casussen',
      name: 'Casussen wijkteam',
      definition: 'Aantal casussen huiselijk geweld bij het wijkteam.',
      source: 'wijkteam',
      unit: 'aantal',
      periodTypes: ['JJ', 'KW'],
      aggregation: 'sum',
      higherIsBetter: null,
      breakdowns: [],
      formula: null,
    });
    const derived = indicatorBody({
      ...filled,
      aggregation: 'none',
      higherIsBetter: 'lager',
      formulaKind: 'per-1000',
      numerator: 'wijkteam_casussen',
      denominator: 'inwoners',
    });
    expect(derived.higherIsBetter).toBe(false);
    expect(derived.formula).toEqual({
      kind: 'per-1000',
      numerator: 'wijkteam_casussen',
      denominator: 'inwoners',
    });
  });

  it('makes a derived indicator non-additive with the unit its calculation gives', () => {
    const perThousand = withFormulaKind(filled, 'per-1000');
    expect(perThousand).toMatchObject({ formulaKind: 'per-1000', aggregation: 'none', unit: 'aantal' });
    expect(withFormulaKind(filled, 'percentage')).toMatchObject({ aggregation: 'none', unit: 'percentage' });
    const cleared = withFormulaKind(
      { ...perThousand, numerator: 'vt_meldingen', denominator: 'inwoners' },
      '',
    );
    expect(cleared).toMatchObject({ formulaKind: '', numerator: '', denominator: '' });
  });

  it('offers only stored, additive indicators as parts of a formula', () => {
    const parts = formulaParts([
      { code: 'vt_meldingen', aggregation: 'sum', formula: null },
      { code: 'vt_wachttijd_dagen', aggregation: 'none', formula: null },
      {
        code: 'vt_meldingen_per_1000_inwoners',
        aggregation: 'none',
        formula: { kind: 'per-1000', numerator: 'vt_meldingen', denominator: 'inwoners' },
      },
    ] as const);
    expect(parts.map((part) => part.code)).toEqual(['vt_meldingen']);
  });
});
