// SPDX-License-Identifier: EUPL-1.2
/**
 * Quantile classification for a choropleth: split the values into classes of (about) equal size.
 * Pure functions, no d3-scale needed.
 */

export const DEFAULT_CLASS_COUNT = 5;

export interface ValueClass {
  /** 0 for the lowest class. */
  index: number;
  /** Smallest value that falls in this class. */
  min: number;
  /** Largest value that falls in this class. */
  max: number;
  /** How many values fall in this class. */
  count: number;
}

export interface Classification {
  /**
   * Ascending lower bounds of classes 1…n-1: a value v belongs to the class whose index is the number of
   * thresholds ≤ v (like d3's scaleQuantile).
   */
  thresholds: number[];
  /** The non-empty classes, lowest first. */
  classes: ValueClass[];
}

/** The p-quantile (0 ≤ p ≤ 1) of ascending sorted values, interpolated linearly (R-7, as d3 and Excel). */
export function quantileSorted(sorted: readonly number[], p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('quantile of no values');
  if (p <= 0 || n === 1) return sorted[0] as number;
  if (p >= 1) return sorted[n - 1] as number;
  const h = (n - 1) * p;
  const lower = Math.floor(h);
  const below = sorted[lower] as number;
  const above = sorted[lower + 1] as number;
  return below + (h - lower) * (above - below);
}

/** Index of the class for a value: the number of thresholds ≤ value. */
export function classIndex(value: number, thresholds: readonly number[]): number {
  let low = 0;
  let high = thresholds.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((thresholds[middle] as number) <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Classify values into at most `classCount` quantile classes. Missing values (null, NaN) are ignored.
 * When values repeat so much that two quantiles coincide, the classes merge, so no class is ever empty.
 */
export function quantileClasses(
  values: readonly (number | null)[],
  classCount: number = DEFAULT_CLASS_COUNT,
): Classification {
  if (!Number.isInteger(classCount) || classCount < 1) {
    throw new RangeError(`classCount must be a positive integer, got ${classCount}`);
  }
  const sorted = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return { thresholds: [], classes: [] };

  const candidates: number[] = [];
  for (let i = 1; i < classCount; i++) candidates.push(quantileSorted(sorted, i / classCount));
  // A threshold equal to the minimum would leave the lowest class empty; equal neighbours would leave one
  // between them empty.
  const first = sorted[0] as number;
  const thresholds = candidates.filter((t, i) => t > first && t !== candidates[i - 1]);

  const classes: ValueClass[] = [];
  for (const value of sorted) {
    const index = classIndex(value, thresholds);
    const last = classes[classes.length - 1];
    if (last && last.index === index) {
      last.max = value;
      last.count += 1;
    } else {
      classes.push({ index, min: value, max: value, count: 1 });
    }
  }
  // A threshold that no value reaches exactly can still leave a class empty (e.g. values 1, 1, 1, 10):
  // renumber the classes and rebuild the thresholds from the classes that exist.
  const compact = classes.map((c, index) => ({ ...c, index }));
  return { thresholds: compact.slice(1).map((c) => c.min), classes: compact };
}
