// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import {
  homeSearchFor,
  parseHomeSearch,
  parseIndicatorPageSearch,
  withIndicator,
  withLevel,
  withMeasure,
  withPeriod,
} from './home-search.ts';

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

  it('reads a full shared link, leaving out what is the default anyway', () => {
    expect(
      parseHomeSearch({ indicator: 'vt_adviezen', periode: '2024HJ02', niveau: 'provincie', maat: 'aantal' }),
    ).toEqual({ indicator: 'vt_adviezen', periode: '2024HJ02', niveau: 'provincie', maat: 'aantal' });
    expect(
      parseHomeSearch({
        indicator: 'vt_meldingen',
        periode: '2024JJ00',
        niveau: 'gemeente',
        maat: 'per1000',
      }),
    ).toEqual({ periode: '2024JJ00', maat: 'per1000' });
  });

  it('drops malformed indicators, periods and measures', () => {
    expect(parseHomeSearch({ indicator: 'VT meldingen', periode: '2024', maat: 'per100' })).toEqual({});
    expect(parseHomeSearch({ indicator: ['vt_adviezen'], periode: '2024KW05', maat: 3 })).toEqual({});
    expect(parseHomeSearch({ periode: '2024MM13' })).toEqual({});
    expect(parseHomeSearch({ periode: '2024MM12' })).toEqual({ periode: '2024MM12' });
  });
});

describe('parseIndicatorPageSearch', () => {
  it('takes period, level and measure but not an indicator (the path names it)', () => {
    expect(
      parseIndicatorPageSearch({ indicator: 'vt_adviezen', periode: '2023JJ00', niveau: 'veiligthuisregio' }),
    ).toEqual({ periode: '2023JJ00', niveau: 'veiligthuisregio' });
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

describe('changing one choice', () => {
  const shared = { indicator: 'vt_adviezen', periode: '2024HJ01', maat: 'aantal' as const };

  it('keeps indicator, period and measure when the level changes', () => {
    expect(withLevel(shared, 'provincie')).toEqual({ ...shared, niveau: 'provincie' });
    expect(withLevel({ ...shared, niveau: 'provincie' as const }, 'gemeente')).toEqual(shared);
  });

  it('resets period and measure for another indicator, but keeps the level', () => {
    expect(withIndicator({ ...shared, niveau: 'provincie' }, 'politie_hg_incidenten')).toEqual({
      indicator: 'politie_hg_incidenten',
      niveau: 'provincie',
    });
    expect(withIndicator(shared, 'vt_meldingen')).toEqual({});
  });

  it('sets or clears the period and the measure', () => {
    expect(withPeriod(shared, '2023HJ02')).toEqual({ ...shared, periode: '2023HJ02' });
    expect(withPeriod(shared, undefined)).toEqual({ indicator: 'vt_adviezen', maat: 'aantal' });
    expect(withMeasure(shared, 'per1000')).toEqual({ ...shared, maat: 'per1000' });
    expect(withMeasure(shared, undefined)).toEqual({ indicator: 'vt_adviezen', periode: '2024HJ01' });
  });
});
