// SPDX-License-Identifier: EUPL-1.2
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MapItem } from '../api/dashboard-queries.ts';
import {
  baseName,
  type FigureFormat,
  figureText,
  formatValue,
  histogramBins,
  isRanked,
  nextItemSort,
  niceStep,
  ranking,
  searchIndicators,
  sortItems,
  valueWithMeasure,
} from './overview.ts';

const per1000: FigureFormat = { measure: 'per1000', unit: 'aantal', measureLabel: 'per 1.000 inwoners' };
const count: FigureFormat = { measure: 'aantal', unit: 'aantal', measureLabel: 'aantal' };
const percentage: FigureFormat = { measure: 'waarde', unit: 'percentage', measureLabel: '%' };
const days: FigureFormat = { measure: 'waarde', unit: 'dagen', measureLabel: 'dagen' };

function item(areaName: string, value: number | null, extra: Partial<MapItem> = {}): MapItem {
  return {
    areaCode: `GM${areaName.length.toString().padStart(4, '0')}`,
    areaName,
    value,
    status: value === null ? 'geen gegevens' : 'getoond',
    reason: null,
    provisional: false,
    count: null,
    base: null,
    interval: null,
    comparison: null,
    rank: null,
    ...extra,
  };
}

describe('figure texts', () => {
  it('writes counts whole and rates and percentages with one decimal, the Dutch way', () => {
    expect(formatValue(1234.4, count)).toBe('1.234');
    expect(formatValue(7.25, per1000)).toBe('7,3');
    expect(formatValue(1234.56, per1000)).toBe('1.234,6');
    expect(valueWithMeasure(7.25, per1000)).toBe('7,3 per 1.000 inwoners');
    expect(valueWithMeasure(12.5, percentage)).toBe('12,5%');
    expect(valueWithMeasure(41, days)).toBe('41,0 dagen');
    expect(valueWithMeasure(2500, count)).toBe('2.500');
  });

  it('says afgeschermd, geen gegevens or voorlopig instead of pretending to a number', () => {
    expect(figureText(item('A', null, { status: 'afgeschermd', reason: 'klein aantal' }), per1000)).toBe(
      'afgeschermd',
    );
    expect(figureText(item('A', null), per1000)).toBe('geen gegevens');
    expect(figureText(item('A', 3.14, { provisional: true }), per1000)).toBe(
      '3,1 per 1.000 inwoners (voorlopig)',
    );
    expect(figureText(item('A', 3.14, { provisional: true }), per1000, false)).toBe('3,1 (voorlopig)');
  });
});

describe('baseName', () => {
  it('names what a rate is per, or the denominator of a percentage', () => {
    expect(baseName(per1000)).toBe('Inwoners');
    expect(baseName({ ...per1000, measureLabel: 'per 1.000 minderjarigen' })).toBe('Minderjarigen');
    expect(baseName(percentage)).toBe('Noemer');
  });
});

describe('sortItems', () => {
  const items = [
    item('Zwolle', 5),
    item("'s-Gravenhage", 9),
    item('Almere', null),
    item('Ede', null, { status: 'afgeschermd' }),
    item('Breda', 5),
  ];

  it('sorts by name the Dutch way', () => {
    expect(sortItems(items, { key: 'name', direction: 'ascending' }).map((i) => i.areaName)).toEqual([
      'Almere',
      'Breda',
      'Ede',
      "'s-Gravenhage",
      'Zwolle',
    ]);
  });

  it('sorts by value either way with the areas without a figure last and ties by name', () => {
    const names = (direction: 'ascending' | 'descending') =>
      sortItems(items, { key: 'value', direction }).map((i) => i.areaName);
    expect(names('descending')).toEqual(["'s-Gravenhage", 'Breda', 'Zwolle', 'Almere', 'Ede']);
    expect(names('ascending')).toEqual(['Breda', 'Zwolle', "'s-Gravenhage", 'Almere', 'Ede']);
  });

  it('starts figures highest first, names and ranks from the top', () => {
    expect(nextItemSort({ key: 'name', direction: 'ascending' }, 'value')).toEqual({
      key: 'value',
      direction: 'descending',
    });
    expect(nextItemSort({ key: 'value', direction: 'descending' }, 'rank')).toEqual({
      key: 'rank',
      direction: 'ascending',
    });
    expect(nextItemSort({ key: 'rank', direction: 'ascending' }, 'rank').direction).toBe('descending');
  });
});

