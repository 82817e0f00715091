// SPDX-License-Identifier: EUPL-1.2
import type { AreaSummary, MapLevel } from '../../api/types.ts';
import { areaPath } from '../../lib/area-paths.ts';
import { formatNumber } from '../../lib/format.ts';
import { compareNames } from '../../lib/sort-areas.ts';
import { texts } from '../../texts.ts';
import { classIndex, DEFAULT_CLASS_COUNT, quantileClasses } from './class-breaks.ts';
import { classColors, NO_DATA_COLOR } from './palette.ts';
import type { MapGeometry } from './project.ts';

export interface ChoroplethArea {
  code: string;
  name: string;
  /** SVG path data. */
  d: string;
  centroid: [number, number];
  value: number | null;
  fill: string;
  /** Accessible name, e.g. "Amsterdam: 941.927 inwoners". */
  label: string;
  /** Text of the value alone, e.g. "941.927 inwoners". */
  valueText: string;
  /** The area's page, e.g. /gemeente/GM0363. */
  href: string;
}

export interface LegendEntry {
  color: string;
  /** Drawn hatched over `color` (figures hidden by small-number protection). */
  pattern?: 'hatch';
  /** e.g. "3.816 – 12.345"; for the no-data entry "Geen gegevens". */
  label: string;
  count: number;
}

export interface ChoroplethModel {
  viewBox: MapGeometry['viewBox'];
  /** In Dutch alphabetical order, which is also the keyboard (Tab) order. */
  areas: ChoroplethArea[];
  legend: LegendEntry[];
}

function valueText(value: number | null): string {
  return value === null ? texts.common.noData : texts.common.inhabitantsCount(formatNumber(value));
}

function rangeLabel(min: number, max: number): string {
  return min === max
    ? texts.map.legendRangeSingle(formatNumber(min))
    : texts.map.legendRange(formatNumber(min), formatNumber(max));
}

/**
 * Join projected boundaries with the areas' figures: colour by quantile class, name every area, and build
 * the legend. Areas in the boundaries without figures get the no-data colour; figures without a boundary are
 * left off the map (the table still lists them).
 */
export function buildChoropleth(
  geometry: MapGeometry,
  figures: readonly AreaSummary[],
  level: MapLevel,
  classCount: number = DEFAULT_CLASS_COUNT,
): ChoroplethModel {
  const byCode = new Map(figures.map((area) => [area.code, area]));
  const values = geometry.shapes.map((shape) => byCode.get(shape.code)?.population ?? null);
  const { thresholds, classes } = quantileClasses(values, classCount);
  const colors = classColors(classes.length);

  const areas = geometry.shapes
    .map((shape, i): ChoroplethArea => {
      const figure = byCode.get(shape.code);
      const value = values[i] ?? null;
      const name = figure?.name ?? shape.name;
      const fill = value === null ? NO_DATA_COLOR : (colors[classIndex(value, thresholds)] ?? NO_DATA_COLOR);
      return {
        code: shape.code,
        name,
        d: shape.d,
        centroid: shape.centroid,
        value,
        fill,
        label: texts.map.areaLabel(name, valueText(value)),
        valueText: valueText(value),
        href: areaPath(level, shape.code),
      };
    })
    .sort((a, b) => compareNames(a.name, b.name));

  const legend: LegendEntry[] = classes.map((c, i) => ({
    color: colors[i] ?? NO_DATA_COLOR,
    label: rangeLabel(c.min, c.max),
    count: c.count,
  }));
  const missing = values.filter((v) => v === null).length;
  if (missing > 0) legend.push({ color: NO_DATA_COLOR, label: texts.common.noData, count: missing });

  return { viewBox: geometry.viewBox, areas, legend };
}
