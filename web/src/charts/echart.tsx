// SPDX-License-Identifier: EUPL-1.2
import { lazy, Suspense } from 'react';
import type { ChartClick, ChartOption } from './chart-option.ts';

export type { ChartClick, ChartOption } from './chart-option.ts';

export interface EChartProps {
  option: ChartOption;
  /** Accessible name of the chart (it is exposed as one image; give the figures as a table too). */
  label: string;
  /** Height in CSS pixels; the width follows the container. */
  height: number;
  /** Id of an element that describes the chart, e.g. the table with the same figures. */
  describedBy?: string;
  className?: string;
  /** Called when a data element (a point, a bar) is clicked. */
  onClick?: (event: ChartClick) => void;
}

/** ECharts is large: it loads with the first chart, not with the first page. */
const EChartView = lazy(() => import('./echart-view.tsx'));

/**
 * An ECharts chart (SVG renderer, CSP-safe tooltips), loaded lazily. Shown as one image named `label`; the
 * page must offer the same figures as text (a table or a description referenced by `describedBy`).
 */
export function EChart(props: EChartProps) {
  return (
    <Suspense fallback={<ChartPlaceholder height={props.height} className={props.className} />}>
      <EChartView {...props} />
    </Suspense>
  );
}

function ChartPlaceholder({ height, className }: { height: number; className: string | undefined }) {
  // Keeps the page from jumping when the chart arrives; the style prop goes through the CSSOM (CSP-safe).
  return (
    <div
      className={['ks-chart', 'ks-chart--loading', className].filter(Boolean).join(' ')}
      style={{ height }}
    />
  );
}
