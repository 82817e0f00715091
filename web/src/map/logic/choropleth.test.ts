// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import type { AreaSummary } from '../../api/types.ts';
import { buildChoropleth } from './choropleth.ts';
import { classColors, NO_DATA_COLOR } from './palette.ts';
import type { MapGeometry } from './project.ts';

function shape(code: string, name: string) {
  return { code, name, d: 'M0,0L1,1Z', centroid: [0, 0] as [number, number] };
}

function figure(code: string, name: string, population: number | null): AreaSummary {
  return { code, name, level: 'gemeente', population, populationReferenceDate: '2026-01-01' };
}

const geometry: MapGeometry = {
  viewBox: [0, 0, 10, 10],
  shapes: [
    shape('GM0014', 'Groningen'),
    shape('GM0363', 'Amsterdam'),
    shape('GM0518', "'s-Gravenhage"),
    shape('GM0088', 'Schiermonnikoog'),
    shape('GM0999', 'Zonder cijfers'),
  ],
};

const figures = [
  figure('GM0014', 'Groningen', 244427),
  figure('GM0363', 'Amsterdam', 941927),
  figure('GM0518', "'s-Gravenhage", 566221),
  figure('GM0088', 'Schiermonnikoog', 950),
];

describe('buildChoropleth', () => {
  const model = buildChoropleth(geometry, figures, 'gemeente', 4);

  it('names every area with its population in Dutch number format', () => {
    const amsterdam = model.areas.find((a) => a.code === 'GM0363');
    expect(amsterdam?.label).toBe('Amsterdam: 941.927 inwoners');
    expect(amsterdam?.href).toBe('/gemeente/GM0363');
    expect(model.areas.find((a) => a.code === 'GM0999')?.label).toBe('Zonder cijfers: Geen gegevens');
  });

  it('orders the areas alphabetically for the keyboard', () => {
    expect(model.areas.map((a) => a.name)).toEqual([
      'Amsterdam',
      "'s-Gravenhage",
      'Groningen',
      'Schiermonnikoog',
      'Zonder cijfers',
    ]);
  });

  it('colours the largest population darkest and missing values grey', () => {
    const colors = classColors(4);
    expect(model.areas.find((a) => a.code === 'GM0363')?.fill).toBe(colors[3]);
    expect(model.areas.find((a) => a.code === 'GM0088')?.fill).toBe(colors[0]);
    expect(model.areas.find((a) => a.code === 'GM0999')?.fill).toBe(NO_DATA_COLOR);
  });

  it('builds a legend with one entry per class plus one for missing values', () => {
    expect(model.legend).toEqual([
      { color: classColors(4)[0], label: '950', count: 1 },
      { color: classColors(4)[1], label: '244.427', count: 1 },
      { color: classColors(4)[2], label: '566.221', count: 1 },
      { color: classColors(4)[3], label: '941.927', count: 1 },
      { color: NO_DATA_COLOR, label: 'Geen gegevens', count: 1 },
    ]);
  });

  it('writes class ranges with an en dash', () => {
    const many = Array.from({ length: 10 }, (_, i) => figure(`GM${i}`, `G${i}`, (i + 1) * 1000));
    const model5 = buildChoropleth(
      { viewBox: [0, 0, 1, 1], shapes: many.map((f) => shape(f.code, f.name)) },
      many,
      'gemeente',
    );
    expect(model5.legend.map((e) => e.label)).toEqual([
      '1.000 – 2.000',
      '3.000 – 4.000',
      '5.000 – 6.000',
      '7.000 – 8.000',
      '9.000 – 10.000',
    ]);
  });

  it('links regions and provinces to their own pages', () => {
    const regions = buildChoropleth(
      { viewBox: [0, 0, 1, 1], shapes: [shape('VT01', 'Amsterdam-Amstelland')] },
      [{ ...figure('VT01', 'Amsterdam-Amstelland', 1151282), level: 'veiligthuisregio' }],
      'veiligthuisregio',
    );
    expect(regions.areas[0]?.href).toBe('/veiligthuisregio/VT01');
  });
});
