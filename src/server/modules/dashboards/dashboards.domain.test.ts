import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derivableCells } from '../disclosure/disclosure.domain.ts';
import {
  cellId,
  compareWithReference,
  funnelCurve,
  funnelLimits,
  groupFigure,
  onCurrentDivision,
  poissonInterval,
  protectionRuleFor,
  protectTable,
  type RawCell,
  rankDescending,
  rateInterval,
  wilsonInterval,
} from './dashboards.domain.ts';

const RULE = { threshold: 5, roundTo: null, suppressZero: false };

/** A random two-region table: gemeenten with totals and three additive breakdown parts, and Nederland. */
const tableArbitrary = fc
  .record({
    regionA: fc.array(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 3, maxLength: 3 }), {
      minLength: 1,
      maxLength: 5,
    }),
    regionB: fc.array(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 3, maxLength: 3 }), {
      minLength: 1,
      maxLength: 5,
    }),
  })
  .map(({ regionA, regionB }) => {
    const parts = ['m=a', 'm=b', 'm=c'];
    const cells: RawCell[] = [];
    const members = new Map<string, string[]>();
    const value = new Map<string, number>();
    const add = (area: string, breakdown: string, amount: number) => {
      cells.push({ area, breakdown, value: amount, provisional: false });
      value.set(cellId(area, breakdown), amount);
    };
    for (const [region, gemeenten] of [
      ['VT01', regionA],
      ['VT02', regionB],
    ] as const) {
      const codes = gemeenten.map((_, index) => `${region}-GM${index}`);
      members.set(region, codes);
      gemeenten.forEach((split, index) => {
        const code = codes[index] as string;
        split.forEach((amount, part) => {
          add(code, parts[part] as string, amount);
        });
        add(
          code,
          '',
          split.reduce((a, b) => a + b, 0),
        );
      });
    }
    members.set('NL01', [...(members.get('VT01') ?? []), ...(members.get('VT02') ?? [])]);
    for (const parent of ['VT01', 'VT02', 'NL01'])
      for (const breakdown of ['', ...parts])
        add(
          parent,
          breakdown,
          (members.get(parent) ?? []).reduce(
            (sum, code) => sum + (value.get(cellId(code, breakdown)) ?? 0),
            0,
          ),
        );
    return { cells, members, parts, value };
  });

describe('protectTable', () => {
  it('hides every small count, and no hidden count follows from shown ones along any published sum', () => {
    fc.assert(
      fc.property(tableArbitrary, ({ cells, members, parts }) => {
        const result = protectTable(cells, { members, additiveBreakdowns: [parts] }, RULE);
        for (const cell of cells) {
          const shown = result.get(cellId(cell.area, cell.breakdown));
          if (cell.value !== null && cell.value > 0 && cell.value < 5)
            expect(shown?.status).toBe('afgeschermd');
        }
        // Rebuild every published sum and check by subtraction, in chains, that nothing hidden is derivable.
        const groups = [];
        for (const [parent, children] of members)
          for (const breakdown of ['', ...parts])
            groups.push({
              total: cellId(parent, breakdown),
              parts: children.map((child) => cellId(child, breakdown)),
            });
        for (const area of new Set(cells.map((cell) => cell.area)))
          groups.push({ total: cellId(area, ''), parts: parts.map((part) => cellId(area, part)) });
        const shownIds = new Set(
          [...result.values()].filter((cell) => cell.status === 'getoond').map((cell) => cell.id),
        );
        const { derived } = derivableCells(shownIds, groups);
        for (const id of derived) expect(result.get(id)?.status).not.toBe('afgeschermd');
      }),
      { numRuns: 300 },
    );
  });

  it('shows every figure as it is when a rule protects nothing (population)', () => {
    const cells: RawCell[] = [{ area: 'GM0001', breakdown: '', value: 2, provisional: true }];
    expect(
      protectTable(cells, { members: new Map(), additiveBreakdowns: [] }, null).get('GM0001|'),
    ).toMatchObject({
      value: 2,
      status: 'getoond',
      provisional: true,
    });
  });

  it('rounds shown counts when the rule says so', () => {
    const cells: RawCell[] = [{ area: 'GM0001', breakdown: '', value: 23, provisional: false }];
    const result = protectTable(
      cells,
      { members: new Map(), additiveBreakdowns: [] },
      { ...RULE, roundTo: 5 },
    );
    expect(result.get('GM0001|')?.value).toBe(25);
  });
});

