// SPDX-License-Identifier: EUPL-1.2
/**
 * Pure logic of the overview and the indicator page: how a protected figure reads (map label, tooltip, table
 * cell), sorting and ranking the areas, searching the catalogue, and the bins of the distribution.
 */

import type { Measure } from '../../../src/shared/dashboards.ts';
import type { Unit } from '../../../src/shared/figures.ts';
import { compareAreaNames } from '../../../src/shared/geography.ts';
import type { MapItem, ProtectedFigure } from '../api/dashboard-queries.ts';
import { overviewTexts as t } from './overview-texts.ts';

/** How many decimals a figure of this measure and unit shows: counts none, rates and percentages one. */
export function decimalsFor(measure: Measure, unit: Unit): number {
  if (measure === 'aantal') return 0;
  if (measure === 'per1000') return 1;
  return unit === 'aantal' || unit === 'euro' ? 0 : 1;
}

const formats = new Map<number, Intl.NumberFormat>();

/** A number in Dutch notation with a fixed number of decimals: 1234.56 → "1.234,6" for one decimal. */
export function formatDecimal(value: number, decimals: number): string {
  let format = formats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('nl-NL', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    formats.set(decimals, format);
  }
  return format.format(value);
}

/** The way one measure of one indicator is written. */
export interface FigureFormat {
  measure: Measure;
  unit: Unit;
  /** The server's label of the measure: "per 1.000 inwoners", "aantal", "%", "dagen". */
  measureLabel: string;
}

/** The number alone, as a table cell shows it under a header that names the measure: "7,3". */
export function formatValue(value: number, format: FigureFormat): string {
  return formatDecimal(value, decimalsFor(format.measure, format.unit));
}

/** The number with its measure, as a map label or tooltip reads it: "7,3 per 1.000 inwoners", "12,5%". */
export function valueWithMeasure(value: number, format: FigureFormat): string {
  const number = formatValue(value, format);
  if (format.measure === 'aantal' || format.measureLabel === 'aantal') return number;
  if (format.measureLabel === '%') return `${number}%`;
  if (format.measureLabel === 'euro') return `€ ${number}`;
  return `${number} ${format.measureLabel}`;
}

/** The measure as a phrase, for a legend or an axis: "per 1.000 inwoners", "aantal", "percentage". */
export function measureName(format: FigureFormat): string {
  if (format.measure !== 'waarde') return format.measureLabel;
  return t.units[format.unit];
}

/**
 * What the base of a rate or percentage counts, as a column header: "Inwoners" or "Minderjarigen" for a
 * rate per 1.000 of them, "Noemer" (the number the percentage is of) otherwise.
 */
export function baseName(format: FigureFormat): string {
  const per = /^per 1\.000 (.+)$/.exec(format.measureLabel)?.[1];
  if (!per) return t.denominator;
  return `${per.charAt(0).toLocaleUpperCase('nl-NL')}${per.slice(1)}`;
}

type Shown = Pick<ProtectedFigure, 'value' | 'status' | 'provisional'>;

/**
 * A figure as text: the value (with its measure when `withMeasure`), or "afgeschermd" / "geen gegevens"; a
 * provisional figure gets "(voorlopig)". Map labels, tooltips and table cells all come from here, so they
 * cannot say different things.
 */
export function figureText(figure: Shown, format: FigureFormat, withMeasure = true): string {
  if (figure.status === 'afgeschermd') return t.hidden;
  if (figure.status === 'geen gegevens' || figure.value === null) return t.noData;
  const text = withMeasure ? valueWithMeasure(figure.value, format) : formatValue(figure.value, format);
  return figure.provisional ? `${text} ${t.provisional}` : text;
}

/** A count (the number behind a rate) or a base (inhabitants): a whole number, or a dash when not shown. */
export function formatCount(value: number | null): string {
  return value === null ? t.notShown : formatDecimal(value, 0);
}

// ---------------------------------------------------------------------------------------------------------
// Sorting and ranking

export type ItemSortKey = 'name' | 'value' | 'count' | 'base' | 'rank';
export type SortDirection = 'ascending' | 'descending';
export interface ItemSort {
  key: ItemSortKey;
  direction: SortDirection;
}

function numberOf(item: MapItem, key: Exclude<ItemSortKey, 'name'>): number | null {
  if (key === 'value') return item.status === 'getoond' ? item.value : null;
  return item[key];
}

/**
 * A sorted copy of the map's areas. Areas without the number (hidden, no figure, not ranked) come last in
 * either direction; ties are broken by name, so the order is stable.
 */
export function sortItems(items: readonly MapItem[], { key, direction }: ItemSort): MapItem[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...items].sort((a, b) => {
    if (key === 'name') return compareAreaNames(a.areaName, b.areaName) * sign;
    const x = numberOf(a, key);
    const y = numberOf(b, key);
    if (x === null || y === null) {
      if (x === y) return compareAreaNames(a.areaName, b.areaName);
      return x === null ? 1 : -1;
    }
    return x !== y ? (x - y) * sign : compareAreaNames(a.areaName, b.areaName);
  });
}

