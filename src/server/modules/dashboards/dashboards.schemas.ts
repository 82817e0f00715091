/**
 * Request and response contracts of the dashboards API (overview map, area profile, comparison over time,
 * council factsheet); also its OpenAPI. Every figure in a response has passed small-number protection.
 */
import { z } from 'zod';
import {
  CELL_STATUSES,
  COMPARISON_GROUPS,
  COMPARISONS,
  DIVISIONS,
  EXPORT_FORMATS,
  HIDDEN_REASONS,
  MEASURES,
} from '../../../shared/dashboards.ts';
import { INDICATOR_SOURCES, UNITS } from '../../../shared/figures.ts';
import { AREA_LEVELS } from '../../../shared/geography.ts';

export { errorResponse } from '../../http/common.schemas.ts';

const indicatorCode = z.string().regex(/^[a-z][a-z0-9_]{1,62}$/, 'Ongeldige indicatorcode');
const areaCode = z.string().regex(/^(GM\d{4}|VT\d{2}|PV\d{2}|NL\d{2})$/, 'Ongeldige gebiedscode');
const periodCode = z
  .string()
  .regex(/^\d{4}(JJ00|HJ0[12]|KW0[1-4]|MM(0[1-9]|1[0-2]))$/, 'Gebruik een periode als 2024JJ00');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Gebruik een datum als 2025-03-01');
const areaList = z
  .string()
  .max(2_000)
  .transform((text) =>
    text
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== ''),
  )
  .refine((parts) => parts.every((part) => areaCode.safeParse(part).success), 'Ongeldige gebiedscode');

const format = z
  .enum(EXPORT_FORMATS)
  .default('json')
  .describe(
    'json, or a download exactly as the page shows it: csv (Excel, ;) or xlsx with a definitions sheet',
  );

export const indicatorSummary = z.object({
  code: z.string(),
  name: z.string(),
  definition: z.string(),
  unit: z.enum(UNITS),
  source: z.enum(INDICATOR_SOURCES),
  sourceLabel: z.string().describe('e.g. "Veilig Thuis", "CBS"'),
  higherIsBetter: z.boolean().nullable(),
});

/** One figure after small-number protection. */
export const protectedFigure = z.object({
  value: z.number().nullable().describe('The figure in the response measure; null when hidden or absent'),
  status: z.enum(CELL_STATUSES),
  reason: z
    .enum(HIDDEN_REASONS)
    .nullable()
    .describe('Null in published figures: why a cell is hidden would narrow down its value'),
  provisional: z.boolean().describe('True for voorlopige cijfers'),
});

export const periodOption = z.object({ code: z.string(), label: z.string() });

// ---- Overview map and indicator page: one indicator, period and level, every area ----

export const mapQuery = z.object({
  indicator: indicatorCode,
  period: periodCode.optional().describe('Default: the latest year with figures'),
  level: z.enum(AREA_LEVELS).default('gemeente'),
  measure: z
    .enum(MEASURES)
    .optional()
    .describe('Default: per1000 for counts, waarde for percentages and other values'),
  format,
});

export const mapItem = z.object({
  areaCode: z.string(),
  areaName: z.string(),
  ...protectedFigure.shape,
  count: z.number().nullable().describe('The protected count behind a rate, when shown'),
  base: z
    .number()
    .nullable()
    .describe('Inhabitants or minors the rate is per 1,000 of; denominator of a percentage'),
  interval: z
    .object({ low: z.number(), high: z.number() })
    .nullable()
    .describe('95% interval of a rate or percentage (Wilson score for percentages, exact Poisson for rates)'),
  comparison: z.enum(COMPARISONS).nullable().describe('Against the national figure; null for counts'),
  rank: z.number().int().nullable().describe('1 = highest shown value'),
});

export const funnelPoint = z.object({
  base: z.number(),
  low95: z.number(),
  high95: z.number(),
  low998: z.number(),
  high998: z.number(),
});

export const protectionSummary = z.object({
  threshold: z.number().int().describe('Counts from 1 to below this are hidden (0: no protection)'),
  roundTo: z.number().int().nullable(),
  hiddenCount: z.number().int().describe('How many areas in this response are afgeschermd'),
});

