// SPDX-License-Identifier: EUPL-1.2
/**
 * The compare page's state in the URL
 * (`?indicator=vt_meldingen&gebieden=GM0363,GM0599&maat=per1000&indeling=huidig&gewijzigdSinds=2025-01-01`),
 * the series request it leads to, and the series as a table and as trend lines: provisional figures dashed with
 * a hollow symbol, figures changed since a date marked, hidden and missing figures as gaps.
 */
import { DIVISIONS, type Division, MEASURES, type Measure } from '../../../src/shared/dashboards.ts';
import type { Unit } from '../../../src/shared/figures.ts';
import type { SeriesParams, SeriesResponse } from '../api/dashboard-queries.ts';
import type { ChartOption } from '../charts/chart-option.ts';
import { texts } from '../texts.ts';
import { isIsoDate } from './figures.ts';
import { formatDate } from './format.ts';
import { areaCodesOf, figureText, formatMeasure } from './profile-search.ts';

export const MIN_COMPARE_AREAS = 2;
export const MAX_COMPARE_AREAS = 5;
export const DEFAULT_COMPARE_INDICATOR = 'vt_meldingen';
const INDICATOR_CODE = /^[a-z][a-z0-9_]{1,62}$/;

export interface CompareSearch {
  indicator?: string;
  /** Comma-separated area codes of any level, as they stand in the URL. */
  gebieden?: string;
  maat?: Measure;
  indeling?: Division;
  gewijzigdSinds?: string;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' && value.length <= 2_000 ? value.trim() : undefined;
}

function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

/** Validates the compare page's query string; what the API would refuse is left out rather than sent. */
export function parseCompareSearch(search: Record<string, unknown>): CompareSearch {
  const parsed: CompareSearch = {};
  const indicator = text(search.indicator);
  if (indicator && INDICATOR_CODE.test(indicator)) parsed.indicator = indicator;
  const areas = areaCodesOf(search.gebieden, undefined, MAX_COMPARE_AREAS);
  if (areas.length > 0) parsed.gebieden = areas.join(',');
  if (isOneOf(MEASURES, search.maat)) parsed.maat = search.maat;
  if (isOneOf(DIVISIONS, search.indeling)) parsed.indeling = search.indeling;
  const since = text(search.gewijzigdSinds);
  if (since && isIsoDate(since)) parsed.gewijzigdSinds = since;
  return parsed;
}

/** What the compare page shows once defaults are filled in. */
export interface CompareSelection {
  indicator: string;
  areas: string[];
  /** Null: the indicator's default (per 1.000 for counts), as the API chooses it. */
  measure: Measure | null;
  division: Division;
  changedSince: string | null;
}

export function compareSelectionOf(search: CompareSearch): CompareSelection {
  return {
    indicator: search.indicator ?? DEFAULT_COMPARE_INDICATOR,
    areas: areaCodesOf(search.gebieden, undefined, MAX_COMPARE_AREAS),
    measure: search.maat ?? null,
    division: search.indeling ?? 'historisch',
    changedSince: search.gewijzigdSinds ?? null,
  };
}

/** The query string for a selection; defaults (historische indeling, no date) are left out. */
export function compareSearchFor(selection: CompareSelection): CompareSearch {
  const search: CompareSearch = { indicator: selection.indicator };
  if (selection.areas.length > 0) search.gebieden = selection.areas.slice(0, MAX_COMPARE_AREAS).join(',');
  if (selection.measure) search.maat = selection.measure;
  if (selection.division !== 'historisch') search.indeling = selection.division;
  if (selection.changedSince) search.gewijzigdSinds = selection.changedSince;
  return search;
}

/** The series request of a selection; null until there is an area to show. */
export function seriesParamsOf(selection: CompareSelection): SeriesParams | null {
  if (selection.areas.length === 0) return null;
  return {
    indicator: selection.indicator,
    areas: selection.areas.slice(0, MAX_COMPARE_AREAS),
    division: selection.division,
    ...(selection.measure ? { measure: selection.measure } : {}),
    ...(selection.changedSince ? { changedSince: selection.changedSince } : {}),
  };
}

/** The measures that make sense for an indicator: a stored count per 1.000 or as is, anything else its value. */
export function measuresFor(indicator: {
  unit: Unit;
  aggregation: 'sum' | 'none';
  formula: unknown;
}): Measure[] {
  return indicator.unit === 'aantal' && indicator.aggregation === 'sum' && !indicator.formula
    ? ['per1000', 'aantal']
    : ['waarde'];
}

// ---------------------------------------------------------------------------------------------------------
// Series as a table and as trend lines

type SeriesPoint = SeriesResponse['series'][number]['points'][number];
/** A point of a series, or of a profile's trend (which knows nothing of changes). */
export type Point = Omit<SeriesPoint, 'changed' | 'previousValue'> &
  Partial<Pick<SeriesPoint, 'changed' | 'previousValue'>>;

/** One line: an area (or the area of a profile) and its points. */
export interface TrendLine {
  name: string;
  points: readonly Point[];
}

export interface TrendPeriod {
  code: string;
  label: string;
}

