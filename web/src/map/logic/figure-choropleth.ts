// SPDX-License-Identifier: EUPL-1.2
import type { CellStatus } from '../../../../src/shared/dashboards.ts';
import type { MapLevel } from '../../api/types.ts';
import { areaPath } from '../../lib/area-paths.ts';
import { compareNames } from '../../lib/sort-areas.ts';
import type { ChoroplethArea, ChoroplethModel, LegendEntry } from './choropleth.ts';
import { classIndex, DEFAULT_CLASS_COUNT, quantileClasses } from './class-breaks.ts';
import { classColors, HIDDEN_BACKGROUND, HIDDEN_FILL, NO_DATA_COLOR } from './palette.ts';
import type { MapGeometry } from './project.ts';

/** One area's figure as the map shows it. */
export interface AreaFigure {
  code: string;
  name: string;
  value: number | null;
  status: CellStatus;
  /** The figure as text, e.g. "7,3 per 1.000 inwoners (voorlopig)", "afgeschermd", "geen gegevens". */
  text: string;
}

export interface FigureLegendTexts {
  /** A class range, e.g. "3,2 – 5,1". */
  range(min: number, max: number): string;
  /** Legend entries. */
  hidden: string;
  noData: string;
  /** The text of an area in the boundaries that has no figure at all, e.g. "geen gegevens". */
  noDataArea: string;
}

/**
 * Join projected boundaries with one indicator's figures. Shown figures are coloured by quantile class
 * (robust to the skew of counts: a few large gemeenten do not wash out the rest); hidden figures are hatched
 * and absent ones grey, each with its own legend entry. Every area is named "Name: text" for screen readers.
 * An area in the boundaries without a figure counts as "geen gegevens".
 */
export function buildFigureChoropleth(
  geometry: MapGeometry,
  figures: readonly AreaFigure[],
  level: MapLevel,
  legendTexts: FigureLegendTexts,
  classCount: number = DEFAULT_CLASS_COUNT,
): ChoroplethModel {
  const byCode = new Map(figures.map((figure) => [figure.code, figure]));
  const joined = geometry.shapes.map((shape) => {
    const figure = byCode.get(shape.code);
    const shown = figure?.status === 'getoond' && figure.value !== null;
    return {
      shape,
      name: figure?.name ?? shape.name,
      value: shown ? (figure.value as number) : null,
      status: shown ? 'getoond' : figure?.status === 'afgeschermd' ? 'afgeschermd' : 'geen gegevens',
      text: figure?.text ?? legendTexts.noDataArea,
    } as const;
  });
  const { thresholds, classes } = quantileClasses(
    joined.map((area) => area.value),
    classCount,
  );
  const colors = classColors(classes.length);

  const areas = joined
    .map(
      ({ shape, name, value, status, text }): ChoroplethArea => ({
        code: shape.code,
        name,
        d: shape.d,
        centroid: shape.centroid,
        value,
        fill:
          status === 'afgeschermd'
            ? HIDDEN_FILL
            : value === null
              ? NO_DATA_COLOR
              : (colors[classIndex(value, thresholds)] ?? NO_DATA_COLOR),
        label: `${name}: ${text}`,
        valueText: text,
        href: areaPath(level, shape.code),
      }),
    )
    .sort((a, b) => compareNames(a.name, b.name));

  const legend: LegendEntry[] = classes.map((c, i) => ({
    color: colors[i] ?? NO_DATA_COLOR,
    label: legendTexts.range(c.min, c.max),
    count: c.count,
  }));
  const hidden = joined.filter((area) => area.status === 'afgeschermd').length;
  const missing = joined.filter((area) => area.status === 'geen gegevens').length;
  if (hidden > 0)
    legend.push({ color: HIDDEN_BACKGROUND, pattern: 'hatch', label: legendTexts.hidden, count: hidden });
  if (missing > 0) legend.push({ color: NO_DATA_COLOR, label: legendTexts.noData, count: missing });
  return { viewBox: geometry.viewBox, areas, legend };
}