describe('protectionRuleFor', () => {
  const base = {
    code: 'x',
    source: 'veilig-thuis',
    unit: 'aantal',
    aggregation: 'sum',
    formula: null,
  } as const;
  it('protects case counts by default and leaves population and averages alone', () => {
    expect(protectionRuleFor(base)?.threshold).toBe(5);
    expect(protectionRuleFor({ ...base, source: 'cbs' })).toBeNull();
    expect(protectionRuleFor({ ...base, unit: 'dagen', aggregation: 'none' })).toBeNull();
  });
  it('follows the catalogue when an indicator sets its own rule', () => {
    expect(protectionRuleFor({ ...base, disclosure: { threshold: 10, roundTo: 5 } })).toMatchObject({
      threshold: 10,
      roundTo: 5,
    });
    expect(protectionRuleFor({ ...base, disclosure: { threshold: 0, roundTo: null } })).toBeNull();
  });
});

describe('intervals and funnel limits', () => {
  it('gives the Wilson interval of hand-computed cases', () => {
    // 10 of 100: 0.0552 – 0.1744 (Wilson 1927, as in Newcombe 1998 table I)
    const interval = wilsonInterval(10, 100);
    expect(interval?.low).toBeCloseTo(0.0552, 3);
    expect(interval?.high).toBeCloseTo(0.1744, 3);
    expect(wilsonInterval(0, 10)?.low).toBe(0);
    expect(wilsonInterval(11, 10)).toBeNull();
  });

  it('approximates the exact Poisson interval within 1%', () => {
    // Exact (Garwood) 95% limits: k=10 → 4.795–18.390; k=100 → 81.36–121.63.
    const ten = poissonInterval(10);
    expect(ten.low / 4.795).toBeCloseTo(1, 1);
    expect(ten.high / 18.39).toBeCloseTo(1, 1);
    const hundred = poissonInterval(100);
    expect(hundred.low).toBeCloseTo(81.36, 0);
    expect(hundred.high).toBeCloseTo(121.63, 0);
  });

  it('always contains the observed rate, for rates and percentages', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        (count, extra) => {
          const base = count + extra;
          const rate = (count / base) * 1000;
          const perThousand = rateInterval('per1000', count, base);
          expect(perThousand?.low).toBeLessThanOrEqual(rate + 1e-9);
          expect(perThousand?.high).toBeGreaterThanOrEqual(rate - 1e-9);
          const share = (count / base) * 100;
          const percentage = rateInterval('percentage', count, base);
          expect(percentage?.low).toBeLessThanOrEqual(share + 1e-9);
          expect(percentage?.high).toBeGreaterThanOrEqual(share - 1e-9);
        },
      ),
    );
  });

  it('narrows the funnel as the base grows', () => {
    const curve = funnelCurve('per1000', 7, 1_000, 900_000);
    for (let index = 1; index < curve.length; index++) {
      const previous = curve[index - 1] as ReturnType<typeof funnelLimits>;
      const current = curve[index] as ReturnType<typeof funnelLimits>;
      expect(current.high95 - current.low95).toBeLessThanOrEqual(previous.high95 - previous.low95 + 1e-12);
      expect(current.high998).toBeGreaterThan(current.high95);
    }
    // 7 per 1,000 of 100,000 = 700 expected; 95% limits 700 ± 1.96·√700 → 6.48 – 7.52.
    const limits = funnelLimits('per1000', 7, 100_000);
    expect(limits.low95).toBeCloseTo(6.481, 2);
    expect(limits.high95).toBeCloseTo(7.519, 2);
  });

  it('calls an area higher or lower only outside the funnel, and small areas too few to compare', () => {
    expect(compareWithReference('per1000', 9, 100_000, 7)).toBe('hoger');
    expect(compareWithReference('per1000', 5, 100_000, 7)).toBe('lager');
    expect(compareWithReference('per1000', 7.3, 100_000, 7)).toBe('gemiddeld');
    // 1,000 inhabitants × 7 per 1,000 = 7 expected: below 10, too few.
    expect(compareWithReference('per1000', 20, 1_000, 7)).toBe('te weinig');
    expect(compareWithReference('per1000', null, 100_000, 7)).toBe('te weinig');
    expect(compareWithReference('percentage', 40, 1_000, 25)).toBe('hoger');
  });
});