export const mapResponse = z.object({
  indicator: indicatorSummary,
  period: z.string(),
  periodLabel: z.string(),
  periods: z.array(periodOption).describe('Periods with figures for this indicator, newest first'),
  level: z.enum(AREA_LEVELS),
  measure: z.enum(MEASURES),
  measureLabel: z.string().describe('e.g. "per 1.000 inwoners"'),
  reference: protectedFigure.extend({ label: z.string() }).describe('The national figure'),
  funnel: z
    .array(funnelPoint)
    .describe('Control limits around the national figure by base; empty for counts'),
  items: z.array(mapItem),
  protection: protectionSummary,
  notes: z.array(z.string()),
  sources: z.array(z.string()),
  syntheticData: z.boolean(),
  generatedAt: z.string(),
});

// ---- Area profile ----

export const profileParams = z.object({ code: areaCode });
export const profileQuery = z.object({
  period: periodCode.optional().describe('A year (JJ); default: the latest year with figures'),
  group: z.enum(COMPARISON_GROUPS).default('grootteklasse'),
  groupAreas: areaList.optional().describe('group=eigen: comma-separated gemeente codes'),
  format,
});

export const comparedFigure = protectedFigure.extend({
  code: z.string().nullable(),
  label: z.string().describe('e.g. "Veilig Thuis-regio Amsterdam-Amstelland", "Nederland", the group'),
});

export const trendPoint = protectedFigure.extend({ period: z.string(), periodLabel: z.string() });

export const keyFigure = z.object({
  indicator: indicatorSummary,
  measure: z.enum(MEASURES),
  measureLabel: z.string(),
  area: protectedFigure.extend({ count: z.number().nullable() }),
  comparisons: z.array(comparedFigure).describe('Region, Nederland and the comparison group, in that order'),
  trend: z.array(trendPoint).describe('The area over the years up to the chosen one'),
});

export const profileResponse = z.object({
  area: z.object({ code: z.string(), name: z.string(), level: z.enum(AREA_LEVELS) }),
  period: z.string(),
  periodLabel: z.string(),
  periods: z.array(periodOption),
  group: z.object({
    kind: z.enum(COMPARISON_GROUPS),
    label: z.string(),
    description: z.string(),
    areas: z.array(z.object({ code: z.string(), name: z.string() })),
  }),
  keyFigures: z.array(keyFigure),
  members: z
    .object({
      columns: z.array(z.object({ indicator: z.string(), name: z.string(), measureLabel: z.string() })),
      rows: z.array(
        z.object({ areaCode: z.string(), areaName: z.string(), values: z.array(protectedFigure) }),
      ),
    })
    .nullable()
    .describe('For a region, province or Nederland: its gemeenten side by side'),
  notes: z.array(z.string()),
  sources: z.array(z.string()),
  syntheticData: z.boolean(),
  generatedAt: z.string(),
});

// ---- Comparison over time ----

export const seriesQuery = z.object({
  indicator: indicatorCode,
  areas: areaList.refine((codes) => codes.length >= 1 && codes.length <= 5, 'Kies één tot vijf gebieden'),
  measure: z.enum(MEASURES).optional(),
  division: z.enum(DIVISIONS).default('historisch'),
  changedSince: isoDate.optional().describe('Mark figures that changed after this date ("gewijzigd sinds")'),
  format,
});

export const seriesPoint = trendPoint.extend({
  changed: z.boolean().describe('True when the figure differs from what was known on changedSince'),
  previousValue: z.number().nullable().describe('The figure as known on changedSince, when it changed'),
});

export const seriesResponse = z.object({
  indicator: indicatorSummary,
  measure: z.enum(MEASURES),
  measureLabel: z.string(),
  division: z.enum(DIVISIONS),
  method: z.string().nullable().describe("How figures were put on today's division, under the chart"),
  changedSince: z.string().nullable(),
  series: z.array(
    z.object({
      areaCode: z.string(),
      areaName: z.string(),
      level: z.enum(AREA_LEVELS),
      points: z.array(seriesPoint),
    }),
  ),
  notes: z.array(z.string()),
  sources: z.array(z.string()),
  syntheticData: z.boolean(),
  generatedAt: z.string(),
});

// ---- Council factsheet (PDF) ----

export const factsheetQuery = z.object({
  area: areaCode,
  period: periodCode.optional().describe('A year (JJ); default: the latest year with figures'),
  group: z.enum(COMPARISON_GROUPS).default('grootteklasse'),
  groupAreas: areaList.optional(),
});

export type MapResponse = z.infer<typeof mapResponse>;
export type MapItem = z.infer<typeof mapItem>;
export type ProfileResponse = z.infer<typeof profileResponse>;
export type KeyFigure = z.infer<typeof keyFigure>;
export type SeriesResponse = z.infer<typeof seriesResponse>;
export type ProtectedFigure = z.infer<typeof protectedFigure>;
export type IndicatorSummary = z.infer<typeof indicatorSummary>;
