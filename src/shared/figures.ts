/**
 * Figures vocabulary shared by server and web app: indicator sources, units, period types, import formats and
 * the columns of Ketenzicht's own long CSV format. One source of truth for names that appear in files and URLs.
 */

export const INDICATOR_SOURCES = [
  'veilig-thuis',
  'politie',
  'gemeente',
  'veiligheidshuis',
  'wijkteam',
  'cbs',
  'casusregister',
] as const;
export type IndicatorSource = (typeof INDICATOR_SOURCES)[number];

export const SOURCE_LABELS: Record<IndicatorSource, string> = {
  'veilig-thuis': 'Veilig Thuis',
  politie: 'Politie',
  gemeente: 'Gemeente',
  veiligheidshuis: 'Veiligheidshuis',
  wijkteam: 'Wijkteam',
  cbs: 'CBS',
  casusregister: 'Casusregister (Ketenzicht)',
};

export const UNITS = ['aantal', 'percentage', 'dagen', 'euro'] as const;
export type Unit = (typeof UNITS)[number];

/** CBS period type letters as they appear in period codes (`2024KW03`). */
export const PERIOD_TYPES = ['JJ', 'HJ', 'KW', 'MM'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

export const PERIOD_TYPE_LABELS: Record<PeriodType, string> = {
  JJ: 'jaar',
  HJ: 'halfjaar',
  KW: 'kwartaal',
  MM: 'maand',
};

/** How an indicator combines over areas and periods: summed, or not additive (rates, averages, waiting times). */
export const AGGREGATIONS = ['sum', 'none'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

/** Derived indicators are computed when read from two stored indicators; never stored. */
export const FORMULA_KINDS = ['per-1000', 'percentage'] as const;
export type FormulaKind = (typeof FORMULA_KINDS)[number];

export const OBSERVATION_STATUSES = ['voorlopig', 'definitief'] as const;
export type ObservationStatus = (typeof OBSERVATION_STATUSES)[number];

export const IMPORT_FORMATS = ['ketenzicht-csv', 'cbs-csv', 'cbs-json', 'xlsx'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const IMPORT_FORMAT_LABELS: Record<ImportFormat, string> = {
  'ketenzicht-csv': 'Ketenzicht CSV (lang formaat)',
  'cbs-csv': 'CBS StatLine CSV',
  'cbs-json': 'CBS OData JSON (TypedDataSet)',
  xlsx: 'Excel (XLSX)',
};

/**
 * Columns of the long CSV format. Breakdown columns are named after dimension codes (`aard_geweld`, `melder`,
 * …); an empty breakdown cell means "total over that dimension".
 */
export const LONG_CSV_COLUMNS = {
  indicator: 'indicator',
  area: 'gebied',
  period: 'periode',
  value: 'waarde',
  status: 'status',
} as const;

/** The file `ketenzicht demo` imports: figures from it are synthetic, and the app says so. */
export const DEMO_FILE_NAME = 'demo-synthetisch.csv';

/** Largest file the upload form and API accept. */
export const FIGURES_UPLOAD_LIMIT = 200 * 1024 * 1024;