/** A click on a column header: the same column flips, another starts in its natural order. */
export function nextItemSort(current: ItemSort, key: ItemSortKey): ItemSort {
  if (current.key === key) {
    return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  }
  // Names A–Z and ranks 1, 2, 3 ascending; figures highest first.
  return { key, direction: key === 'name' || key === 'rank' ? 'ascending' : 'descending' };
}

/** Whether an area takes part in the ranking: shown, ranked by the server, and not "te weinig". */
export function isRanked(item: MapItem): boolean {
  return item.status === 'getoond' && item.rank !== null && item.comparison !== 'te weinig';
}

/**
 * The highest and lowest `size` ranked areas (rank 1 = highest value). With fewer than twice `size` ranked
 * areas the two lists would overlap: then the lowest list holds only areas not in the highest.
 */
export function ranking(items: readonly MapItem[], size = 5): { highest: MapItem[]; lowest: MapItem[] } {
  const ranked = items
    .filter(isRanked)
    .sort((a, b) => (a.rank as number) - (b.rank as number) || compareAreaNames(a.areaName, b.areaName));
  const highest = ranked.slice(0, size);
  const lowest = ranked.slice(Math.max(highest.length, ranked.length - size)).reverse();
  return { highest, lowest };
}

// ---------------------------------------------------------------------------------------------------------
// Catalogue search

/** Lower case without accents: "Hermeldingen" and "hérmeldingen" match "hermelding". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('nl-NL').trim();
}

interface Searchable {
  code: string;
  name: string;
  definition: string;
}

/**
 * Indicators matching every word of the query in name, code or definition; those whose name matches come
 * first, in catalogue order otherwise. An empty query matches nothing (the full list is in the select).
 */
export function searchIndicators<T extends Searchable>(items: readonly T[], query: string): T[] {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const scored = items.flatMap((item, index) => {
    const name = foldText(item.name);
    const all = `${name} ${item.code} ${item.code.replaceAll('_', ' ')} ${foldText(item.definition)}`;
    if (!words.every((word) => all.includes(word))) return [];
    const inName = words.every((word) => name.includes(word));
    return [{ item, index, score: inName ? 0 : 1 }];
  });
  return scored.sort((a, b) => a.score - b.score || a.index - b.index).map((entry) => entry.item);
}

// ---------------------------------------------------------------------------------------------------------
// Distribution

export interface HistogramBin {
  /** Inclusive lower bound. */
  from: number;
  /** Exclusive upper bound (inclusive for the last bin). */
  to: number;
  count: number;
}

const NICE_STEPS = [1, 2, 2.5, 5, 10];

/** A round bin width (1, 2, 2.5 or 5 times a power of ten) that splits `range` into about `target` bins. */
export function niceStep(range: number, target: number): number {
  if (!(range > 0) || !(target > 0)) return 1;
  const rough = range / target;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  // Below the smallest power of ten a double holds (denormal ranges), round widths do not exist.
  if (!(magnitude > 0) || !Number.isFinite(magnitude)) return rough;
  const factor = NICE_STEPS.find((step) => step * magnitude >= rough) ?? 10;
  return factor * magnitude;
}

/**
 * Bins of equal, round width over the values (about `target` bins): every value falls in exactly one bin, the
 * first bin starts at or below the smallest value and the last ends at or above the largest (inclusive).
 */
export function histogramBins(values: readonly number[], target = 10): HistogramBin[] {
  const finite = values.filter((value) => Number.isFinite(value));
  if (finite.length === 0) return [];
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const step = niceStep(max - min, target);
  if (min === max || !(step > 0)) return [{ from: min, to: max, count: finite.length }];
  // Whole multiples of the step, cleaned of floating point noise (0.1 + 0.2) where that keeps them in order.
  const clean = (value: number) => Number.parseFloat(value.toPrecision(12));
  const start = Math.min(min, clean(Math.floor(min / step) * step));
  const count = Math.max(1, Math.floor((max - start) / step) + 1);
  const bins: HistogramBin[] = Array.from({ length: count }, (_, i) => ({
    from: i === 0 ? start : clean(start + i * step),
    to: clean(start + (i + 1) * step),
    count: 0,
  }));
  const last = bins[count - 1] as HistogramBin;
  last.to = Math.max(last.to, max);
  for (const value of finite) {
    // The bin whose range holds the value; at a bound (after rounding) the higher bin, as `from` is inclusive.
    let index = Math.min(count - 1, Math.max(0, Math.floor((value - start) / step)));
    while (index > 0 && value < (bins[index] as HistogramBin).from) index -= 1;
    while (index < count - 1 && value >= (bins[index + 1] as HistogramBin).from) index += 1;
    (bins[index] as HistogramBin).count += 1;
  }
  return bins;
}
