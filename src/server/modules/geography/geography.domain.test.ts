import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildReferenceDivision,
  findMembershipProblems,
  isIsoDate,
  isValidOn,
  normalizeForSearch,
  type ReferenceGemeente,
  type ReferenceMerger,
  searchTextFor,
  successorsOn,
  sumPopulation,
  validateMergerRows,
} from './geography.domain.ts';

describe('normalizeForSearch', () => {
  it('drops diacritics and case so "sudwest" matches Súdwest-Fryslân', () => {
    expect(normalizeForSearch('Súdwest-Fryslân')).toBe('sudwest-fryslan');
    expect(normalizeForSearch('Súdwest-Fryslân')).toContain(normalizeForSearch('SUDWEST'));
    expect(normalizeForSearch("  's-Gravenhage \t ")).toBe("'s-gravenhage");
    expect(normalizeForSearch('Noardeast-Fryslân')).toBe('noardeast-fryslan');
  });

  it('lets people find gemeenten by the names they use', () => {
    expect(searchTextFor('GM0518', "'s-Gravenhage").split('\n')).toEqual(["'s-gravenhage", 'den haag']);
    expect(searchTextFor('GM0363', 'Amsterdam')).toBe('amsterdam');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(
        fc.string(),
        (text) => normalizeForSearch(normalizeForSearch(text)) === normalizeForSearch(text),
      ),
    );
  });
});

describe('isValidOn', () => {
  const period = { validFrom: '2022-01-01', validTo: '2023-01-01' };
  it('includes the first day and excludes validTo', () => {
    expect(isValidOn(period, '2021-12-31')).toBe(false);
    expect(isValidOn(period, '2022-01-01')).toBe(true);
    expect(isValidOn(period, '2022-12-31')).toBe(true);
    expect(isValidOn(period, '2023-01-01')).toBe(false);
    expect(isValidOn({ validFrom: '2022-01-01', validTo: null }, '2099-01-01')).toBe(true);
  });
});

describe('isIsoDate', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-1-01')).toBe(false);
    expect(isIsoDate('01-01-2023')).toBe(false);
  });
});

describe('sumPopulation', () => {
  it('keeps unknown apart from zero', () => {
    expect(sumPopulation([])).toBeNull();
    expect(sumPopulation([null, null])).toBeNull();
    expect(sumPopulation([null, 5, 0])).toBe(5);
  });
  it('equals the arithmetic sum of the known parts', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.nat({ max: 1_000_000 }))), (values) => {
        const known = values.filter((value): value is number => value !== null);
        const expected = known.length === 0 ? null : known.reduce((a, b) => a + b, 0);
        return sumPopulation(values) === expected;
      }),
    );
  });
});

const merger = (
  oldCode: string,
  newCode: string,
  effectiveDate: string,
  populationShare: number | null = 1,
): ReferenceMerger => ({
  oldCode,
  oldName: oldCode,
  newCode,
  newName: newCode,
  effectiveDate,
  populationShare,
  isNewCodeCreated: false,
  source: 'test',
});

describe('successorsOn', () => {
  const mergers = [
    merger('GM0501', 'GM1992', '2023-01-01'),
    merger('GM0788', 'GM0757', '2021-01-01', 0.25),
    merger('GM0788', 'GM0824', '2021-01-01', 0.75),
    merger('GM0001', 'GM0002', '2019-01-01'),
    merger('GM0002', 'GM0003', '2022-01-01'),
    merger('GM0053', 'GM1966', '2019-01-01', null),
    merger('GM0053', 'GM1969', '2019-01-01', null),
  ];

  it('maps a merged gemeente onto its successor from the merger date on', () => {
    expect(successorsOn('GM0501', '2022-12-31', mergers).successors).toEqual([{ code: 'GM0501', share: 1 }]);
    expect(successorsOn('GM0501', '2023-01-01', mergers).successors).toEqual([{ code: 'GM1992', share: 1 }]);
  });

  it('splits by population share', () => {
    expect(successorsOn('GM0788', '2025-01-01', mergers)).toEqual({
      successors: [
        { code: 'GM0757', share: 0.25 },
        { code: 'GM0824', share: 0.75 },
      ],
      isShareEstimated: false,
    });
  });

  it('follows chains of mergers', () => {
    expect(successorsOn('GM0001', '2021-06-01', mergers).successors).toEqual([{ code: 'GM0002', share: 1 }]);
    expect(successorsOn('GM0001', '2025-01-01', mergers).successors).toEqual([{ code: 'GM0003', share: 1 }]);
  });

  it('divides evenly and says so when a split has no shares', () => {
    expect(successorsOn('GM0053', '2025-01-01', mergers)).toEqual({
      successors: [
        { code: 'GM1966', share: 0.5 },
        { code: 'GM1969', share: 0.5 },
      ],
      isShareEstimated: true,
    });
  });

  it('keeps the part of a gemeente that a boundary correction did not move', () => {
    const correction = [merger('GM0100', 'GM0200', '2021-01-01', 0.1)];
    expect(successorsOn('GM0100', '2025-01-01', correction).successors).toEqual([
      { code: 'GM0200', share: 0.1 },
      { code: 'GM0100', share: 0.9 },
    ]);
  });

  it('hands out exactly the whole old gemeente, for any shares and chains', () => {
    const share = fc.option(fc.integer({ min: 1, max: 100 }), { nil: null });
    fc.assert(
      fc.property(
        fc.array(share, { minLength: 1, maxLength: 5 }),
        fc.array(share, { minLength: 0, maxLength: 3 }),
        (firstStep, secondStep) => {
          // Known shares are scaled so they never exceed the whole, as validation guarantees.
          const scale = (step: (number | null)[]) => {
            const total = step.reduce<number>((sum, weight) => sum + (weight ?? 0), 0);
            return step.map((weight) => (weight === null ? null : weight / Math.max(total, 100)));
          };
          const chain = [
            ...scale(firstStep).map((part, index) =>
              merger('GM0100', `GM${String(200 + index).padStart(4, '0')}`, '2021-01-01', part),
            ),
            ...scale(secondStep).map((part, index) =>
              merger('GM0200', `GM${String(300 + index).padStart(4, '0')}`, '2023-01-01', part),
            ),
          ];
          const { successors } = successorsOn('GM0100', '2030-01-01', chain);
          return Math.abs(successors.reduce((sum, successor) => sum + successor.share, 0) - 1) < 1e-9;
        },
      ),
    );
  });
});

