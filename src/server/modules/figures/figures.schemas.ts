/** Request and response contracts of the figures API (indicators, observations, imports); also its OpenAPI. */
import { z } from 'zod';
import {
  AGGREGATIONS,
  FORMULA_KINDS,
  IMPORT_FORMATS,
  INDICATOR_SOURCES,
  OBSERVATION_STATUSES,
  PERIOD_TYPES,
  UNITS,
} from '../../../shared/figures.ts';
import { AREA_LEVELS } from '../../../shared/geography.ts';
import { plainText } from '../../http/common.schemas.ts';
import { CODE_PATTERN } from './figures.catalogue.ts';

export { errorResponse } from '../../http/common.schemas.ts';

const code = z.string().regex(CODE_PATTERN, 'Gebruik kleine letters, cijfers en _, beginnend met een letter');

export const indicatorBody = z.strictObject({
  code: code.describe('Unique code, e.g. vt_meldingen'),
  name: plainText('de naam', 200),
  definition: plainText('de definitie', 4000),
  source: z.enum(INDICATOR_SOURCES),
  unit: z.enum(UNITS),
  periodTypes: z.array(z.enum(PERIOD_TYPES)).min(1, 'Kies minstens één periodetype'),
  aggregation: z.enum(AGGREGATIONS).describe('sum: adds up over areas and periods; none: rates, averages'),
  higherIsBetter: z.boolean().nullable().default(null).describe('null: neither direction is good in itself'),
  breakdowns: z.array(code).default([]),
  formula: z
    .strictObject({ kind: z.enum(FORMULA_KINDS), numerator: code, denominator: code })
    .nullable()
    .default(null),
});

// Responses are plain objects (not strict): they describe what is sent, extra fields are left out.
export const indicatorResponse = z.object({
  ...indicatorBody.shape,
  name: z.string(),
  definition: z.string(),
  origin: z.enum(['shipped', 'beheerder']).describe('shipped: part of Ketenzicht; beheerder: added here'),
});

export const dimensionResponse = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string(),
  values: z.array(z.object({ code: z.string(), name: z.string() })),
});

export const indicatorList = z.object({
  items: z.array(indicatorResponse),
  dimensions: z.array(dimensionResponse),
  syntheticData: z
    .boolean()
    .describe('True while synthetic demo figures (ketenzicht demo) are in the database'),
});
export const indicatorCodeParams = z.object({ code });

const list = (what: string, pattern: RegExp) =>
  z
    .string()
    .max(20_000)
    .transform((text) =>
      text
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part !== ''),
    )
    .refine((parts) => parts.every((part) => pattern.test(part)), `Ongeldige ${what}`);

export const observationQuery = z.object({
  indicator: code.describe('Indicator code'),
  level: z
    .enum(AREA_LEVELS)
    .optional()
    .describe('All areas of this level (default gemeente when no area is given)'),
  area: list('gebiedscode', /^(GM\d{4}|VT\d{2}|PV\d{2}|NL\d{2})$/)
    .optional()
    .describe('Comma-separated area codes'),
  period: list('periode', /^\d{4}(JJ00|HJ0[12]|KW0[1-4]|MM(0[1-9]|1[0-2]))$/)
    .optional()
    .describe(
      'Comma-separated CBS period codes (2024JJ00, 2024HJ01, 2024KW03, 2024MM11); default: all with data',
    ),
  breakdown: z
    .string()
    .regex(
      /^[a-z][a-z0-9_]*(:[a-z][a-z0-9_]*)?$/,
      'Gebruik dimensie of dimensie:waarde, bijv. aard_geweld:kindermishandeling',
    )
    .optional()
    .describe('aard_geweld: every value; aard_geweld:kindermishandeling: one value; absent: the total'),
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/, 'Gebruik een datum als 2025-03-01')
    .optional()
    .describe('Figures as known on this date (end of day, Dutch time) or at this instant'),
  format: z.enum(['json', 'csv']).default('json'),
});

export const observationItem = z.object({
  indicator: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  areaLevel: z.enum(AREA_LEVELS),
  period: z.string(),
  periodLabel: z.string(),
  breakdown: z.record(z.string(), z.string()),
  value: z.number().nullable(),
  status: z.enum(OBSERVATION_STATUSES).nullable(),
  origin: z.enum(['geleverd', 'opgeteld', 'berekend']).nullable(),
  computedValue: z
    .number()
    .nullable()
    .describe('Sum of the gemeenten, when a source also delivered this figure'),
  differs: z.boolean().describe('True when the delivered figure differs from the sum of its gemeenten'),
  missing: z
    .array(z.string())
    .describe('Parts (periods or gemeenten) without a figure in an incomplete roll-up'),
  note: z.string().nullable().describe('Why a figure cannot be computed, when no part is merely missing'),
  protection: z
    .literal('afgeschermd')
    .optional()
    .describe('Present when small-number protection hides this figure (value is then null)'),
});