/** Every period of the lines, oldest first (period codes sort in time within a type). */
export function trendPeriods(lines: readonly TrendLine[]): TrendPeriod[] {
  const labels = new Map<string, string>();
  for (const line of lines) for (const point of line.points) labels.set(point.period, point.periodLabel);
  return [...labels.keys()].sort().map((code) => ({ code, label: labels.get(code) ?? code }));
}

/** A table with a row per period and a cell per line (undefined where a line has no such period). */
export function trendRows(
  lines: readonly TrendLine[],
): { period: TrendPeriod; cells: (Point | undefined)[] }[] {
  return trendPeriods(lines).map((period) => ({
    period,
    cells: lines.map((line) => line.points.find((point) => point.period === period.code)),
  }));
}

/** Colours with at least 3:1 contrast on white, told apart also by their symbols. */
export const LINE_COLOURS = ['#154273', '#b3400b', '#1b7a4f', '#8e3a8c', '#4d4d4d'] as const;
export const LINE_SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'roundRect'] as const;

/**
 * "gewijzigd sinds 1 januari 2025, was 1.000" for a figure changed since the chosen date (`since`, an ISO
 * date); null otherwise.
 */
export function changedText(
  point: Point | undefined,
  measure: Measure,
  unit: Unit,
  since: string | null,
): string | null {
  if (!point?.changed) return null;
  const previous =
    point.previousValue == null ? texts.profile.noData : formatMeasure(point.previousValue, measure, unit);
  return since ? texts.compare.changed(formatDate(since), previous) : texts.compare.changedShort(previous);
}

const shown = (point: Point | undefined): point is Point & { value: number } =>
  point !== undefined && point.status === 'getoond' && point.value !== null;

/**
 * Trend lines as an ECharts option: per line a solid series through definitive figures and a dashed series
 * over the stretches that touch a provisional figure (hollow symbol); both carry the line's name, so the legend
 * shows and toggles them as one. A changed figure gets a larger symbol and a "Δ" above it. Hidden and missing
 * figures are gaps.
 */
export function trendChartOption(
  lines: readonly TrendLine[],
  measure: Measure,
  unit: Unit,
  options: { legend?: boolean; changedSince?: string | null } = {},
): ChartOption {
  const periods = trendPeriods(lines);
  const series: NonNullable<ChartOption['series']> = [];
  lines.forEach((line, index) => {
    const colour = LINE_COLOURS[index % LINE_COLOURS.length] ?? LINE_COLOURS[0];
    const symbol = LINE_SYMBOLS[index % LINE_SYMBOLS.length] ?? LINE_SYMBOLS[0];
    const byPeriod = periods.map((period) => line.points.find((point) => point.period === period.code));
    const marked = (point: Point & { value: number }, hollow: boolean) => ({
      value: point.value,
      symbolSize: point.changed ? 14 : 8,
      itemStyle: hollow
        ? { color: '#ffffff', borderColor: colour, borderWidth: 2 }
        : { color: colour, borderColor: colour },
      ...(point.changed
        ? { label: { show: true, position: 'top' as const, formatter: 'Δ', color: colour } }
        : {}),
    });
    const solid = byPeriod.map((point) => (shown(point) && !point.provisional ? marked(point, false) : null));
    const dashed = byPeriod.map((point, i) => {
      if (!shown(point)) return null;
      if (point.provisional) return marked(point, true);
      const touches = [byPeriod[i - 1], byPeriod[i + 1]].some((other) => shown(other) && other.provisional);
      // The definitive end of a dashed stretch: the solid series draws its symbol already.
      return touches ? { value: point.value, symbol: 'none' } : null;
    });
    const common = {
      type: 'line' as const,
      name: line.name,
      symbol,
      color: colour,
      connectNulls: false,
      emphasis: { disabled: true },
    };
    series.push({ ...common, data: solid, lineStyle: { color: colour, width: 2 } });
    if (dashed.some((item) => item !== null))
      series.push({ ...common, data: dashed, lineStyle: { color: colour, width: 2, type: 'dashed' } });
  });

  const tooltipLine = (line: TrendLine, point: Point | undefined) => {
    const figure = figureText(point, measure, unit);
    const previous = changedText(point, measure, unit, options.changedSince ?? null);
    return `${line.name}: ${figure}${previous ? `, ${previous}` : ''}`;
  };

  return {
    grid: { left: 8, right: 24, top: options.legend ? 48 : 24, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: periods.map((period) => period.label),
      boundaryGap: false,
    },
    yAxis: {
      type: 'value',
      axisLabel: { formatter: (value: number) => formatMeasure(value, measure, unit) },
    },
    legend: options.legend ? { show: true, top: 0, data: lines.map((line) => line.name) } : { show: false },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const first = Array.isArray(params) ? params[0] : params;
        const index = (first as { dataIndex?: number } | undefined)?.dataIndex ?? 0;
        const period = periods[index];
        if (!period) return '';
        const rows = lines.map((line) =>
          tooltipLine(
            line,
            line.points.find((point) => point.period === period.code),
          ),
        );
        return [period.label, ...rows].join('\n');
      },
    },
    series,
  };
}
