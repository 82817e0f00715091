// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { classColors, contrastRatio, NO_DATA_COLOR, relativeLuminance } from './palette.ts';

/** The map draws area borders and the focus/hover outline in these colours (see styles.css). */
const BORDER = '#1a1a1a';
const OUTLINE_OUTER = '#000000';
const OUTLINE_INNER = '#ffffff';

describe('classColors', () => {
  it('gives as many colours as classes, lightest first', () => {
    for (let count = 1; count <= 9; count++) {
      const colors = classColors(count);
      expect(colors).toHaveLength(count);
      const luminances = colors.map(relativeLuminance);
      for (let i = 1; i < luminances.length; i++) {
        expect(luminances[i]).toBeLessThan(luminances[i - 1] as number);
      }
    }
    expect(classColors(0)).toEqual([]);
    expect(() => classColors(10)).toThrow(RangeError);
  });

  it('keeps area borders visible (3:1) on all but the darkest fills, where the white outline takes over', () => {
    const colors = classColors(5);
    for (const color of colors.slice(0, 3)) expect(contrastRatio(BORDER, color)).toBeGreaterThanOrEqual(3);
    for (const color of [...colors, NO_DATA_COLOR]) {
      const best = Math.max(contrastRatio(OUTLINE_OUTER, color), contrastRatio(OUTLINE_INNER, color));
      expect(best).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('contrastRatio', () => {
  it('matches the WCAG reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('rejects other colour notations', () => {
    expect(() => relativeLuminance('blue')).toThrow();
  });
});