export const observationList = z.object({
  indicator: indicatorResponse.omit({ origin: true }),
  items: z.array(observationItem),
});

export const historyQuery = z.object({
  indicator: code,
  area: z.string().regex(/^(GM\d{4}|VT\d{2}|PV\d{2}|NL\d{2})$/, 'Ongeldige gebiedscode'),
  period: z.string().regex(/^\d{4}(JJ|HJ|KW|MM)\d{2}$/, 'Ongeldige periode'),
  breakdown: z
    .string()
    .max(500)
    .default('')
    .describe('Breakdown key, e.g. aard_geweld=kindermishandeling; empty: total'),
});

export const historyList = z.object({
  items: z.array(
    z.object({
      version: z.number().int(),
      value: z.number().nullable(),
      status: z.enum(OBSERVATION_STATUSES),
      withdrawn: z.boolean(),
      importId: z.number().int(),
      importKind: z.enum(['import', 'undo']),
      fileName: z.string(),
      actorLabel: z.string().nullable().describe('Who imported it; only for beheerders and aanleveranciers'),
      recordedAt: z.string(),
      supersededAt: z.string().nullable(),
    }),
  ),
});

const problem = z.object({
  severity: z.enum(['fout', 'waarschuwing']),
  row: z.number().int().nullable().describe('Row in the file (header = 1); null for the file as a whole'),
  column: z.string().nullable(),
  value: z.string().nullable(),
  message: z.string(),
});

const columnMapping = z.strictObject({
  layout: z.enum(['long', 'wide']).optional(),
  indicator: code.optional(),
  columns: z
    .strictObject({
      indicator: z.string().max(200).optional(),
      area: z.string().max(200).optional(),
      period: z.string().max(200).optional(),
      value: z.string().max(200).optional(),
      status: z.string().max(200).optional(),
    })
    .optional(),
});

export { columnMapping };

export const importQuery = z.object({
  dryRun: z
    .enum(['true', 'false'], 'Gebruik true of false')
    .default('true')
    .transform((value) => value === 'true')
    .describe('Default true: validate and show what would change. false: import in one transaction'),
  format: z.enum(IMPORT_FORMATS).optional().describe('Detected from the content when left out'),
  mapping: z
    .string()
    .max(4000)
    .optional()
    .describe(
      'JSON column mapping, as the dry run proposes it: {"layout":"wide","indicator":"vt_meldingen","columns":{"area":"Gemeente"}}',
    ),
});

export const importReport = z.object({
  outcome: z.enum(['geweigerd', 'proefimport', 'geimporteerd', 'ongewijzigd']),
  importId: z.number().int().nullable(),
  fileName: z.string(),
  file: z
    .object({
      size: z.number(),
      sha256: z.string(),
      format: z.enum(IMPORT_FORMATS),
      encoding: z.string().nullable(),
      delimiter: z.string().nullable(),
    })
    .nullable(),
  findings: z
    .object({
      headers: z.array(z.string()),
      mapping: columnMapping,
      cbsTable: z.string().optional(),
      skipped: z.number().int().describe('CBS cells with "." (unknown or secret): no figure'),
    })
    .nullable(),
  rows: z.number().int(),
  errors: z.number().int(),
  warnings: z.number().int(),
  stoppedEarly: z.boolean(),
  problems: z.array(problem),
  added: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  changes: z.array(
    z.object({
      row: z.number().int().nullable(),
      indicator: z.string(),
      area: z.string(),
      period: z.string(),
      breakdown: z.string(),
      oldValue: z.number().nullable(),
      newValue: z.number(),
      oldStatus: z.enum(OBSERVATION_STATUSES).nullable(),
      newStatus: z.enum(OBSERVATION_STATUSES),
    }),
  ),
  sameFileAs: z.object({ id: z.number().int(), at: z.string() }).nullable(),
});

export const importListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const importList = z.object({
  total: z.number().int(),
  items: z.array(
    z.object({
      id: z.number().int(),
      kind: z.enum(['import', 'undo']),
      fileName: z.string(),
      fileSize: z.number(),
      fileSha256: z.string(),
      format: z.string(),
      actorLabel: z.string(),
      at: z.string(),
      rows: z.number().int(),
      added: z.number().int(),
      changed: z.number().int(),
      unchanged: z.number().int(),
      skipped: z.number().int(),
      warnings: z.number().int(),
      undoOf: z.number().int().nullable(),
      undoneBy: z.number().int().nullable(),
    }),
  ),
});

export const importIdParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });

export const undoResult = z.object({
  importId: z.number().int(),
  undoId: z.number().int(),
  restored: z.number().int(),
  withdrawn: z.number().int(),
});
