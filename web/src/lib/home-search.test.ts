// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { homeSearchFor, parseHomeSearch } from './home-search.ts';

describe('parseHomeSearch', () => {
  it('accepts the two other map levels', () => {
    expect(parseHomeSearch({ niveau: 'veiligthuisregio' })).toEqual({ niveau: 'veiligthuisregio' });
    expect(parseHomeSearch({ niveau: 'provincie' })).toEqual({ niveau: 'provincie' });
  });

  it('falls back to gemeenten for the default, unknown levels and levels without a map', () => {
    expect(parseHomeSearch({})).toEqual({});
    expect(parseHomeSearch({ niveau: 'gemeente' })).toEqual({});
    expect(parseHomeSearch({ niveau: 'land' })).toEqual({});
    expect(parseHomeSearch({ niveau: 'wijk' })).toEqual({});
    expect(parseHomeSearch({ niveau: 42 })).toEqual({});
  });
});

describe('homeSearchFor', () => {
  it('round-trips through parseHomeSearch', () => {
    for (const level of ['gemeente', 'veiligthuisregio', 'provincie'] as const) {
      const parsed = parseHomeSearch({ ...homeSearchFor(level) });
      expect(parsed.niveau ?? 'gemeente').toBe(level);
    }
  });
});
