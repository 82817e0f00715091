// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import {
  areaCodesOf,
  figureText,
  formatMeasure,
  MAX_OWN_GROUP,
  nextMemberSort,
  parseProfileSearch,
  profileParamsOf,
  profileSearchFor,
  profileSelectionOf,
  sortMemberRows,
} from './profile-search.ts';

describe('parseProfileSearch', () => {
  it('keeps a year, a non-default group and, for an own group, its gemeenten', () => {
    expect(parseProfileSearch({ periode: '2024JJ00', groep: 'eigen', gebieden: 'GM0363,gm0599' })).toEqual({
      periode: '2024JJ00',
      groep: 'eigen',
      gebieden: 'GM0363,GM0599',
    });
    expect(parseProfileSearch({ groep: 'provincie' })).toEqual({ groep: 'provincie' });
  });

  it('leaves out what the API would refuse: other period types, unknown groups, the default group, bad codes', () => {
    expect(parseProfileSearch({ periode: '2024HJ01' })).toEqual({});
    expect(parseProfileSearch({ periode: 2024 })).toEqual({});
    expect(parseProfileSearch({ groep: 'grootteklasse' })).toEqual({});
    expect(parseProfileSearch({ groep: 'buren' })).toEqual({});
    expect(parseProfileSearch({ groep: 'eigen', gebieden: 'VT01,onzin,GM0363,GM0363' })).toEqual({
      groep: 'eigen',
      gebieden: 'GM0363',
    });
    // Gemeenten only count for an own group.
    expect(parseProfileSearch({ groep: 'provincie', gebieden: 'GM0363' })).toEqual({ groep: 'provincie' });
  });

  it('round-trips through profileSearchFor', () => {
    const search = { periode: '2023JJ00', groep: 'eigen', gebieden: 'GM0344,GM0363' } as const;
    expect(profileSearchFor(profileSelectionOf(parseProfileSearch(search)))).toEqual(search);
    expect(profileSearchFor(profileSelectionOf({}))).toEqual({});
  });
});

describe('areaCodesOf', () => {
  it('reads codes from a text or an array, upper case, once each, at most the maximum', () => {
    expect(areaCodesOf(' gm0363 , VT01,PV27,NL01,XX01')).toEqual(['GM0363', 'VT01', 'PV27', 'NL01']);
    expect(areaCodesOf(['GM0363', 'GM0363', 'GM0599'])).toEqual(['GM0363', 'GM0599']);
    const many = Array.from({ length: 80 }, (_, i) => `GM${String(i + 1).padStart(4, '0')}`).join(',');
    expect(areaCodesOf(many)).toHaveLength(MAX_OWN_GROUP);
    expect(areaCodesOf(undefined)).toEqual([]);
  });
});

describe('profileParamsOf', () => {
  it('sends the group always, the year when chosen, and the gemeenten of an own group only', () => {
    expect(profileParamsOf('GM0363', profileSelectionOf({}))).toEqual({
      code: 'GM0363',
      group: 'grootteklasse',
    });
    expect(profileParamsOf('GM0363', { period: '2024JJ00', group: 'eigen', groupAreas: ['GM0599'] })).toEqual(
      { code: 'GM0363', group: 'eigen', period: '2024JJ00', groupAreas: ['GM0599'] },
    );
    expect(profileParamsOf('GM0363', { period: null, group: 'provincie', groupAreas: ['GM0599'] })).toEqual({
      code: 'GM0363',
      group: 'provincie',
    });
  });
});

describe('formatMeasure and figureText', () => {
  it('writes counts whole, rates with one decimal (two below 1) and values by unit, the Dutch way', () => {
    expect(formatMeasure(12345, 'aantal', 'aantal')).toBe('12.345');
    expect(formatMeasure(7.14, 'per1000', 'aantal')).toBe('7,1');
    expect(formatMeasure(7, 'per1000', 'aantal')).toBe('7,0');
    expect(formatMeasure(0.174, 'per1000', 'aantal')).toBe('0,17');
    expect(formatMeasure(0, 'per1000', 'aantal')).toBe('0,0');
    expect(formatMeasure(12.46, 'waarde', 'percentage')).toBe('12,5%');
    expect(formatMeasure(9.25, 'waarde', 'dagen')).toBe('9,3');
    expect(formatMeasure(1234.5, 'waarde', 'euro')).toBe('€\u00a01.234,50');
  });

  it('says provisional, hidden and missing figures in words', () => {
    const shown = { value: 1020, status: 'getoond', provisional: false } as const;
    expect(figureText(shown, 'aantal', 'aantal')).toBe('1.020');
    expect(figureText({ ...shown, provisional: true }, 'aantal', 'aantal')).toBe('1.020 (voorlopig)');
    expect(figureText({ value: null, status: 'afgeschermd', provisional: false }, 'aantal', 'aantal')).toBe(
      'afgeschermd',
    );
    expect(figureText({ value: null, status: 'geen gegevens', provisional: false }, 'aantal', 'aantal')).toBe(
      'geen gegevens',
    );
    expect(figureText(undefined, 'aantal', 'aantal')).toBe('geen gegevens');
  });
});

describe('sortMemberRows', () => {
  const row = (
    areaName: string,
    value: number | null,
    status = value === null ? 'afgeschermd' : 'getoond',
  ) => ({
    areaName,
    values: [{ value, status }],
  });
  const rows = [row('Zaanstad', 5), row("'s-Gravenhage", 9), row('Amsterdam', null), row('Almere', 5)];

  it('sorts by name in Dutch order, and by a figure with hidden figures last in both directions', () => {
    const names = (sorted: { areaName: string }[]) => sorted.map((one) => one.areaName);
    expect(names(sortMemberRows(rows, { column: 'name', direction: 'ascending' }))).toEqual([
      'Almere',
      'Amsterdam',
      "'s-Gravenhage",
      'Zaanstad',
    ]);
    expect(names(sortMemberRows(rows, { column: 0, direction: 'descending' }))).toEqual([
      "'s-Gravenhage",
      'Almere',
      'Zaanstad',
      'Amsterdam',
    ]);
    expect(names(sortMemberRows(rows, { column: 0, direction: 'ascending' }))).toEqual([
      'Almere',
      'Zaanstad',
      "'s-Gravenhage",
      'Amsterdam',
    ]);
  });

  it('flips the direction of the same column; a new figure column starts highest first', () => {
    expect(nextMemberSort({ column: 'name', direction: 'ascending' }, 'name')).toEqual({
      column: 'name',
      direction: 'descending',
    });
    expect(nextMemberSort({ column: 'name', direction: 'ascending' }, 2)).toEqual({
      column: 2,
      direction: 'descending',
    });
    expect(nextMemberSort({ column: 2, direction: 'descending' }, 'name')).toEqual({
      column: 'name',
      direction: 'ascending',
    });
  });
});
