/**
 * The indicator catalogue: what is measured. Shipped as a reviewed file (`reference-data/indicators.json`) and
 * extendable by a beheerder. This file holds its schema and the pure consistency checks; no I/O.
 */
import { z } from 'zod';
import {
  AGGREGATIONS,
  FORMULA_KINDS,
  INDICATOR_SOURCES,
  PERIOD_TYPES,
  UNITS,
} from '../../../shared/figures.ts';

export const CODE_PATTERN = /^[a-z][a-z0-9_]{1,62}$/;
const code = z.string().regex(CODE_PATTERN, 'kleine letters, cijfers en _; begint met een letter');
const label = z.string().trim().min(1).max(200);

export const dimensionSchema = z.strictObject({
  code,
  name: label,
  description: z.string().max(2000).default(''),
  /** True when every case has exactly one value (melder), so the values add up to the total. */
  partsAddUp: z.boolean().optional(),
  values: z
    .array(z.strictObject({ code, name: label }))
    .min(2)
    .max(100),
});
export type Dimension = z.infer<typeof dimensionSchema>;

export const formulaSchema = z.strictObject({
  kind: z.enum(FORMULA_KINDS),
  numerator: code,
  denominator: code,
});
export type Formula = z.infer<typeof formulaSchema>;

export const indicatorSchema = z.strictObject({
  code,
  name: label,
  definition: z.string().trim().min(1).max(4000),
  source: z.enum(INDICATOR_SOURCES),
  unit: z.enum(UNITS),
  periodTypes: z.array(z.enum(PERIOD_TYPES)).min(1),
  aggregation: z.enum(AGGREGATIONS),
  /** null when neither direction is good in itself (e.g. meldingen: more can mean better detection). */
  higherIsBetter: z.boolean().nullable(),
  breakdowns: z.array(code).default([]),
  /** Set for derived indicators, which are computed when read and never imported. */
  formula: formulaSchema.nullable().default(null),
  /**
   * Small-number protection: counts from 1 to below `threshold` are hidden, shown counts rounded to `roundTo`.
   * null: the default (threshold 5 for case counts; none for population and for values that are not counts).
   */
  disclosure: z
    .strictObject({
      threshold: z.number().int().min(0).max(100),
      roundTo: z.number().int().min(1).max(100).nullable().default(null),
    })
    .nullable()
    .optional(),
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const catalogueSchema = z.strictObject({
  dimensions: z.array(dimensionSchema),
  indicators: z.array(indicatorSchema),
});
export type Catalogue = z.infer<typeof catalogueSchema>;

export type CatalogueProblem = { code: string; message: string };

/** Cross-reference checks zod cannot express: unique codes, known dimensions, formulas over stored indicators. */
export function findCatalogueProblems(catalogue: Catalogue): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  const dimensions = new Map<string, Dimension>();
  for (const dimension of catalogue.dimensions) {
    if (dimensions.has(dimension.code))
      problems.push({ code: dimension.code, message: 'indeling komt twee keer voor' });
    dimensions.set(dimension.code, dimension);
    const seen = new Set<string>();
    for (const value of dimension.values) {
      if (seen.has(value.code))
        problems.push({ code: `${dimension.code}.${value.code}`, message: 'waarde komt twee keer voor' });
      seen.add(value.code);
    }
  }
  const indicators = new Map<string, Indicator>();
  for (const indicator of catalogue.indicators) {
    if (indicators.has(indicator.code) || dimensions.has(indicator.code))
      problems.push({ code: indicator.code, message: 'code komt twee keer voor' });
    indicators.set(indicator.code, indicator);
  }
  for (const indicator of catalogue.indicators) {
    problems.push(...indicatorProblems(indicator, indicators, dimensions));
  }
  return problems;
}

/** Checks one indicator against the rest of the catalogue; used for the shipped file and for admin additions. */
export function indicatorProblems(
  indicator: Indicator,
  indicators: ReadonlyMap<string, Indicator>,
  dimensions: ReadonlyMap<string, Pick<Dimension, 'code'>>,
): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  const at = indicator.code;
  if (new Set(indicator.periodTypes).size !== indicator.periodTypes.length)
    problems.push({ code: at, message: 'periodetype komt twee keer voor' });
  for (const breakdown of indicator.breakdowns) {
    if (!dimensions.has(breakdown)) problems.push({ code: at, message: `onbekende indeling "${breakdown}"` });
  }
  if (indicator.unit === 'percentage' && indicator.aggregation === 'sum')
    problems.push({ code: at, message: 'een percentage is niet optelbaar: gebruik aggregation "none"' });
  const formula = indicator.formula;
  if (formula) {
    for (const part of [formula.numerator, formula.denominator]) {
      const referenced = indicators.get(part);
      if (!referenced)
        problems.push({ code: at, message: `formule verwijst naar onbekende indicator "${part}"` });
      else if (referenced.formula)
        problems.push({ code: at, message: `formule verwijst naar afgeleide indicator "${part}"` });
      else if (referenced.aggregation !== 'sum')
        problems.push({ code: at, message: `formule verwijst naar niet-optelbare indicator "${part}"` });
    }
    if (indicator.aggregation !== 'none')
      problems.push({
        code: at,
        message: 'een afgeleide indicator is niet optelbaar: gebruik aggregation "none"',
      });
    if (formula.kind === 'per-1000' && indicator.unit !== 'aantal')
      problems.push({ code: at, message: 'per 1.000 heeft eenheid "aantal"' });
    if (formula.kind === 'percentage' && indicator.unit !== 'percentage')
      problems.push({ code: at, message: 'een percentage heeft eenheid "percentage"' });
  }
  return problems;
}
