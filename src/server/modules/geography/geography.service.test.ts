import { describe, expect, it } from 'vitest';
import { dutchDateToday } from './geography.service.ts';

describe('dutchDateToday', () => {
  it('is the date in the Netherlands, where mergers take effect at local midnight', () => {
    // 23:30 UTC on 31 December is already New Year in Amsterdam (UTC+1 in winter).
    expect(dutchDateToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    // 22:30 UTC on 30 June is half past midnight in summer time (UTC+2).
    expect(dutchDateToday(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(dutchDateToday(new Date('2026-11-29T12:00:00Z'))).toBe('2026-11-29');
  });
});
