import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Period, parsePeriodCode } from '../../../shared/periods.ts';
import { type Catalogue, findCatalogueProblems, type Indicator } from './figures.catalogue.ts';
import {
  type AreaFacts,
  breakdownKey,
  type Cell,
  deriveValue,
  distribute,
  editDistance,
  excessOverTotal,
  parseBreakdownKey,
  parseDecimal,
  type RawObservation,
  reconcile,
  rollUpPeriods,
  sumParts,
  type ValidationContext,
  validateObservation,
} from './figures.domain.ts';

const period = (code: string) => parsePeriodCode(code) as Period;

describe('reading numbers', () => {
  it('reads Dutch numbers in ;-separated files: a dot groups thousands, a comma is the decimal sign', () => {
    expect(parseDecimal('1234', 'comma')).toBe(1234);
    expect(parseDecimal('1.234', 'comma')).toBe(1234);
    expect(parseDecimal('1.234.567', 'comma')).toBe(1_234_567);
    expect(parseDecimal('1.234,5', 'comma')).toBe(1234.5);
    expect(parseDecimal('12,5', 'comma')).toBe(12.5);
    expect(parseDecimal('-3', 'comma')).toBe(-3);
  });

  it('never guesses: ambiguous or malformed numbers are refused', () => {
    for (const text of ['12.5', '1.23', '1,234.5', '12,3,4', '1 234', 'twaalf', '', ' ', '1e3', 'NaN', '∞'])
      expect(parseDecimal(text, 'comma'), text).toBeUndefined();
    for (const text of ['1.234,5', '1,5', '1 234', '12,3,4'])
      expect(parseDecimal(text, 'dot'), text).toBeUndefined();
    expect(parseDecimal('1234.5', 'dot')).toBe(1234.5);
    expect(parseDecimal('  139850', 'plain')).toBe(139850);
    expect(parseDecimal('12,5', 'plain')).toBe(12.5);
    expect(parseDecimal('1.234,5', 'plain')).toBeUndefined();
  });

  it('reads back every number written the Dutch way', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const grouped = whole.toLocaleString('nl-NL');
        expect(parseDecimal(grouped, 'comma')).toBe(whole);
        expect(parseDecimal(`${grouped},${String(cents).padStart(2, '0')}`, 'comma')).toBeCloseTo(
          whole + cents / 100,
          6,
        );
      }),
    );
  });
});

describe('breakdown keys', () => {
  it('is canonical: dimension order does not matter, empty values are totals', () => {
    expect(breakdownKey({})).toBe('');
    expect(breakdownKey({ melder: 'onderwijs', aard_geweld: 'kindermishandeling' })).toBe(
      'aard_geweld=kindermishandeling|melder=onderwijs',
    );
    expect(breakdownKey({ aard_geweld: '' })).toBe('');
    expect(parseBreakdownKey('aard_geweld=kindermishandeling|melder=onderwijs')).toEqual({
      aard_geweld: 'kindermishandeling',
      melder: 'onderwijs',
    });
    expect(parseBreakdownKey('')).toEqual({});
  });
});

// ---------------------------------------------------------------------------------------------------------

const indicator = (overrides: Partial<Indicator> & Pick<Indicator, 'code'>): Indicator => ({
  name: overrides.code,
  definition: 'test',
  source: 'veilig-thuis',
  unit: 'aantal',
  periodTypes: ['JJ', 'HJ', 'KW', 'MM'],
  aggregation: 'sum',
  higherIsBetter: null,
  breakdowns: [],
  formula: null,
  ...overrides,
});

const INDICATORS = [
  indicator({ code: 'vt_meldingen', breakdowns: ['aard_geweld'] }),
  indicator({ code: 'inwoners', periodTypes: ['JJ'] }),
  indicator({ code: 'pct_binnen_5', unit: 'percentage', aggregation: 'none' }),
  indicator({ code: 'wachttijd', unit: 'dagen', aggregation: 'none' }),
  indicator({
    code: 'meldingen_per_1000',
    aggregation: 'none',
    formula: { kind: 'per-1000', numerator: 'vt_meldingen', denominator: 'inwoners' },
  }),
];

const AREAS: AreaFacts[] = [
  { code: 'GM0363', name: 'Amsterdam', level: 'gemeente', validFrom: '2018-01-01', validTo: null },
  { code: 'GM0457', name: 'Weesp', level: 'gemeente', validFrom: '2018-01-01', validTo: '2022-03-24' },
  { code: 'GM1980', name: 'Dijk en Waard', level: 'gemeente', validFrom: '2022-01-01', validTo: null },
  { code: 'GM0344', name: 'Utrecht', level: 'gemeente', validFrom: '2018-01-01', validTo: null },
];

