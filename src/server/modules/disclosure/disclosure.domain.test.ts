import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CountCell,
  DEFAULT_RULE,
  derivableCells,
  type ProtectedCell,
  protectCounts,
  protectRate,
  roundToBase,
  type SumGroup,
} from './disclosure.domain.ts';

const statuses = (result: Map<string, ProtectedCell>) =>
  Object.fromEntries([...result.values()].map((cell) => [cell.id, cell.value ?? cell.status]));

/**
 * Independent check for the property: with only the shown cells known, solve every group that has one unknown,
 * again and again; no hidden cell may ever be solved.
 */
function recoverable(result: Map<string, ProtectedCell>, groups: readonly SumGroup[]): string[] {
  const known = new Map<string, boolean>();
  for (const cell of result.values()) if (cell.status === 'getoond') known.set(cell.id, true);
  let changed = true;
  const solved: string[] = [];
  while (changed) {
    changed = false;
    for (const group of groups) {
      const open = [group.total, ...group.parts].filter((id) => !known.has(id));
      if (open.length === 1) {
        known.set(open[0] as string, true);
        solved.push(open[0] as string);
        changed = true;
      }
    }
  }
  return solved.filter((id) => result.get(id)?.status === 'afgeschermd');
}

describe('small-number protection', () => {
  it('hides counts below the threshold, not zeros, and rounds shown counts when asked', () => {
    const cells: CountCell[] = [
      { id: 'a', value: 0 },
      { id: 'b', value: 3 },
      { id: 'c', value: 5 },
      { id: 'd', value: 12 },
    ];
    expect(statuses(protectCounts(cells, []))).toEqual({ a: 0, b: 'afgeschermd', c: 5, d: 12 });
    expect(statuses(protectCounts(cells, [], { ...DEFAULT_RULE, roundTo: 5 }))).toEqual({
      a: 0,
      b: 'afgeschermd',
      c: 5,
      d: 10,
    });
    expect(statuses(protectCounts(cells, [], { ...DEFAULT_RULE, suppressZero: true })).a).toBe('afgeschermd');
    expect(roundToBase(12.5, 5)).toBe(15);
    expect(roundToBase(2, 5)).toBe(0);
  });

  it('golden case: a region total with one small gemeente hides a second gemeente, the smallest', () => {
    const cells: CountCell[] = [
      { id: 'VT', value: 100 },
      { id: 'GM1', value: 3 },
      { id: 'GM2', value: 40 },
      { id: 'GM3', value: 57 },
    ];
    const result = protectCounts(cells, [{ total: 'VT', parts: ['GM1', 'GM2', 'GM3'] }]);
    expect(statuses(result)).toEqual({ VT: 100, GM1: 'afgeschermd', GM2: 'afgeschermd', GM3: 57 });
    expect(result.get('GM2')?.reason).toBe('afleidbaar');
    expect(result.get('GM1')?.reason).toBe('klein aantal');
  });

  it('golden case: a chain (gemeenten → region → Nederland) is closed too', () => {
    // VT1 is small; NL - VT2 would give it away, so a second region goes; then that region's gemeenten
    // would give it away in turn, so one of them goes too.
    const cells: CountCell[] = [
      { id: 'NL', value: 60 },
      { id: 'VT1', value: 4 },
      { id: 'VT2', value: 30 },
      { id: 'VT3', value: 26 },
      { id: 'GM21', value: 10 },
      { id: 'GM22', value: 20 },
      { id: 'GM31', value: 26 },
    ];
    const groups: SumGroup[] = [
      { total: 'NL', parts: ['VT1', 'VT2', 'VT3'] },
      { total: 'VT2', parts: ['GM21', 'GM22'] },
      { total: 'VT3', parts: ['GM31'] },
    ];
    const result = protectCounts(cells, groups);
    expect(recoverable(result, groups)).toEqual([]);
    expect(result.get('VT1')?.status).toBe('afgeschermd');
    expect([...result.values()].filter((cell) => cell.status === 'afgeschermd').length).toBeGreaterThan(2);
  });

  it('a missing figure does not protect a hidden one it can be derived beside', () => {
    const groups: SumGroup[] = [
      { total: 'T', parts: ['a', 'b'] },
      { total: 'b', parts: ['b1', 'b2'] },
    ];
    const cells: CountCell[] = [
      { id: 'T', value: 50 },
      { id: 'a', value: 2 },
      { id: 'b', value: null },
      { id: 'b1', value: 20 },
      { id: 'b2', value: 28 },
    ];
    // b follows from b1 + b2, and then a from T - b: something besides a must go.
    expect(derivableCells(new Set(['T', 'b1', 'b2']), groups).derived).toEqual(new Set(['b', 'a']));
    const result = protectCounts(cells, groups);
    expect(recoverable(result, groups)).toEqual([]);
  });

  it('no hidden count can be recovered by subtraction along any published total, for random tables (property)', () => {
    const table = fc
      .array(
        fc.array(fc.option(fc.integer({ min: 0, max: 40 }), { nil: null, freq: 8 }), {
          minLength: 1,
          maxLength: 6,
        }),
        {
          minLength: 1,
          maxLength: 5,
        },
      )
      .map((regions) => {
        const cells: CountCell[] = [];
        const groups: SumGroup[] = [];
        const regionIds: string[] = [];
        let national = 0;
        regions.forEach((gemeenten, r) => {
          const parts = gemeenten.map((_, g) => `GM${r}_${g}`);
          const sum = gemeenten.reduce<number>((total, value) => total + (value ?? 0), 0);
          gemeenten.forEach((value, g) => {
            cells.push({ id: `GM${r}_${g}`, value });
          });
          cells.push({ id: `VT${r}`, value: sum });
          groups.push({ total: `VT${r}`, parts });
          regionIds.push(`VT${r}`);
          national += sum;
        });
        cells.push({ id: 'NL', value: national });
        groups.push({ total: 'NL', parts: regionIds });
        return { cells, groups };
      });
    fc.assert(
      fc.property(table, fc.integer({ min: 1, max: 10 }), ({ cells, groups }, threshold) => {
        const rule = { ...DEFAULT_RULE, threshold };
        const result = protectCounts(cells, groups, rule);
        for (const cell of cells) {
          const out = result.get(cell.id) as ProtectedCell;
          if (cell.value === null) expect(out.status).toBe('geen gegevens');
          else if (cell.value > 0 && cell.value < threshold) expect(out.status).toBe('afgeschermd');
          else if (out.status === 'getoond') expect(out.value).toBe(cell.value);
        }
        expect(recoverable(result, groups)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('hides a rate when a count behind it is hidden', () => {
    const hidden: ProtectedCell = { id: 'x', value: null, status: 'afgeschermd', reason: 'klein aantal' };
    const shown: ProtectedCell = { id: 'y', value: 900, status: 'getoond', reason: null };
    expect(protectRate(3.3, hidden, shown)).toEqual({ value: null, status: 'afgeschermd' });
    expect(protectRate(3.3, shown, shown)).toEqual({ value: 3.3, status: 'getoond' });
    expect(protectRate(null, shown, shown)).toEqual({ value: null, status: 'geen gegevens' });
  });
});
