// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { isSearchable, normaliseQuery, searchStatusText } from './search-status.ts';

describe('normaliseQuery', () => {
  it('trims and collapses whitespace', () => {
    expect(normaliseQuery('  den   haag ')).toBe('den haag');
  });
});

describe('isSearchable', () => {
  it('needs at least two characters', () => {
    expect(isSearchable('a')).toBe(false);
    expect(isSearchable(' a ')).toBe(false);
    expect(isSearchable('ab')).toBe(true);
  });
});

describe('searchStatusText', () => {
  it('says nothing before the user types, nor while the search runs', () => {
    expect(searchStatusText({ kind: 'idle' })).toBe('');
    expect(searchStatusText({ kind: 'searching' })).toBe('');
  });

  it('counts results in correct Dutch singular and plural', () => {
    expect(searchStatusText({ kind: 'done', count: 1, query: 'sudwest' })).toBe(
      '1 gemeente gevonden voor “sudwest”.',
    );
    expect(searchStatusText({ kind: 'done', count: 3, query: 'berg' })).toBe(
      '3 gemeenten gevonden voor “berg”.',
    );
    expect(searchStatusText({ kind: 'done', count: 0, query: 'xyz' })).toBe(
      'Geen gemeenten gevonden voor “xyz”.',
    );
  });

  it('asks for more letters and reports failures', () => {
    expect(searchStatusText({ kind: 'too-short' })).toBe('Typ minstens 2 letters.');
    expect(searchStatusText({ kind: 'error' })).toMatch(/mislukt/);
  });
});