const context = (overrides: Partial<ValidationContext> = {}): ValidationContext => ({
  indicators: new Map(INDICATORS.map((item) => [item.code, item])),
  dimensions: new Map([['aard_geweld', new Set(['kindermishandeling', 'partnergeweld'])]]),
  areas: new Map(AREAS.map((area) => [area.code, area])),
  successorsOf: (code) => (code === 'GM0457' ? ['GM0363 Amsterdam'] : []),
  decimalStyle: 'comma',
  mayDeliver: () => true,
  divisionKnownFrom: '2018-01-01',
  deliveryScopeText: 'alle gebieden',
  ...overrides,
});

const cell = (column: string, text: string): Cell => ({ column, text });
const raw = (
  fields: Partial<Record<'indicator' | 'area' | 'period' | 'value' | 'status', string>> & {
    breakdown?: Record<string, string>;
  },
): RawObservation => ({
  row: 7,
  indicator: cell('indicator', fields.indicator ?? 'vt_meldingen'),
  area: cell('gebied', fields.area ?? 'GM0363'),
  period: cell('periode', fields.period ?? '2024JJ00'),
  value: cell('waarde', fields.value ?? '1.234'),
  status: fields.status === undefined ? null : cell('status', fields.status),
  breakdown: Object.entries(fields.breakdown ?? {}).map(([dimension, text]) => ({
    dimension,
    cell: cell(dimension, text),
  })),
});

function problemsOf(fields: Parameters<typeof raw>[0], ctx = context()) {
  const result = validateObservation(raw(fields), ctx);
  return result.problems.map((problem) => `${problem.column}: ${problem.message}`);
}

