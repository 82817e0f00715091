// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import type { MapItem, MapResponse } from '../api/dashboard-queries.ts';
import type { FigureFormat } from './overview.ts';
import { funnelModel, hasFunnel, histogramOption } from './overview-charts.ts';

const format: FigureFormat = { measure: 'per1000', unit: 'aantal', measureLabel: 'per 1.000 inwoners' };

function item(areaCode: string, value: number | null, base: number | null, extra: Partial<MapItem>): MapItem {
  return {
    areaCode,
    areaName: `Gemeente ${areaCode}`,
    value,
    status: value === null ? 'afgeschermd' : 'getoond',
    reason: null,
    provisional: false,
    count: null,
    base,
    interval: null,
    comparison: null,
    rank: null,
    ...extra,
  };
}

function response(items: MapItem[]): MapResponse {
  return {
    indicator: {
      code: 'vt_meldingen',
      name: 'Meldingen',
      definition: '',
      unit: 'aantal',
      source: 'veilig-thuis',
      sourceLabel: 'Veilig Thuis',
      higherIsBetter: null,
    },
    period: '2024JJ00',
    periodLabel: '2024',
    periods: [],
    level: 'gemeente',
    measure: 'per1000',
    measureLabel: 'per 1.000 inwoners',
    reference: { value: 7.5, status: 'getoond', reason: null, provisional: false, label: 'Nederland' },
    funnel: [
      { base: 100_000, low95: 7, high95: 8, low998: 6.6, high998: 8.4 },
      { base: 1_000, low95: 2, high95: 13, low998: 0.5, high998: 16 },
    ],
    items,
    protection: { threshold: 5, roundTo: null, hiddenCount: 1 },
    notes: [],
    sources: [],
    syntheticData: true,
    generatedAt: '2026-01-01T00:00:00Z',
  };
}

const items = [
  item('GM0001', 9.5, 200_000, { comparison: 'hoger' }),
  item('GM0002', 6.1, 150_000, { comparison: 'lager' }),
  item('GM0003', 5.9, 90_000, { comparison: 'lager' }),
  item('GM0004', 7.4, 50_000, { comparison: 'gemiddeld' }),
  item('GM0005', 4.0, 900, { comparison: 'te weinig' }),
  item('GM0006', null, 800, { comparison: 'te weinig' }),
];

describe('funnelModel', () => {
  const model = funnelModel(response(items), format);

  it('plots every comparable area once, in the series of its comparison, and lists the rest', () => {
    const plotted = [...model.pointsBySeries.values()].flat().map((i) => i.areaCode);
    expect(plotted.sort()).toEqual(['GM0001', 'GM0002', 'GM0003', 'GM0004']);
    expect(model.counts.get('hoger')).toBe(1);
    expect(model.counts.get('lager')).toBe(2);
    expect(model.counts.get('gemiddeld')).toBe(1);
    expect(model.tooFew.map((i) => i.areaCode)).toEqual(['GM0005', 'GM0006']);
  });

  it('puts each area at (base, value) and draws the limits ordered by base', () => {
    const series = model.option.series as { type: string; name: string; data: unknown[] }[];
    for (const [index, areas] of model.pointsBySeries) {
      const data = series[index]?.data as { name: string; value: [number, number] }[];
      expect(data.map((point) => point.value)).toEqual(areas.map((a) => [a.base, a.value]));
      expect(data.map((point) => point.name)).toEqual(areas.map((a) => a.areaName));
    }
    const lines = series.filter((s) => s.type === 'line');
    expect(lines).toHaveLength(5);
    expect(lines[2]?.data).toEqual([
      [1_000, 13],
      [100_000, 8],
    ]);
    // The national line spans the plotted areas and the limits, not the areas too small to compare.
    expect(lines[4]?.data).toEqual([
      [1_000, 7.5],
      [200_000, 7.5],
    ]);
  });

  it('applies to rates with limits and a national figure, not to counts', () => {
    expect(hasFunnel(response(items))).toBe(true);
    expect(hasFunnel({ ...response(items), measure: 'aantal' })).toBe(false);
    expect(hasFunnel({ ...response(items), funnel: [] })).toBe(false);
    expect(hasFunnel({ ...response(items), reference: { ...response(items).reference, value: null } })).toBe(
      false,
    );
  });
});

describe('histogramOption', () => {
  it('gives one bar per bin with its label', () => {
    const option = histogramOption(
      [
        { from: 0, to: 5, count: 3 },
        { from: 5, to: 10, count: 1 },
      ],
      (bin) => `${bin.from}–${bin.to}`,
      'Aantal gemeenten',
    );
    expect((option.xAxis as { data: string[] }).data).toEqual(['0–5', '5–10']);
    expect((option.series as { data: number[] }[])[0]?.data).toEqual([3, 1]);
  });
});
