import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PERIOD_TYPES } from './figures.ts';
import {
  comparePeriods,
  containingPeriod,
  finerTypes,
  formatPeriodCode,
  PARTS_PER_YEAR,
  type Period,
  parsePeriodCode,
  parsePeriodLabel,
  partsOf,
  periodCodeLabel,
  periodEnd,
  periodStart,
  referenceDate,
} from './periods.ts';

const period = fc
  .record({ year: fc.integer({ min: 1900, max: 2999 }), type: fc.constantFrom(...PERIOD_TYPES) })
  .chain(({ year, type }) =>
    fc
      .integer({ min: type === 'JJ' ? 0 : 1, max: type === 'JJ' ? 0 : PARTS_PER_YEAR[type] })
      .map((index): Period => ({ year, type, index })),
  );

describe('CBS period codes', () => {
  it('parses the four period types', () => {
    expect(parsePeriodCode('2024JJ00')).toEqual({ year: 2024, type: 'JJ', index: 0 });
    expect(parsePeriodCode('2024HJ01')).toEqual({ year: 2024, type: 'HJ', index: 1 });
    expect(parsePeriodCode('2024KW03')).toEqual({ year: 2024, type: 'KW', index: 3 });
    expect(parsePeriodCode('2024MM11')).toEqual({ year: 2024, type: 'MM', index: 11 });
  });

  it.each([
    '2024JJ01',
    '2024HJ03',
    '2024KW00',
    '2024KW05',
    '2024MM13',
    '2024MM00',
    '24JJ00',
    '2024XX01',
    '',
    '2024',
  ])('refuses %s', (code) => expect(parsePeriodCode(code)).toBeUndefined());

  it('prints what it parses, for every valid period', () => {
    fc.assert(
      fc.property(period, (p) => {
        expect(parsePeriodCode(formatPeriodCode(p))).toEqual(p);
      }),
    );
  });

  it('labels periods in Dutch', () => {
    expect(periodCodeLabel('2024JJ00')).toBe('2024');
    expect(periodCodeLabel('2024HJ02')).toBe('2e halfjaar 2024');
    expect(periodCodeLabel('2024KW03')).toBe('3e kwartaal 2024');
    expect(periodCodeLabel('2024MM11')).toBe('november 2024');
  });

  it('reads StatLine labels, with * marking provisional figures', () => {
    expect(parsePeriodLabel('2023*')).toEqual({
      period: { year: 2023, type: 'JJ', index: 0 },
      provisional: true,
    });
    expect(parsePeriodLabel('2022**')?.provisional).toBe(true);
    expect(parsePeriodLabel('2023 1e halfjaar')?.period).toEqual({ year: 2023, type: 'HJ', index: 1 });
    expect(parsePeriodLabel('1e halfjaar 2023*')).toEqual({
      period: { year: 2023, type: 'HJ', index: 1 },
      provisional: true,
    });
    expect(parsePeriodLabel('2023 3e kwartaal')?.period).toEqual({ year: 2023, type: 'KW', index: 3 });
    expect(parsePeriodLabel('2023 November')?.period).toEqual({ year: 2023, type: 'MM', index: 11 });
    expect(parsePeriodLabel('maart 2023')?.period).toEqual({ year: 2023, type: 'MM', index: 3 });
    expect(parsePeriodLabel(' 2024kw02 ')?.period).toEqual({ year: 2024, type: 'KW', index: 2 });
    expect(parsePeriodLabel('2023 5e kwartaal')).toBeUndefined();
    expect(parsePeriodLabel('Q3 2023')).toBeUndefined();
  });

  it('reads back its own labels for every period', () => {
    fc.assert(
      fc.property(period, (p) => {
        expect(parsePeriodLabel(periodCodeLabel(formatPeriodCode(p)))?.period).toEqual(p);
      }),
    );
  });

  it('knows where periods start and end', () => {
    const p = (code: string) => parsePeriodCode(code) as Period;
    expect([periodStart(p('2024JJ00')), periodEnd(p('2024JJ00'))]).toEqual(['2024-01-01', '2025-01-01']);
    expect([periodStart(p('2024HJ02')), periodEnd(p('2024HJ02'))]).toEqual(['2024-07-01', '2025-01-01']);
    expect([periodStart(p('2024KW02')), periodEnd(p('2024KW02'))]).toEqual(['2024-04-01', '2024-07-01']);
    expect([periodStart(p('2024MM12')), periodEnd(p('2024MM12'))]).toEqual(['2024-12-01', '2025-01-01']);
    expect(referenceDate(p('2024KW03'))).toBe('2024-01-01');
  });

  it('splits a period into finer parts that tile it exactly', () => {
    fc.assert(
      fc.property(period, (p) => {
        for (const type of finerTypes(p.type)) {
          const parts = partsOf(p, type);
          expect(parts).toHaveLength(PARTS_PER_YEAR[type] / PARTS_PER_YEAR[p.type]);
          expect(periodStart(parts[0] as Period)).toBe(periodStart(p));
          expect(periodEnd(parts.at(-1) as Period)).toBe(periodEnd(p));
          for (let i = 1; i < parts.length; i++)
            expect(periodStart(parts[i] as Period)).toBe(periodEnd(parts[i - 1] as Period));
          for (const part of parts) expect(containingPeriod(part, p.type)).toEqual(p);
        }
      }),
    );
    expect(() => partsOf({ year: 2024, type: 'MM', index: 1 }, 'JJ')).toThrow();
  });

  it('orders by start, coarse before fine', () => {
    const codes = ['2024MM02', '2024KW01', '2023JJ00', '2024JJ00', '2024HJ01'];
    const sorted = codes
      .map((code) => parsePeriodCode(code) as Period)
      .sort(comparePeriods)
      .map(formatPeriodCode);
    expect(sorted).toEqual(['2023JJ00', '2024JJ00', '2024HJ01', '2024KW01', '2024MM02']);
  });
});
