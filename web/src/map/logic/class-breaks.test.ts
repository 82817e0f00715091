// SPDX-License-Identifier: EUPL-1.2
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classIndex, quantileClasses, quantileSorted } from './class-breaks.ts';

describe('quantileSorted', () => {
  it('interpolates like d3.quantileSorted (R-7)', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4, 5], 0.2)).toBe(1.8);
    expect(quantileSorted([7], 0.4)).toBe(7);
    expect(quantileSorted([1, 9], 0)).toBe(1);
    expect(quantileSorted([1, 9], 1)).toBe(9);
  });

  it('refuses an empty list', () => {
    expect(() => quantileSorted([], 0.5)).toThrow(RangeError);
  });
});

describe('classIndex', () => {
  it('counts the thresholds at or below the value', () => {
    const thresholds = [10, 20, 30];
    expect(classIndex(5, thresholds)).toBe(0);
    expect(classIndex(10, thresholds)).toBe(1);
    expect(classIndex(25, thresholds)).toBe(2);
    expect(classIndex(30, thresholds)).toBe(3);
    expect(classIndex(99, thresholds)).toBe(3);
    expect(classIndex(99, [])).toBe(0);
  });
});

describe('quantileClasses', () => {
  it('splits ten values into five classes of two', () => {
    const { classes, thresholds } = quantileClasses([10, 1, 9, 2, 8, 3, 7, 4, 6, 5]);
    expect(classes).toEqual([
      { index: 0, min: 1, max: 2, count: 2 },
      { index: 1, min: 3, max: 4, count: 2 },
      { index: 2, min: 5, max: 6, count: 2 },
      { index: 3, min: 7, max: 8, count: 2 },
      { index: 4, min: 9, max: 10, count: 2 },
    ]);
    expect(thresholds).toEqual([3, 5, 7, 9]);
  });

  it('ignores missing values', () => {
    const { classes } = quantileClasses([null, 4, Number.NaN, 2], 2);
    expect(classes.map((c) => c.count)).toEqual([1, 1]);
  });

  it('returns no classes for no values', () => {
    expect(quantileClasses([null])).toEqual({ thresholds: [], classes: [] });
  });

  it('merges classes when values repeat, leaving none empty', () => {
    expect(quantileClasses([5, 5, 5, 5]).classes).toEqual([{ index: 0, min: 5, max: 5, count: 4 }]);
    const { classes } = quantileClasses([1, 1, 1, 1, 1, 1, 1, 1, 2, 100]);
    expect(classes.every((c) => c.count > 0)).toBe(true);
    expect(classes[0]).toMatchObject({ min: 1, max: 1, count: 8 });
  });

  it('rejects a class count that is not a positive integer', () => {
    expect(() => quantileClasses([1], 0)).toThrow(RangeError);
    expect(() => quantileClasses([1], 2.5)).toThrow(RangeError);
  });

  it('puts every value in exactly the class whose range holds it (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2_000_000 }), { minLength: 1, maxLength: 400 }),
        fc.integer({ min: 1, max: 9 }),
        (values, classCount) => {
          const { classes, thresholds } = quantileClasses(values, classCount);
          expect(classes.length).toBeGreaterThan(0);
          expect(classes.length).toBeLessThanOrEqual(classCount);
          expect(thresholds).toHaveLength(classes.length - 1);
          expect(classes.reduce((sum, c) => sum + c.count, 0)).toBe(values.length);
          for (let i = 1; i < classes.length; i++) {
            const previous = classes[i - 1];
            const current = classes[i];
            expect(previous && current && previous.max < current.min).toBe(true);
          }
          for (const value of values) {
            const found = classes[classIndex(value, thresholds)];
            expect(found && found.min <= value && value <= found.max).toBe(true);
          }
        },
      ),
    );
  });

  it('gives 342 gemeenten-like values five classes of about equal size', () => {
    const values = Array.from({ length: 342 }, (_, i) => 1000 + i * i * 7);
    const { classes } = quantileClasses(values, 5);
    expect(classes).toHaveLength(5);
    for (const c of classes) expect(Math.abs(c.count - 342 / 5)).toBeLessThanOrEqual(1);
  });
});
