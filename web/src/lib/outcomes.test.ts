// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import {
  caseMixText,
  cohortYears,
  countText,
  formatDays,
  formatInterval,
  formatMean,
  formatShare,
  groupName,
  hasProtectedCounts,
  intervalText,
  MEASURES,
  outcomeChartOption,
  PROCESS_COLUMNS,
  processCells,
  selectionText,
  shareText,
  summaryText,
  withOutcomeChoice,
} from './outcomes.ts';

describe('shares and intervals', () => {
  it('writes a share as a Dutch percentage with one decimal', () => {
    expect(formatShare(0.425)).toBe('42,5%');
    expect(formatShare(17 / 40)).toBe('42,5%');
    expect(formatShare(1)).toBe('100,0%');
    expect(formatShare(0)).toBe('0,0%');
    // 2/3 = 66.666…%
    expect(formatShare(2 / 3)).toBe('66,7%');
  });

  it('writes an interval with an en dash and one percent sign', () => {
    expect(formatInterval({ low: 0.381, high: 0.469 })).toBe('38,1–46,9%');
    expect(formatInterval({ low: 0, high: 0.0523 })).toBe('0,0–5,2%');
  });

  it('says "afgeschermd" for protected counts and shares, in words', () => {
    expect(countText(null)).toBe('afgeschermd');
    expect(countText(1234)).toBe('1.234');
    expect(shareText({ known: null, share: null })).toBe('afgeschermd');
    expect(intervalText({ known: null, share: null, interval: null })).toBe('afgeschermd');
    expect(caseMixText({ known: null, share: null })).toBe('afgeschermd');
  });

  it('tells "nothing known yet" apart from protected', () => {
    expect(shareText({ known: 0, share: null })).toBe('geen bekende uitkomst');
    expect(intervalText({ known: 0, share: null, interval: null })).toBe('geen bekende uitkomst');
    expect(caseMixText({ known: 0, share: null })).toBe('n = 0');
  });

  it('gives a case-mix cell its share and number known', () => {
    expect(caseMixText({ known: 20, share: 9 / 20 })).toBe('45,0% (n = 20)');
    expect(caseMixText({ known: 1500, share: 0.5 })).toBe('50,0% (n = 1.500)');
  });
});

describe('hasProtectedCounts', () => {
  const open = { known: 10, unknown: 2, censored: 0 };
  const mix = { acuut: open, structureel: open, geen: open, onbekend: open };
  it('finds a hidden count in a row or in one of its case-mix splits', () => {
    expect(hasProtectedCounts([{ tally: open, caseMix: mix }])).toBe(false);
    expect(hasProtectedCounts([{ tally: { ...open, unknown: null }, caseMix: mix }])).toBe(true);
    expect(
      hasProtectedCounts([{ tally: open, caseMix: { ...mix, geen: { ...open, censored: null } } }]),
    ).toBe(true);
  });
});

describe('group names', () => {
  const names = new Map([
    ['mda_plusplus', 'MDA++'],
    ['VT13', 'Amsterdam-Amstelland'],
  ]);
  it('uses the catalogue or geography name, and words for "none" and "unknown"', () => {
    expect(groupName('mda_plusplus', 'interventie', names)).toBe('MDA++');
    expect(groupName('geen', 'interventie', names)).toBe('Geen primaire interventie');
    expect(groupName('VT13', 'regio', names)).toBe('Amsterdam-Amstelland');
    expect(groupName('onbekend', 'regio', names)).toBe('Regio onbekend');
    expect(groupName('GM9999', 'gemeente', names)).toBe('GM9999');
  });
});

