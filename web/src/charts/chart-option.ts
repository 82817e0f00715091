// SPDX-License-Identifier: EUPL-1.2
/**
 * The option type of `<EChart>`: only the chart types and components the wrapper registers (type-only
 * imports, so nothing of ECharts enters the first bundle through this file).
 */
import type { BarSeriesOption, LineSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type {
  DatasetComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkAreaComponentOption,
  MarkLineComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | ScatterSeriesOption
  | DatasetComponentOption
  | GridComponentOption
  | LegendComponentOption
  | MarkAreaComponentOption
  | MarkLineComponentOption
  | TitleComponentOption
  | TooltipComponentOption
>;

/** What a click on a chart element reports (a subset of ECharts' event parameters). */
export interface ChartClick {
  seriesIndex?: number;
  dataIndex: number;
  name: string;
  /** The data item as given in the option (for an object item, the object itself). */
  data: unknown;
}
