// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import {
  changedText,
  compareSearchFor,
  compareSelectionOf,
  measuresFor,
  type Point,
  parseCompareSearch,
  seriesParamsOf,
  type TrendLine,
  trendChartOption,
  trendRows,
} from './compare-search.ts';

describe('parseCompareSearch', () => {
  it('keeps an indicator, up to five areas of any level, a measure, a division and a real date', () => {
    expect(
      parseCompareSearch({
        indicator: 'vt_meldingen',
        gebieden: 'GM0363,vt01,PV27,NL01,GM0599,GM0344',
        maat: 'aantal',
        indeling: 'huidig',
        gewijzigdSinds: '2025-01-01',
      }),
    ).toEqual({
      indicator: 'vt_meldingen',
      gebieden: 'GM0363,VT01,PV27,NL01,GM0599',
      maat: 'aantal',
      indeling: 'huidig',
      gewijzigdSinds: '2025-01-01',
    });
  });

  it('leaves out what the API would refuse', () => {
    expect(
      parseCompareSearch({
        indicator: 'Meldingen!',
        gebieden: 'onzin',
        maat: 'per100',
        indeling: 'toekomstig',
        gewijzigdSinds: '2025-02-30',
      }),
    ).toEqual({});
  });

  it('round-trips through compareSearchFor, leaving out the defaults', () => {
    const search = { indicator: 'vt_adviezen', gebieden: 'GM0363,VT01', indeling: 'huidig' } as const;
    expect(compareSearchFor(compareSelectionOf(parseCompareSearch(search)))).toEqual(search);
    expect(compareSearchFor(compareSelectionOf({ indeling: 'historisch' }))).toEqual({
      indicator: 'vt_meldingen',
    });
  });
});

describe('seriesParamsOf', () => {
  it('asks for nothing without areas, and sends only what was chosen', () => {
    expect(seriesParamsOf(compareSelectionOf({}))).toBeNull();
    expect(seriesParamsOf(compareSelectionOf({ gebieden: 'GM0363,GM0599' }))).toEqual({
      indicator: 'vt_meldingen',
      areas: ['GM0363', 'GM0599'],
      division: 'historisch',
    });
    expect(
      seriesParamsOf(
        compareSelectionOf({
          gebieden: 'GM0363',
          maat: 'aantal',
          indeling: 'huidig',
          gewijzigdSinds: '2025-01-01',
        }),
      ),
    ).toEqual({
      indicator: 'vt_meldingen',
      areas: ['GM0363'],
      division: 'huidig',
      measure: 'aantal',
      changedSince: '2025-01-01',
    });
  });
});

describe('measuresFor', () => {
  it('offers a stored count per 1.000 and as a count; anything else as its value', () => {
    expect(measuresFor({ unit: 'aantal', aggregation: 'sum', formula: null })).toEqual(['per1000', 'aantal']);
    expect(measuresFor({ unit: 'percentage', aggregation: 'none', formula: null })).toEqual(['waarde']);
    expect(measuresFor({ unit: 'aantal', aggregation: 'none', formula: { kind: 'per-1000' } })).toEqual([
      'waarde',
    ]);
  });
});

const point = (period: string, value: number | null, extra: Partial<Point> = {}): Point => ({
  period,
  periodLabel: period.slice(0, 4),
  value,
  status: value === null ? 'geen gegevens' : 'getoond',
  reason: null,
  provisional: false,
  ...extra,
});

describe('trendRows', () => {
  it('has a row per period of any line, oldest first, with a cell per line', () => {
    const lines: TrendLine[] = [
      { name: 'A', points: [point('2024JJ00', 2), point('2023JJ00', 1)] },
      { name: 'B', points: [point('2022JJ00', 5)] },
    ];
    const rows = trendRows(lines);
    expect(rows.map((row) => row.period.code)).toEqual(['2022JJ00', '2023JJ00', '2024JJ00']);
    expect(rows.map((row) => row.cells.map((cell) => cell?.value ?? null))).toEqual([
      [null, 5],
      [1, null],
      [2, null],
    ]);
  });
});

describe('trendChartOption', () => {
  const lines: TrendLine[] = [
    {
      name: 'Amsterdam',
      points: [
        point('2022JJ00', 10),
        point('2023JJ00', 12, { changed: true, previousValue: 11 }),
        point('2024JJ00', 14, { provisional: true }),
      ],
    },
    {
      name: 'Utrecht',
      points: [
        point('2022JJ00', null, { status: 'afgeschermd', reason: 'klein aantal' }),
        point('2023JJ00', 8),
        point('2024JJ00', 9),
      ],
    },
  ];
  const option = trendChartOption(lines, 'aantal', 'aantal', { legend: true, changedSince: '2025-01-01' });
  const series = option.series as {
    name: string;
    data: ({ value: number; symbol?: string; itemStyle?: { color: string }; label?: unknown } | null)[];
    lineStyle: { type?: string };
  }[];
  const values = (index: number) => series[index]?.data.map((item) => item?.value ?? null);

  it('draws definitive figures solid and the stretch to a provisional figure dashed, under one name', () => {
    expect(series.map((one) => [one.name, one.lineStyle.type ?? 'solid'])).toEqual([
      ['Amsterdam', 'solid'],
      ['Amsterdam', 'dashed'],
      ['Utrecht', 'solid'],
    ]);
    expect(values(0)).toEqual([10, 12, null]);
    expect(values(1)).toEqual([null, 12, 14]);
    // The provisional point is hollow; the dashed stretch's definitive end has no second symbol.
    expect(series[1]?.data[2]?.itemStyle?.color).toBe('#ffffff');
    expect(series[1]?.data[1]?.symbol).toBe('none');
    expect(option.legend).toMatchObject({ show: true, data: ['Amsterdam', 'Utrecht'] });
  });

  it('leaves a gap for a hidden figure and marks a changed one', () => {
    expect(values(2)).toEqual([null, 8, 9]);
    expect(series[0]?.data[1]?.label).toMatchObject({ show: true, formatter: 'Δ' });
    expect(series[0]?.data[0]?.label).toBeUndefined();
  });

  it('says every line of a period in the tooltip, with provisional and changed figures in words', () => {
    const tooltip = option.tooltip as { formatter: (params: unknown) => string };
    expect(tooltip.formatter([{ dataIndex: 1 }])).toBe(
      '2023\nAmsterdam: 12, gewijzigd sinds 1 januari 2025, was 11\nUtrecht: 8',
    );
    expect(tooltip.formatter([{ dataIndex: 2 }])).toBe('2024\nAmsterdam: 14 (voorlopig)\nUtrecht: 9');
    expect(tooltip.formatter([{ dataIndex: 0 }])).toBe('2022\nAmsterdam: 10\nUtrecht: afgeschermd');
  });
});

describe('changedText', () => {
  it('names the earlier value of a changed figure only', () => {
    expect(
      changedText(point('2023JJ00', 7.25, { changed: true, previousValue: 7.04 }), 'per1000', 'aantal', null),
    ).toBe('gewijzigd, was 7,0');
    expect(
      changedText(
        point('2023JJ00', 12, { changed: false, previousValue: null }),
        'aantal',
        'aantal',
        '2025-01-01',
      ),
    ).toBeNull();
    expect(changedText(undefined, 'aantal', 'aantal', null)).toBeNull();
  });
});