describe('choices', () => {
  it('offers this year and the five before, newest first, plus an older chosen year', () => {
    expect(cohortYears(2026)).toEqual([2026, 2025, 2024, 2023, 2022, 2021]);
    expect(cohortYears(2026, 2024)).toEqual([2026, 2025, 2024, 2023, 2022, 2021]);
    expect(cohortYears(2026, 2015)).toEqual([2026, 2025, 2024, 2023, 2022, 2021, 2015]);
  });

  it('changes one choice and keeps the others; null removes year or region', () => {
    const search = { maat: 'gestopt_12m', per: 'interventie', jaar: 2024, regio: 'VT09' } as const;
    expect(withOutcomeChoice(search, { per: 'regio' })).toEqual({ ...search, per: 'regio' });
    expect(withOutcomeChoice(search, { jaar: null })).toEqual({
      maat: 'gestopt_12m',
      per: 'interventie',
      regio: 'VT09',
    });
    expect(withOutcomeChoice(search, { regio: null, maat: 'veilig_3m' })).toEqual({
      maat: 'veilig_3m',
      per: 'interventie',
      jaar: 2024,
    });
  });

  it('describes the selection in words', () => {
    expect(selectionText({ maat: 'gestopt_12m', per: 'interventie' }, undefined)).toBe(
      'per primaire interventie, alle jaren, heel Nederland',
    );
    expect(selectionText({ maat: 'gestopt_12m', per: 'regio', jaar: 2024, regio: 'VT09' }, 'Utrecht')).toBe(
      'per regio, jaar 2024, Utrecht',
    );
  });

  it('marks recurrence as the one measure where lower is better', () => {
    const lower = Object.entries(MEASURES)
      .filter(([, measure]) => measure.lowerIsBetter)
      .map(([code]) => code);
    expect(lower).toEqual(['hermelding_12m']);
  });
});

describe('outcomeChartOption', () => {
  it('stacks an invisible bar to the lower bound under a bar as long as the interval, with the share as a dot', () => {
    const option = outcomeChartOption(
      [
        { name: 'A', share: 0.425, low: 0.381, high: 0.469 },
        { name: 'B', share: 0.5, low: 0.2, high: 0.8 },
      ],
      'Geweld gestopt na 12 maanden',
    );
    const series = option.series as Array<{ type: string; data: number[] }>;
    expect(series.map((entry) => entry.type)).toEqual(['bar', 'bar', 'scatter']);
    expect(series[0]?.data).toEqual([38.1, 20]);
    expect(series[1]?.data.map((value) => Math.round(value * 10) / 10)).toEqual([8.8, 60]);
    expect(series[2]?.data).toEqual([42.5, 50]);
    // Base plus interval reaches the upper bound.
    expect((series[0]?.data[0] ?? 0) + (series[1]?.data[0] ?? 0)).toBeCloseTo(46.9, 10);
  });
});

describe('lead times and handovers', () => {
  it('writes a median with at most one decimal, Dutch style', () => {
    expect(formatDays(12)).toBe('12');
    expect(formatDays(12.5)).toBe('12,5');
    expect(formatDays(0)).toBe('0');
    expect(formatDays(1234.5)).toBe('1.234,5');
    // Never a median of whole days, but the format must not show two decimals: 8.26 rounds to one.
    expect(formatDays(8.26)).toBe('8,3');
  });

  it('writes a mean with exactly two decimals', () => {
    // 13 handovers over 12 households = 1.0833…
    expect(formatMean(13 / 12)).toBe('1,08');
    expect(formatMean(1)).toBe('1,00');
    expect(formatMean(1.5)).toBe('1,50');
    // 7 over 4 = 1.75; 2 over 3 = 0.666…
    expect(formatMean(7 / 4)).toBe('1,75');
    expect(formatMean(2 / 3)).toBe('0,67');
  });

  it('hides a median or mean as "afgeschermd", unless there was nothing to summarise', () => {
    expect(summaryText(null, null, formatDays)).toBe('afgeschermd');
    // 3 cases with a plan, below the threshold: the median is hidden.
    expect(summaryText(null, 3, formatDays)).toBe('afgeschermd');
    expect(summaryText(null, 0, formatDays)).toBe('geen casussen');
    expect(summaryText(14.5, 40, formatDays)).toBe('14,5');
  });

  it('gives a row its seven cells in the order of the column headers', () => {
    expect(PROCESS_COLUMNS).toHaveLength(7);
    expect(
      processCells({
        handedOver: 1520,
        medianDaysToHandover: 21.5,
        withPlan: 1200,
        medianDaysHandoverToPlan: 9,
        households: 1400,
        handoversPerHousehold: 1610 / 1400,
        householdsHandedOverMoreThanOnce: 150,
      }),
    ).toEqual(['1.520', '21,5', '1.200', '9', '1.400', '1,15', '150']);
    expect(
      processCells({
        handedOver: 12,
        medianDaysToHandover: 18,
        withPlan: null,
        medianDaysHandoverToPlan: null,
        households: 0,
        handoversPerHousehold: null,
        householdsHandedOverMoreThanOnce: null,
      }),
    ).toEqual(['12', '18', 'afgeschermd', 'afgeschermd', '0', 'geen casussen', 'afgeschermd']);
  });
});
