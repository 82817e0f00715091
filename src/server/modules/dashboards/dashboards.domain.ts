/**
 * Dashboard arithmetic as pure functions, no I/O: which measure an indicator is shown in, the protected table of
 * one indicator and period (every area, every breakdown), intervals and funnel limits, comparison groups, and
 * today's division of older figures. The service fetches; this file decides.
 */
import type { Comparison, Measure } from '../../../shared/dashboards.ts';
import { SIZE_CLASSES } from '../../../shared/dashboards.ts';
import {
  type CountCell,
  DEFAULT_RULE,
  type ProtectedCell,
  type ProtectionRule,
  protectCounts,
  type SumGroup,
} from '../disclosure/disclosure.domain.ts';
import type { Indicator } from '../figures/figures.catalogue.ts';

// ---------------------------------------------------------------------------------------------------------
// Measures

export type IndicatorWithRule = Pick<Indicator, 'code' | 'unit' | 'aggregation' | 'source' | 'formula'> & {
  disclosure?: { threshold: number; roundTo: number | null } | null;
};

/** A count of cases that can be shown per 1,000 inhabitants: a summable number from a chain partner. */
export function isCaseCount(indicator: IndicatorWithRule): boolean {
  return (
    indicator.formula === null &&
    indicator.unit === 'aantal' &&
    indicator.aggregation === 'sum' &&
    indicator.source !== 'cbs'
  );
}

export function defaultMeasure(indicator: IndicatorWithRule): Measure {
  return isCaseCount(indicator) ? 'per1000' : 'waarde';
}

export function allowedMeasures(indicator: IndicatorWithRule): Measure[] {
  return isCaseCount(indicator) ? ['per1000', 'aantal'] : ['waarde'];
}

export function measureLabel(indicator: IndicatorWithRule, measure: Measure): string {
  if (measure === 'per1000') return 'per 1.000 inwoners';
  if (measure === 'aantal') return 'aantal';
  if (indicator.formula?.kind === 'per-1000') return 'per 1.000';
  return { aantal: 'aantal', percentage: '%', dagen: 'dagen', euro: 'euro' }[indicator.unit];
}

/**
 * The protection rule of an indicator: its own when the catalogue sets one; the default (hide 1–4) for case
 * counts; none for population and for values that are not counts (averages, percentages delivered as such).
 */
export function protectionRuleFor(
  indicator: IndicatorWithRule,
  fallback: ProtectionRule = DEFAULT_RULE,
): ProtectionRule | null {
  if (indicator.disclosure) {
    if (indicator.disclosure.threshold <= 0 && indicator.disclosure.roundTo === null) return null;
    return { ...fallback, threshold: indicator.disclosure.threshold, roundTo: indicator.disclosure.roundTo };
  }
  return isCaseCount(indicator) ? fallback : null;
}

// ---------------------------------------------------------------------------------------------------------
// The protected table of one indicator and period

/** A figure of the table before protection: area × breakdown key ('' = total). */
export type RawCell = { area: string; breakdown: string; value: number | null; provisional: boolean };

export type TableShape = {
  /** Region, province or Nederland → the gemeenten whose figures add up to it (on the reference date). */
  members: ReadonlyMap<string, readonly string[]>;
  /** Dimensions whose values add up to the total (one melder per melding); overlapping ones (aard) do not. */
  additiveBreakdowns: ReadonlyArray<readonly string[]>;
};

export type ProtectedTableCell = ProtectedCell & { provisional: boolean };

export const cellId = (area: string, breakdown: string) => `${area}|${breakdown}`;

/**
 * Protects every figure of one indicator and period together, so that no view (map, profile, API, export,
 * PDF) can show a figure from which another view's hidden figure follows. Sum groups: each region, province
 * and Nederland with its gemeenten, per breakdown; each area's total with the parts of an additive dimension.
 */
