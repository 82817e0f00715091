// SPDX-License-Identifier: EUPL-1.2
import { compareAreaNames } from '../../../src/shared/geography.ts';
import type { AreaSummary } from '../api/types.ts';

export type SortKey = 'name' | 'code' | 'population';
export type SortDirection = 'ascending' | 'descending';

export interface SortState {
  key: SortKey;
  direction: SortDirection;
}

/**
 * Dutch alphabetical order as CBS lists gemeenten (and as the API sorts): "'s-Gravenhage" under G,
 * accents ignored ("Súdwest-Fryslân" as "Sudwest-Fryslan").
 */
export const compareNames = compareAreaNames;

/**
 * A sorted copy of the areas. Areas without a population come last in either direction; ties are broken by
 * name so the order is stable and predictable.
 */
export function sortAreas(items: readonly AreaSummary[], { key, direction }: SortState): AreaSummary[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...items].sort((a, b) => {
    if (key === 'population') {
      if (a.population === null || b.population === null) {
        if (a.population === b.population) return compareNames(a.name, b.name);
        return a.population === null ? 1 : -1;
      }
      const byValue = (a.population - b.population) * sign;
      return byValue !== 0 ? byValue : compareNames(a.name, b.name);
    }
    const byKey = key === 'name' ? compareNames(a.name, b.name) : a.code.localeCompare(b.code, 'en');
    return byKey * sign;
  });
}

/** Clicking a column header: the same column flips direction, another column starts in its natural order. */
export function nextSort(current: SortState, key: SortKey): SortState {
  if (current.key === key) {
    return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  }
  return { key, direction: key === 'population' ? 'descending' : 'ascending' };
}