describe('ranking', () => {
  it('leaves out areas that are hidden, absent or too small to compare', () => {
    const items = [
      item('A', 10, { rank: 1, comparison: 'hoger' }),
      item('B', 9, { rank: 2, comparison: 'te weinig' }),
      item('C', null, { status: 'afgeschermd', rank: null }),
      item('D', 5, { rank: 3, comparison: 'gemiddeld' }),
      item('E', 1, { rank: 4, comparison: 'lager' }),
    ];
    expect(items.filter(isRanked).map((i) => i.areaName)).toEqual(['A', 'D', 'E']);
    const { highest, lowest } = ranking(items, 2);
    expect(highest.map((i) => i.areaName)).toEqual(['A', 'D']);
    expect(lowest.map((i) => i.areaName)).toEqual(['E']);
  });

  it('never lists an area in both lists (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 10 }), (n, size) => {
        const items = Array.from({ length: n }, (_, i) => item(`G${i}`, n - i, { rank: i + 1 }));
        const { highest, lowest } = ranking(items, size);
        expect(highest.length).toBe(Math.min(size, n));
        expect(highest.length + lowest.length).toBe(Math.min(n, 2 * size));
        expect(new Set([...highest, ...lowest]).size).toBe(highest.length + lowest.length);
        expect(highest.every((a, i) => i === 0 || (highest[i - 1]?.rank ?? 0) < (a.rank ?? 0))).toBe(true);
        expect(lowest.every((a, i) => i === 0 || (lowest[i - 1]?.rank ?? 0) > (a.rank ?? 0))).toBe(true);
      }),
    );
  });
});

describe('searchIndicators', () => {
  const catalogue = [
    {
      code: 'vt_meldingen',
      name: 'Meldingen bij Veilig Thuis',
      definition: 'Meldingen van huiselijk geweld.',
    },
    {
      code: 'vt_hermeldingen_pct',
      name: 'Hermeldingen',
      definition: 'Percentage meldingen binnen een jaar.',
    },
    { code: 'thv_opgelegd', name: 'Opgelegde tijdelijke huisverboden', definition: 'Door de burgemeester.' },
  ];

  it('finds by name, code or definition, ignoring case and accents, name matches first', () => {
    expect(searchIndicators(catalogue, 'HÉRMELDING').map((i) => i.code)).toEqual(['vt_hermeldingen_pct']);
    expect(searchIndicators(catalogue, 'meldingen').map((i) => i.code)).toEqual([
      'vt_meldingen',
      'vt_hermeldingen_pct',
    ]);
    expect(searchIndicators(catalogue, 'thv').map((i) => i.code)).toEqual(['thv_opgelegd']);
    expect(searchIndicators(catalogue, 'burgemeester huisverbod').map((i) => i.code)).toEqual([
      'thv_opgelegd',
    ]);
    expect(searchIndicators(catalogue, 'geweld jaar')).toEqual([]);
    expect(searchIndicators(catalogue, '   ')).toEqual([]);
  });
});

describe('histogramBins', () => {
  it('picks round bin widths', () => {
    expect(niceStep(10, 10)).toBe(1);
    expect(niceStep(9, 10)).toBe(1);
    expect(niceStep(23, 10)).toBe(2.5);
    expect(niceStep(0.36, 10)).toBe(0.05);
    expect(niceStep(420_000, 10)).toBe(50_000);
  });

  it('bins skewed rates', () => {
    expect(histogramBins([1.2, 1.9, 2.4, 3.0, 9.7])).toEqual([
      { from: 1, to: 2, count: 2 },
      { from: 2, to: 3, count: 1 },
      { from: 3, to: 4, count: 1 },
      { from: 4, to: 5, count: 0 },
      { from: 5, to: 6, count: 0 },
      { from: 6, to: 7, count: 0 },
      { from: 7, to: 8, count: 0 },
      { from: 8, to: 9, count: 0 },
      { from: 9, to: 10, count: 1 },
    ]);
    expect(histogramBins([4, 4, 4])).toEqual([{ from: 4, to: 4, count: 3 }]);
    expect(histogramBins([])).toEqual([]);
  });

  it('puts every value in exactly one bin whose range holds it (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 1, max: 30 }),
        (values, target) => {
          const bins = histogramBins(values, target);
          expect(bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(values.length);
          expect(bins.length).toBeLessThanOrEqual(Math.max(1, 2.5 * target + 2));
          const first = bins[0];
          const last = bins[bins.length - 1];
          expect(first && first.from <= Math.min(...values)).toBe(true);
          expect(last && last.to >= Math.max(...values)).toBe(true);
          for (let i = 1; i < bins.length; i++) expect(bins[i]?.from).toBe(bins[i - 1]?.to);
          for (const value of values) {
            const holding = bins.filter(
              (bin, i) => bin.from <= value && (value < bin.to || (i === bins.length - 1 && value <= bin.to)),
            );
            expect(holding).toHaveLength(1);
          }
        },
      ),
    );
  });
});
