// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { type AreaFigure, buildFigureChoropleth } from './figure-choropleth.ts';
import { classColors, HIDDEN_BACKGROUND, HIDDEN_FILL, NO_DATA_COLOR } from './palette.ts';
import type { MapGeometry } from './project.ts';

function shape(code: string, name: string) {
  return { code, name, d: 'M0,0L1,1Z', centroid: [0, 0] as [number, number] };
}

const geometry: MapGeometry = {
  viewBox: [0, 0, 10, 10],
  shapes: [
    shape('GM0014', 'Groningen'),
    shape('GM0363', 'Amsterdam'),
    shape('GM0518', "'s-Gravenhage"),
    shape('GM0088', 'Schiermonnikoog'),
    shape('GM0096', 'Vlieland'),
    shape('GM0999', 'Zonder cijfer'),
  ],
};

const shown = (code: string, name: string, value: number): AreaFigure => ({
  code,
  name,
  value,
  status: 'getoond',
  text: `${value} per 1.000 inwoners`,
});

const figures: AreaFigure[] = [
  shown('GM0014', 'Groningen', 6.5),
  shown('GM0363', 'Amsterdam', 8.8),
  shown('GM0518', "'s-Gravenhage", 9.4),
  { code: 'GM0088', name: 'Schiermonnikoog', value: null, status: 'afgeschermd', text: 'afgeschermd' },
  { code: 'GM0096', name: 'Vlieland', value: null, status: 'geen gegevens', text: 'geen gegevens' },
];

const legendTexts = {
  range: (min: number, max: number) => `${min} – ${max}`,
  hidden: 'Afgeschermd',
  noData: 'Geen gegevens',
  noDataArea: 'geen gegevens',
};

describe('buildFigureChoropleth', () => {
  const model = buildFigureChoropleth(geometry, figures, 'gemeente', legendTexts, 3);
  const area = (code: string) => model.areas.find((a) => a.code === code);

  it('names every area with the text of its figure and links to its profile', () => {
    expect(area('GM0363')?.label).toBe('Amsterdam: 8.8 per 1.000 inwoners');
    expect(area('GM0363')?.valueText).toBe('8.8 per 1.000 inwoners');
    expect(area('GM0363')?.href).toBe('/gemeente/GM0363');
    expect(area('GM0088')?.label).toBe('Schiermonnikoog: afgeschermd');
    expect(area('GM0096')?.label).toBe('Vlieland: geen gegevens');
    // In the boundaries but not in the figures: no figure.
    expect(area('GM0999')?.label).toBe('Zonder cijfer: geen gegevens');
  });

  it('hatches hidden areas, greys absent ones, and colours the rest by class', () => {
    const colors = classColors(3);
    expect(area('GM0014')?.fill).toBe(colors[0]);
    expect(area('GM0518')?.fill).toBe(colors[2]);
    expect(area('GM0088')?.fill).toBe(HIDDEN_FILL);
    expect(area('GM0096')?.fill).toBe(NO_DATA_COLOR);
    expect(area('GM0999')?.fill).toBe(NO_DATA_COLOR);
  });

  it('gives afgeschermd and geen gegevens each their own legend entry, after the classes', () => {
    expect(model.legend).toEqual([
      { color: classColors(3)[0], label: '6.5 – 6.5', count: 1 },
      { color: classColors(3)[1], label: '8.8 – 8.8', count: 1 },
      { color: classColors(3)[2], label: '9.4 – 9.4', count: 1 },
      { color: HIDDEN_BACKGROUND, pattern: 'hatch', label: 'Afgeschermd', count: 1 },
      { color: NO_DATA_COLOR, label: 'Geen gegevens', count: 2 },
    ]);
  });

  it('leaves the two status entries out when every area has a figure', () => {
    const all = buildFigureChoropleth(
      { viewBox: [0, 0, 1, 1], shapes: [shape('VT01', 'Groningen'), shape('VT02', 'Friesland')] },
      [shown('VT01', 'Groningen', 1), shown('VT02', 'Friesland', 2)],
      'veiligthuisregio',
      legendTexts,
    );
    expect(all.legend.map((entry) => entry.label)).toEqual(['1 – 1', '2 – 2']);
    expect(all.areas.map((a) => a.href)).toEqual(['/veiligthuisregio/VT02', '/veiligthuisregio/VT01']);
  });

  it('keeps skewed counts apart: quantile classes do not let one large value swallow the map', () => {
    const shapes = Array.from({ length: 50 }, (_, i) => shape(`GM${1000 + i}`, `G${i}`));
    const counts = shapes.map((s, i) => shown(s.code, s.name, i === 49 ? 100_000 : 10 + i));
    const skewed = buildFigureChoropleth({ viewBox: [0, 0, 1, 1], shapes }, counts, 'gemeente', legendTexts);
    expect(skewed.legend).toHaveLength(5);
    for (const entry of skewed.legend) expect(entry.count).toBe(10);
  });
});