describe('validating a row', () => {
  it('accepts a valid row and normalises it', () => {
    const result = validateObservation(
      raw({
        area: ' gm0363 ',
        period: '2024 1e halfjaar',
        value: '1.234',
        breakdown: { aard_geweld: 'kindermishandeling' },
      }),
      context(),
    );
    expect(result.observation).toEqual({
      row: 7,
      indicator: 'vt_meldingen',
      area: 'GM0363',
      period: '2024HJ01',
      breakdown: 'aard_geweld=kindermishandeling',
      value: 1234,
      status: 'definitief',
    });
  });

  it('takes the status from the column, or voorlopig from a * period', () => {
    expect(validateObservation(raw({ status: 'voorlopig' }), context()).observation?.status).toBe(
      'voorlopig',
    );
    expect(validateObservation(raw({ period: '2024*' }), context()).observation?.status).toBe('voorlopig');
    expect(problemsOf({ status: 'concept' })).toEqual([
      'status: Onbekende status. Gebruik voorlopig of definitief (of laat leeg voor definitief).',
    ]);
  });

  it('names an unknown indicator and suggests the closest code', () => {
    expect(problemsOf({ indicator: 'vt_meldngen' })[0]).toContain('Bedoelt u "vt_meldingen"?');
    expect(problemsOf({ indicator: '' })[0]).toContain('Indicator ontbreekt');
  });

  it('refuses a derived indicator and says which parts to deliver', () => {
    expect(problemsOf({ indicator: 'meldingen_per_1000' })[0]).toContain('vt_meldingen en inwoners');
  });

  it('refuses a period type the indicator does not have', () => {
    expect(problemsOf({ indicator: 'inwoners', period: '2024KW01' })).toEqual([
      'periode: Indicator "inwoners" kent geen cijfers per kwartaal. Toegestaan: jaar.',
    ]);
    expect(problemsOf({ period: '2024Q1' })[0]).toContain('Onbekende periode');
  });

  it('refuses unknown and expired areas, and suggests the successor of a merged gemeente', () => {
    expect(problemsOf({ area: 'GM9999' })[0]).toContain('Onbekende gebiedscode "GM9999"');
    expect(problemsOf({ area: 'Amsterdam' })[0]).toContain('Geen geldige gebiedscode');
    expect(problemsOf({ area: 'GM0457', period: '2023JJ00' })).toEqual([
      'gebied: Weesp (GM0457) bestaat sinds 2022-03-24 niet meer en heeft geen cijfers over 2023. Gebruik de opvolger: GM0363 Amsterdam.',
    ]);
    expect(problemsOf({ area: 'GM0457', period: '2022JJ00' })).toEqual([]);
    expect(problemsOf({ area: 'GM1980', period: '2021JJ00' })[0]).toContain('bestaat pas sinds 2022-01-01');
    expect(problemsOf({ area: 'GM0363', period: '2017JJ00' })[0]).toContain(
      'kent de gemeentelijke indeling vanaf 2018-01-01',
    );
  });

  it('refuses areas outside a supplier’s organisation', () => {
    const scoped = context({ mayDeliver: (code) => code === 'GM0344', deliveryScopeText: 'GM0344' });
    expect(problemsOf({ area: 'GM0363' }, scoped)[0]).toContain(
      'U mag geen cijfers aanleveren voor Amsterdam',
    );
    expect(problemsOf({ area: 'GM0344' }, scoped)).toEqual([]);
  });

  it('checks values by unit', () => {
    expect(problemsOf({ value: '-3' })[0]).toContain('niet negatief');
    expect(problemsOf({ value: '12,5' })[0]).toContain('heel getal');
    expect(problemsOf({ value: '12,3,4' })[0]).toContain('Geen getal');
    expect(problemsOf({ value: '' })[0]).toContain('Waarde ontbreekt');
    expect(problemsOf({ indicator: 'pct_binnen_5', value: '100,5' })[0]).toContain('tussen 0 en 100');
    expect(problemsOf({ indicator: 'pct_binnen_5', value: '87,5' })).toEqual([]);
    expect(problemsOf({ indicator: 'wachttijd', value: '-1' })[0]).toContain('dagen');
  });

  it('refuses unknown breakdown values and breakdowns the indicator lacks', () => {
    expect(problemsOf({ breakdown: { aard_geweld: 'kindermishandelin' } })[0]).toContain(
      'Bedoelt u "kindermishandeling"?',
    );
    expect(problemsOf({ indicator: 'inwoners', breakdown: { aard_geweld: 'partnergeweld' } })[0]).toContain(
      'heeft geen uitsplitsing naar aard_geweld',
    );
  });

  it('reports every problem of a row, not only the first', () => {
    expect(problemsOf({ indicator: 'onbekend', area: 'GM9999', period: 'ooit', value: 'x' })).toHaveLength(4);
  });

  it('uses the typed number of a spreadsheet cell', () => {
    const row = raw({ value: 'ignored' });
    row.value.number = 42;
    expect(validateObservation(row, context()).observation?.value).toBe(42);
  });

  it('edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('rolling up over periods', () => {
  const values = (entries: Record<string, number>) => new Map(Object.entries(entries));

  it('prefers the delivered figure', () => {
    expect(
      rollUpPeriods(period('2024JJ00'), values({ '2024JJ00': 10, '2024HJ01': 3, '2024HJ02': 4 })),
    ).toEqual({
      value: 10,
      origin: 'geleverd',
      missing: [],
    });
  });

  it('sums complete finer periods', () => {
    expect(rollUpPeriods(period('2024JJ00'), values({ '2024HJ01': 3, '2024HJ02': 4 })).value).toBe(7);
    const months = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [`2024MM${String(i + 1).padStart(2, '0')}`, 1]),
    );
    expect(rollUpPeriods(period('2024JJ00'), values(months))).toEqual({
      value: 12,
      origin: 'opgeteld',
      missing: [],
    });
    expect(rollUpPeriods(period('2024KW02'), values(months)).value).toBe(3);
  });

  it('never treats a missing month as zero', () => {
    const months = Object.fromEntries(
      Array.from({ length: 11 }, (_, i) => [`2024MM${String(i + 1).padStart(2, '0')}`, 5]),
    );
    expect(rollUpPeriods(period('2024JJ00'), values(months))).toEqual({
      value: null,
      origin: null,
      missing: ['2024MM12'],
    });
    expect(rollUpPeriods(period('2024JJ00'), values({}))).toEqual({ value: null, origin: null, missing: [] });
  });

  it('any complete set of quarters gives the same year total as its months (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 12, maxLength: 12 }),
        (monthly) => {
          const months = new Map(
            monthly.map((value, i) => [`2024MM${String(i + 1).padStart(2, '0')}`, value]),
          );
          const quarters = new Map(
            [1, 2, 3, 4].map((q) => [
              `2024KW0${q}`,
              monthly.slice((q - 1) * 3, q * 3).reduce((a, b) => a + b, 0),
            ]),
          );
          expect(rollUpPeriods(period('2024JJ00'), months).value).toBe(
            rollUpPeriods(period('2024JJ00'), quarters).value,
          );
        },
      ),
    );
  });
});

