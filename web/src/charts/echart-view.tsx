// SPDX-License-Identifier: EUPL-1.2
/** The part of `<EChart>` that imports ECharts; only ever loaded through `React.lazy` (see echart.tsx). */
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import { type ECharts, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ChartClick, ChartOption } from './chart-option.ts';
import type { EChartProps } from './echart.tsx';

use([
  BarChart,
  LineChart,
  ScatterChart,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  SVGRenderer,
]);

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';

const numberFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });
const dutchNumber = (value: unknown) =>
  typeof value === 'number' ? numberFormat.format(value) : String(value);

type Axes = ChartOption['xAxis'] | ChartOption['yAxis'];

/** Value axes without their own label formatter write numbers the Dutch way (1.234,5), not ECharts' 1,234.5. */
function dutchAxes<T extends Axes>(axes: T): T {
  if (!axes) return axes;
  const one = (axis: object) => {
    const { type, axisLabel } = axis as { type?: string; axisLabel?: { formatter?: unknown } };
    const labels = axisLabel ?? {};
    const isValue = type === undefined || type === 'value' || type === 'log';
    return isValue && labels.formatter === undefined
      ? { ...axis, axisLabel: { ...labels, formatter: dutchNumber } }
      : axis;
  };
  return (Array.isArray(axes) ? axes.map(one) : one(axes)) as T;
}

/**
 * The page's Content Security Policy refuses inline style attributes: HTML tooltips (whose markup carries
 * style attributes) would break it, so tooltips are drawn inside the SVG instead; their numbers are Dutch.
 */
function prepare(option: ChartOption): ChartOption {
  const tooltips = option.tooltip;
  const tooltip = tooltips
    ? (Array.isArray(tooltips) ? tooltips : [tooltips]).map((one) => ({
        valueFormatter: dutchNumber,
        ...one,
        renderMode: 'richText' as const,
      }))
    : undefined;
  return {
    ...option,
    ...(tooltip ? { tooltip } : {}),
    ...(option.xAxis ? { xAxis: dutchAxes(option.xAxis) } : {}),
    ...(option.yAxis ? { yAxis: dutchAxes(option.yAxis) } : {}),
  };
}

export default function EChartView({ option, label, height, describedBy, className, onClick }: EChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ECharts | null>(null);
  const onClickRef = useRef(onClick);
  onClickRef.current = onClick;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const chart = init(container, null, { renderer: 'svg', locale: 'EN' });
    chartRef.current = chart;
    chart.on('click', (params) => {
      const event: ChartClick = {
        dataIndex: params.dataIndex,
        name: params.name,
        data: params.data,
        ...(params.seriesIndex === undefined ? {} : { seriesIndex: params.seriesIndex }),
      };
      onClickRef.current?.(event);
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(
      { textStyle: { fontFamily: FONT }, animation: false, ...prepare(option) },
      { notMerge: true },
    );
  }, [option]);

  return (
    <div
      ref={containerRef}
      className={['ks-chart', className].filter(Boolean).join(' ')}
      style={{ height }}
      role="img"
      aria-label={label}
      aria-describedby={describedBy}
    />
  );
}
