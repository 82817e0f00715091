// SPDX-License-Identifier: EUPL-1.2
/**
 * The ECharts options of the indicator page, as pure functions: the funnel plot (areas against control limits
 * around the national figure) and the histogram of the distribution. Type-only imports of ECharts.
 */
import { COMPARISON_LABELS, type Comparison } from '../../../src/shared/dashboards.ts';
import type { MapItem, MapResponse } from '../api/dashboard-queries.ts';
import type { ChartOption } from '../charts/chart-option.ts';
import { baseName, type FigureFormat, formatCount, type HistogramBin, valueWithMeasure } from './overview.ts';
import { overviewTexts as t } from './overview-texts.ts';

/** Comparisons that are plotted, each with a colour (≥ 3:1 on white) and a shape, so colour is not the only cue. */
export const FUNNEL_GROUPS = [
  { comparison: 'hoger', color: '#b2182b', symbol: 'triangle' },
  // A triangle pointing down as a path (not a rotated triangle), so the legend shows it pointing down too.
  { comparison: 'lager', color: '#2166ac', symbol: 'path://M0,0L10,0L5,9Z' },
  { comparison: 'gemiddeld', color: '#6b6b6b', symbol: 'circle' },
] as const satisfies readonly { comparison: Comparison; color: string; symbol: string }[];

const LIMIT_COLOR = '#4d4d4d';
const REFERENCE_COLOR = '#000000';

export interface FunnelModel {
  option: ChartOption;
  /** The areas behind each scatter series, by series index (for clicks). */
  pointsBySeries: ReadonlyMap<number, readonly MapItem[]>;
  /** How many areas each comparison has among the plotted ones. */
  counts: ReadonlyMap<Comparison, number>;
  /** Areas that cannot be compared (shown or afgeschermd): listed, not plotted. */
  tooFew: MapItem[];
}

/** Whether the funnel plot applies: a rate or percentage with control limits and a national figure. */
export function hasFunnel(response: Pick<MapResponse, 'funnel' | 'reference' | 'measure'>): boolean {
  return response.measure !== 'aantal' && response.funnel.length > 0 && response.reference.value !== null;
}

function plottable(item: MapItem): boolean {
  return item.status === 'getoond' && item.value !== null && item.base !== null && item.base > 0;
}

/**
 * The funnel plot: x = the area's base (inhabitants, or the denominator of a percentage; log scale), y = its value; the 95% and 99.8% control
 * limits and the national figure as lines; areas coloured and shaped by their comparison. Areas whose
 * comparison is "te weinig" are not plotted (their place in the funnel would suggest a precision they lack).
 */
export function funnelModel(response: MapResponse, format: FigureFormat): FunnelModel {
  // Hidden areas are too small by definition: they are listed too (as afgeschermd), never plotted.
  const tooFew = response.items.filter((item) => item.comparison === 'te weinig');
  const pointsBySeries = new Map<number, MapItem[]>();
  const counts = new Map<Comparison, number>();
  const limits = [...response.funnel].sort((a, b) => a.base - b.base);
  const line = (pick: (point: (typeof limits)[number]) => number) =>
    limits.map((point) => [point.base, pick(point)] as [number, number]);
  const reference = response.reference.value ?? 0;
  const plotted = response.items.filter((item) => plottable(item) && item.comparison !== 'te weinig');
  const bases = [...limits.map((point) => point.base), ...plotted.map((item) => item.base as number)];
  const minBase = Math.min(...bases);
  const maxBase = Math.max(...bases);

  const limitSeries = (name: string, data: [number, number][], type: 'solid' | 'dashed') => ({
    type: 'line' as const,
    name,
    data,
    showSymbol: false,
    silent: true,
    tooltip: { show: false },
    lineStyle: { color: LIMIT_COLOR, width: type === 'solid' ? 1.5 : 1, type },
    itemStyle: { color: LIMIT_COLOR },
    z: 1,
  });

  const series: NonNullable<ChartOption['series']> = [
    limitSeries(
      t.funnelLimit998,
      line((point) => point.high998),
      'dashed',
    ),
    limitSeries(
      t.funnelLimit998,
      line((point) => point.low998),
      'dashed',
    ),
    limitSeries(
      t.funnelLimit95,
      line((point) => point.high95),
      'solid',
    ),
    limitSeries(
      t.funnelLimit95,
      line((point) => point.low95),
      'solid',
    ),
    {
      type: 'line',
      name: t.funnelReference(response.reference.label),
      data: [
        [minBase, reference],
        [maxBase, reference],
      ],
      showSymbol: false,
      silent: true,
      tooltip: { show: false },
      lineStyle: { color: REFERENCE_COLOR, width: 2 },
      itemStyle: { color: REFERENCE_COLOR },
      z: 2,
    },
  ];

  for (const group of FUNNEL_GROUPS) {
    const items = response.items.filter((item) => plottable(item) && item.comparison === group.comparison);
    counts.set(group.comparison, items.length);
    if (items.length === 0) continue;
    pointsBySeries.set(series.length, items);
    series.push({
      type: 'scatter',
      name: COMPARISON_LABELS[group.comparison],
      symbol: group.symbol,
      symbolSize: 9,
      itemStyle: { color: group.color, borderColor: '#ffffff', borderWidth: 0.5 },
      cursor: 'pointer',
      z: 3,
      data: items.map((item) => ({
        name: item.areaName,
        value: [item.base as number, item.value as number],
      })),
      tooltip: {
        formatter: (params: unknown) => {
          const { dataIndex } = params as { dataIndex: number };
          const item = items[dataIndex];
          if (!item) return '';
          return [
            item.areaName,
            valueWithMeasure(item.value as number, format),
            `${baseName(format)}: ${formatCount(item.base)}`,
            COMPARISON_LABELS[group.comparison],
          ].join('\n');
        },
      },
    });
  }

  const option: ChartOption = {
    // Room above the plot for a legend of two rows and the name of the value axis.
    grid: { left: 64, right: 32, top: 88, bottom: 56 },
    legend: { top: 0, type: 'plain' },
    tooltip: { trigger: 'item' },
    xAxis: {
      type: 'log',
      name: t.funnelAxis(baseName(format)),
      nameLocation: 'middle',
      nameGap: 32,
      // A little room around the smallest and largest area, not a whole power of ten.
      min: Math.max(1, Math.floor(minBase / 1.25)),
      max: Math.ceil(maxBase * 1.25),
      // The bounds are no round numbers: label only the powers of ten in between.
      axisLabel: { showMinLabel: false, showMaxLabel: false },
    },
    yAxis: {
      type: 'value',
      name: format.measureLabel,
      nameLocation: 'end',
      min: 0,
    },
    series,
  };
  return { option, pointsBySeries, counts, tooFew };
}

/** The histogram of the distribution: one bar per bin, labelled with its range. */
export function histogramOption(
  bins: readonly HistogramBin[],
  binLabel: (bin: HistogramBin, index: number) => string,
  countLabel: string,
): ChartOption {
  return {
    grid: { left: 56, right: 24, top: 32, bottom: 72 },
    tooltip: { trigger: 'item' },
    xAxis: {
      type: 'category',
      data: bins.map(binLabel),
      axisLabel: { rotate: 30, interval: 0 },
    },
    yAxis: { type: 'value', name: countLabel, minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: countLabel,
        data: bins.map((bin) => bin.count),
        barCategoryGap: '8%',
        itemStyle: { color: '#2166ac' },
      },
    ],
  };
}