describe('buildReferenceDivision', () => {
  const gemeenten: ReferenceGemeente[] = [
    {
      code: 'GM0363',
      name: 'Amsterdam',
      provinceCode: 'PV27',
      provinceName: 'Noord-Holland',
      regionCode: 'VT01',
      regionName: 'Amsterdam-Amstelland',
    },
    {
      code: 'GM1992',
      name: 'Voorne aan Zee',
      provinceCode: 'PV28',
      provinceName: 'Zuid-Holland',
      regionCode: 'VT18',
      regionName: 'Rotterdam-Rijnmond',
    },
  ];
  const mergers = [
    { ...merger('GM0501', 'GM1992', '2023-01-01'), oldName: 'Brielle', isNewCodeCreated: true },
    { ...merger('GM0457', 'GM0363', '2022-03-24'), oldName: 'Weesp' },
  ];
  const division = buildReferenceDivision(gemeenten, mergers);
  const area = (code: string) => division.areas.find((candidate) => candidate.code === code);

  it('creates land, provinces and regions once', () => {
    expect(division.areas.filter((candidate) => candidate.level === 'provincie').map((a) => a.code)).toEqual([
      'PV27',
      'PV28',
    ]);
    expect(area('NL01')?.name).toBe('Nederland');
  });

  it('dates gemeenten by their mergers', () => {
    expect(area('GM1992')).toMatchObject({ validFrom: '2023-01-01', validTo: null });
    expect(area('GM0501')).toMatchObject({ name: 'Brielle', validTo: '2023-01-01' });
    // Amsterdam took Weesp in and kept its code: it did not start in 2022.
    expect(area('GM0363')).toMatchObject({ validFrom: '2018-01-01', validTo: null });
    expect(area('GM0457')).toMatchObject({ name: 'Weesp', validTo: '2022-03-24', searchName: 'weesp' });
  });

  it('gives every current gemeente one province and one region', () => {
    expect(findMembershipProblems(division, '2025-01-01')).toEqual([]);
  });

  it('reports a gemeente without a region', () => {
    const broken = {
      ...division,
      memberships: division.memberships.filter(
        (m) => m.parentLevel !== 'veiligthuisregio' || m.childCode !== 'GM0363',
      ),
    };
    expect(findMembershipProblems(broken, '2025-01-01')).toEqual([
      { code: 'GM0363', message: '0 memberships of level veiligthuisregio on 2025-01-01' },
    ]);
  });
});

describe('validateMergerRows', () => {
  const valid = {
    old_code: 'GM0501',
    old_name: 'Brielle',
    new_code: 'GM1992',
    new_name: 'Voorne aan Zee',
    effective_date: '2023-01-01',
    population_share: '1',
    new_code_is_new: 'ja',
    source: 'CBS',
  };

  it('accepts a correct row and reads Dutch decimal commas', () => {
    const result = validateMergerRows([valid, { ...valid, old_code: 'GM0530', population_share: '0,5' }]);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.mergers[0]).toMatchObject({
        oldCode: 'GM0501',
        isNewCodeCreated: true,
        populationShare: 1,
      });
      expect(result.mergers[1]?.populationShare).toBe(0.5);
    }
  });

  it('names row, column, value and a fix for every problem', () => {
    const result = validateMergerRows([
      valid,
      { ...valid, old_code: '501', effective_date: '1-1-2023' },
      { ...valid },
      { ...valid, old_code: 'GM0614', population_share: '1,5', new_code_is_new: 'misschien' },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      expect.objectContaining({
        row: 3,
        column: 'old_code',
        value: '501',
        message: expect.stringContaining('GM0363'),
      }),
      expect.objectContaining({
        row: 3,
        column: 'effective_date',
        value: '1-1-2023',
        message: expect.stringContaining('JJJJ-MM-DD'),
      }),
      expect.objectContaining({ row: 4, column: 'old_code', message: expect.stringContaining('rij 2') }),
      expect.objectContaining({ row: 5, column: 'population_share', value: '1,5' }),
      expect.objectContaining({ row: 5, column: 'new_code_is_new', value: 'misschien' }),
    ]);
  });

  it('refuses split shares that add up to more than the whole', () => {
    const result = validateMergerRows([
      { ...valid, new_code: 'GM0757', population_share: '0,6' },
      { ...valid, new_code: 'GM0824', population_share: '0,6' },
    ]);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems[0]).toMatchObject({ row: 2, column: 'population_share', value: '1.2000' });
  });
});