describe('summing areas and reconciling', () => {
  it('sums gemeenten into their region, unknown when one is missing', () => {
    expect(
      sumParts([
        { code: 'A', value: 2 },
        { code: 'B', value: 3 },
      ]),
    ).toEqual({ value: 5, origin: 'opgeteld', missing: [] });
    expect(
      sumParts([
        { code: 'A', value: 2 },
        { code: 'B', value: null },
      ]),
    ).toEqual({ value: null, origin: null, missing: ['B'] });
    expect(sumParts([])).toEqual({ value: null, origin: null, missing: [] });
  });

  it('keeps a delivered figure and flags a difference from the sum instead of overwriting', () => {
    expect(reconcile(10, { value: 12, origin: 'opgeteld', missing: [] })).toEqual({
      value: 10,
      origin: 'geleverd',
      computedValue: 12,
      differs: true,
      missing: [],
    });
    expect(reconcile(12, { value: 12, origin: 'opgeteld', missing: [] }).differs).toBe(false);
    expect(reconcile(null, { value: 12, origin: 'opgeteld', missing: [] })).toMatchObject({
      value: 12,
      origin: 'opgeteld',
    });
  });

  it('a region equals the sum of its gemeenten (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 60 }),
        (values) => {
          const parts = values.map((value, index) => ({ code: `GM${index}`, value }));
          expect(sumParts(parts).value).toBe(values.reduce((a, b) => a + b, 0));
        },
      ),
    );
  });
});

describe('derived indicators and breakdown checks', () => {
  const perThousand = { kind: 'per-1000', numerator: 'a', denominator: 'b' } as const;
  it('computes per 1,000 and percentages; unknown when a part is unknown or the denominator is 0', () => {
    expect(deriveValue(perThousand, 71, 10_000)).toBeCloseTo(7.1);
    expect(deriveValue({ ...perThousand, kind: 'percentage' }, 25, 200)).toBe(12.5);
    expect(deriveValue(perThousand, null, 10)).toBeNull();
    expect(deriveValue(perThousand, 5, 0)).toBeNull();
  });

  it('warns when breakdown parts exceed their total', () => {
    expect(excessOverTotal(10, [4, 5])).toBeNull();
    expect(excessOverTotal(10, [6, 5])).toBe(1);
  });
});

describe('distributing a total over parts', () => {
  it('gives whole parts that add up to exactly the total (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 20 }),
        (total, weights) => {
          const parts = distribute(total, weights);
          expect(parts).toHaveLength(weights.length);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          for (const part of parts) expect(Number.isInteger(part) && part >= 0).toBe(true);
        },
      ),
    );
    expect(distribute(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(distribute(7, [0, 0])).toEqual([7, 0]);
  });
});

describe('catalogue consistency', () => {
  const base: Catalogue = {
    dimensions: [
      {
        code: 'aard_geweld',
        name: 'Aard',
        description: '',
        values: [
          { code: 'a', name: 'A' },
          { code: 'b', name: 'B' },
        ],
      },
    ],
    indicators: INDICATORS,
  };

  it('accepts a consistent catalogue', () => {
    expect(findCatalogueProblems(base)).toEqual([]);
  });

  it('finds duplicate codes, unknown breakdowns, summed percentages and broken formulas', () => {
    const broken: Catalogue = {
      ...base,
      indicators: [
        ...INDICATORS,
        indicator({ code: 'vt_meldingen' }),
        indicator({ code: 'x', breakdowns: ['leeftijd'] }),
        indicator({ code: 'y', unit: 'percentage' }),
        indicator({
          code: 'z',
          aggregation: 'none',
          formula: { kind: 'per-1000', numerator: 'pct_binnen_5', denominator: 'nope' },
        }),
      ],
    };
    const messages = findCatalogueProblems(broken).map((problem) => `${problem.code}: ${problem.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'vt_meldingen: code komt twee keer voor',
        'x: onbekende indeling "leeftijd"',
        'y: een percentage is niet optelbaar: gebruik aggregation "none"',
        'z: formule verwijst naar niet-optelbare indicator "pct_binnen_5"',
        'z: formule verwijst naar onbekende indicator "nope"',
      ]),
    );
  });
});