describe('rankDescending', () => {
  it('ranks highest first and lets ties share a rank', () => {
    const ranks = rankDescending(
      new Map([
        ['a', 3],
        ['b', 5],
        ['c', 5],
        ['d', 1],
      ]),
    );
    expect(Object.fromEntries(ranks)).toEqual({ b: 1, c: 1, a: 3, d: 4 });
  });
});

describe('groupFigure', () => {
  it('adds up shown counts and bases only, so a hidden member cannot be recovered', () => {
    const members = [
      { count: 70, base: 10_000, value: 7 },
      { count: null, base: 500, value: null },
      { count: 30, base: 10_000, value: 3 },
    ];
    expect(groupFigure('per1000', members, 'per1000')).toEqual({ value: 5, used: 2 });
    expect(groupFigure('aantal', members, null)).toEqual({ value: 50, used: 2 });
    expect(
      groupFigure(
        'waarde',
        [
          { count: null, base: null, value: 4 },
          { count: null, base: null, value: 6 },
        ],
        null,
      ),
    ).toEqual({
      value: 5,
      used: 2,
    });
  });
  it('the group rate lies between its members’ rates', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            count: fc.integer({ min: 0, max: 1_000 }),
            base: fc.integer({ min: 1_000, max: 900_000 }),
          }),
          {
            minLength: 1,
            maxLength: 20,
          },
        ),
        (members) => {
          const rates = members.map((member) => (member.count / member.base) * 1000);
          const group = groupFigure(
            'per1000',
            members.map((member) => ({ ...member, value: null })),
            'per1000',
          );
          expect(group.value).toBeGreaterThanOrEqual(Math.min(...rates) - 1e-9);
          expect(group.value).toBeLessThanOrEqual(Math.max(...rates) + 1e-9);
        },
      ),
    );
  });
});

describe('onCurrentDivision', () => {
  it('adds the parts of today’s gemeente with their shares', () => {
    expect(
      onCurrentDivision([
        { share: 1, value: 1000, status: 'getoond' },
        { share: 1, value: 100, status: 'getoond' },
        { share: 0.25, value: 40, status: 'getoond' },
      ]),
    ).toEqual({ value: 1110, status: 'getoond' });
  });
  it('hides the sum when a part is hidden, and knows nothing when a part is unknown', () => {
    expect(
      onCurrentDivision([
        { share: 1, value: 1000, status: 'getoond' },
        { share: 1, value: null, status: 'afgeschermd' },
      ]).status,
    ).toBe('afgeschermd');
    expect(
      onCurrentDivision([
        { share: 1, value: 1000, status: 'getoond' },
        { share: 1, value: null, status: 'geen gegevens' },
      ]),
    ).toEqual({ value: null, status: 'geen gegevens' });
  });
  it('distributes a split so that the successors add up to the whole', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 5 }),
        (value, weights) => {
          const total = weights.reduce((a, b) => a + b, 0);
          const shares = weights.map((weight) => weight / total);
          const sum = shares
            .map((share) => onCurrentDivision([{ share, value, status: 'getoond' }]).value as number)
            .reduce((a, b) => a + b, 0);
          expect(sum).toBeCloseTo(value, 3);
        },
      ),
    );
  });
});
