// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import type { AreaSummary } from '../api/types.ts';
import { nextSort, sortAreas } from './sort-areas.ts';

function area(code: string, name: string, population: number | null): AreaSummary {
  return { code, name, level: 'gemeente', population, populationReferenceDate: '2026-01-01' };
}

const items = [
  area('GM0518', "'s-Gravenhage", 566221),
  area('GM1900', 'Súdwest-Fryslân', 92000),
  area('GM0363', 'Amsterdam', 941927),
  area('GM9999', 'Zonder cijfers', null),
  area('GM0088', 'Schiermonnikoog', 950),
];

const names = (list: AreaSummary[]) => list.map((a) => a.name);

describe('sortAreas', () => {
  it("sorts names as CBS does, with 's-Gravenhage under G", () => {
    expect(
      names(sortAreas([...items, area('GM0513', 'Gouda', 1)], { key: 'name', direction: 'ascending' })),
    ).toEqual([
      'Amsterdam',
      'Gouda',
      "'s-Gravenhage",
      'Schiermonnikoog',
      'Súdwest-Fryslân',
      'Zonder cijfers',
    ]);
  });

  it('sorts by population with missing values last in both directions', () => {
    expect(names(sortAreas(items, { key: 'population', direction: 'descending' }))).toEqual([
      'Amsterdam',
      "'s-Gravenhage",
      'Súdwest-Fryslân',
      'Schiermonnikoog',
      'Zonder cijfers',
    ]);
    expect(names(sortAreas(items, { key: 'population', direction: 'ascending' })).at(-1)).toBe(
      'Zonder cijfers',
    );
  });

  it('sorts by code and does not change its input', () => {
    const copy = [...items];
    expect(sortAreas(items, { key: 'code', direction: 'descending' })[0]?.code).toBe('GM9999');
    expect(items).toEqual(copy);
  });
});

describe('nextSort', () => {
  it('flips the direction of the same column', () => {
    expect(nextSort({ key: 'name', direction: 'ascending' }, 'name')).toEqual({
      key: 'name',
      direction: 'descending',
    });
  });

  it('starts population high to low and names A to Z', () => {
    expect(nextSort({ key: 'name', direction: 'ascending' }, 'population').direction).toBe('descending');
    expect(nextSort({ key: 'population', direction: 'ascending' }, 'code').direction).toBe('ascending');
  });
});