export function protectTable(
  cells: readonly RawCell[],
  shape: TableShape,
  rule: ProtectionRule | null,
): Map<string, ProtectedTableCell> {
  const result = new Map<string, ProtectedTableCell>();
  if (rule === null) {
    for (const cell of cells)
      result.set(cellId(cell.area, cell.breakdown), {
        id: cellId(cell.area, cell.breakdown),
        value: cell.value,
        status: cell.value === null ? 'geen gegevens' : 'getoond',
        reason: null,
        provisional: cell.provisional,
      });
    return result;
  }
  const present = new Set(cells.map((cell) => cellId(cell.area, cell.breakdown)));
  const breakdowns = [...new Set(cells.map((cell) => cell.breakdown))];
  const areas = [...new Set(cells.map((cell) => cell.area))];
  const groups: SumGroup[] = [];
  for (const [parent, children] of shape.members) {
    for (const breakdown of breakdowns) {
      const total = cellId(parent, breakdown);
      const parts = children.map((child) => cellId(child, breakdown)).filter((id) => present.has(id));
      if (present.has(total) && parts.length > 0) groups.push({ total, parts });
    }
  }
  for (const area of areas) {
    const total = cellId(area, '');
    if (!present.has(total)) continue;
    for (const keys of shape.additiveBreakdowns) {
      const parts = keys.map((key) => cellId(area, key)).filter((id) => present.has(id));
      if (parts.length > 0) groups.push({ total, parts });
    }
  }
  const countCells: CountCell[] = cells.map((cell) => ({
    id: cellId(cell.area, cell.breakdown),
    value: cell.value,
  }));
  const protectedCells = protectCounts(countCells, groups, rule);
  for (const cell of cells) {
    const id = cellId(cell.area, cell.breakdown);
    const protectedCell = protectedCells.get(id) as ProtectedCell;
    result.set(id, { ...protectedCell, provisional: cell.provisional });
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------------
// Intervals, funnel limits and comparison with the national figure

/** z for a two-sided 95% and 99.8% interval. */
export const Z95 = 1.959964;
export const Z998 = 3.090232;

/** Wilson score interval of a proportion k/n, as fractions (0–1). */
export function wilsonInterval(k: number, n: number, z = Z95): { low: number; high: number } | null {
  if (n <= 0 || k < 0 || k > n) return null;
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/**
 * Interval of a Poisson count k: Byar's approximation of the exact (Garwood) interval, within about 1% of it
 * (for k = 0 the lower bound is 0 and the upper 3.67 against the exact 3.69).
 */
export function poissonInterval(k: number, z = Z95): { low: number; high: number } {
  if (k < 0) throw new Error('count must be ≥ 0');
  const upperK = k + 1;
  const high = upperK * (1 - 1 / (9 * upperK) + z / (3 * Math.sqrt(upperK))) ** 3;
  if (k === 0) return { low: 0, high };
  const low = k * (1 - 1 / (9 * k) - z / (3 * Math.sqrt(k))) ** 3;
  return { low: Math.max(0, low), high };
}

export type RateKind = 'per1000' | 'percentage';

const scale = (kind: RateKind) => (kind === 'per1000' ? 1000 : 100);

/** The 95% interval of an area's rate (count per 1,000 of base) or percentage (count of base), in its unit. */
export function rateInterval(
  kind: RateKind,
  count: number,
  base: number,
): { low: number; high: number } | null {
  if (base <= 0) return null;
  if (kind === 'percentage') {
    const interval = wilsonInterval(count, base);
    return interval && { low: interval.low * 100, high: interval.high * 100 };
  }
  const interval = poissonInterval(count);
  return { low: (interval.low / base) * 1000, high: (interval.high / base) * 1000 };
}

/**
 * Control limits around a reference rate for an area of a given base: where 95% and 99.8% of areas would fall
 * if they all had the reference rate (normal approximation to the Poisson or binomial count).
 */
export function funnelLimits(kind: RateKind, reference: number, base: number) {
  const factor = scale(kind);
  const expected = (reference / factor) * base;
  const variance = kind === 'per1000' ? expected : expected * Math.max(0, 1 - reference / factor);
  const limit = (z: number, sign: 1 | -1) =>
    Math.max(0, ((expected + sign * z * Math.sqrt(variance)) / base) * factor);
  return {
    base,
    low95: limit(Z95, -1),
    high95: limit(Z95, 1),
    low998: limit(Z998, -1),
    high998: limit(Z998, 1),
  };
}

/** Funnel curve from the smallest to the largest base, evenly on a log scale. */
export function funnelCurve(kind: RateKind, reference: number, minBase: number, maxBase: number, steps = 40) {
  if (!(minBase > 0) || !(maxBase >= minBase)) return [];
  const from = Math.log(minBase);
  const to = Math.log(maxBase);
  return Array.from({ length: steps + 1 }, (_, index) =>
    funnelLimits(kind, reference, Math.round(Math.exp(from + ((to - from) * index) / steps))),
  );
}

/**
 * Below this many expected events an area's figure is too uncertain to rank or to call higher or lower: its
 * 95% limits are wider than about ±60% of the reference.
 */
export const MIN_EXPECTED_EVENTS = 10;

/** Where an area stands against the reference, by the 95% funnel limit at its base. */
export function compareWithReference(
  kind: RateKind,
  value: number | null,
  base: number | null,
  reference: number | null,
): Comparison {
  if (value === null || base === null || base <= 0 || reference === null) return 'te weinig';
  const expected = (reference / scale(kind)) * base;
  if (expected < MIN_EXPECTED_EVENTS) return 'te weinig';
  const limits = funnelLimits(kind, reference, base);
  if (value > limits.high95) return 'hoger';
  if (value < limits.low95) return 'lager';
  return 'gemiddeld';
}

/** Ranks shown values, highest first; ties share a rank (1, 2, 2, 4). Left out: ids not in `values`. */
export function rankDescending(values: ReadonlyMap<string, number>): Map<string, number> {
  const sorted = [...values.entries()].sort((a, b) => b[1] - a[1]);
  const ranks = new Map<string, number>();
  sorted.forEach(([id, value], index) => {
    const previous = sorted[index - 1];
    ranks.set(id, previous && previous[1] === value ? (ranks.get(previous[0]) as number) : index + 1);
  });
  return ranks;
}

// ---------------------------------------------------------------------------------------------------------
// Comparison groups

export function sizeClassIndex(inhabitants: number): number {
  return SIZE_CLASSES.findIndex((size) => inhabitants >= size.from && inhabitants < size.to);
}

/**
 * The figure of a group of areas from what is shown of each member: hidden members are left out of both the
 * sum and its base, so the group figure reveals nothing a hidden member holds.
 */
export function groupFigure(
  measure: Measure,
  members: ReadonlyArray<{ count: number | null; base: number | null; value: number | null }>,
  rateKind: RateKind | null,
): { value: number | null; used: number } {
  if (measure === 'aantal') {
    const shown = members.filter((member) => member.count !== null);
    if (shown.length === 0) return { value: null, used: 0 };
    return {
      value: shown.reduce((sum, member) => sum + (member.count as number), 0) / shown.length,
      used: shown.length,
    };
  }
  if (rateKind !== null) {
    const shown = members.filter(
      (member) => member.count !== null && member.base !== null && member.base > 0,
    );
    const count = shown.reduce((sum, member) => sum + (member.count as number), 0);
    const base = shown.reduce((sum, member) => sum + (member.base as number), 0);
    if (base <= 0) return { value: null, used: 0 };
    return { value: (count / base) * scale(rateKind), used: shown.length };
  }
  const shown = members.filter((member) => member.value !== null);
  if (shown.length === 0) return { value: null, used: 0 };
  return {
    value: shown.reduce((sum, member) => sum + (member.value as number), 0) / shown.length,
    used: shown.length,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Today's division

/**
 * A figure of today's gemeente for an earlier period: the sum of the gemeenten of then that make it up today,
 * each with the share of it that went here (a split divides by population share). Unknown when a part is
 * unknown; hidden when a part is hidden (a sum of shown and hidden parts would give the hidden one away).
 */
export function onCurrentDivision(
  parts: ReadonlyArray<{
    share: number;
    value: number | null;
    status: 'getoond' | 'afgeschermd' | 'geen gegevens';
  }>,
): { value: number | null; status: 'getoond' | 'afgeschermd' | 'geen gegevens' } {
  if (parts.length === 0) return { value: null, status: 'geen gegevens' };
  if (parts.some((part) => part.status === 'afgeschermd')) return { value: null, status: 'afgeschermd' };
  if (parts.some((part) => part.value === null)) return { value: null, status: 'geen gegevens' };
  const total = parts.reduce((sum, part) => sum + (part.value as number) * part.share, 0);
  return { value: Math.round(total * 1e6) / 1e6, status: 'getoond' };
}
