/**
 * Small-number protection (statistical disclosure control) as pure functions, no I/O. Before a figure leaves the
 * server for someone without case-level rights:
 * - primary suppression: counts below a threshold (default 5) are hidden ("afgeschermd");
 * - secondary suppression: no hidden count may be recoverable by subtraction along a published total, also not in
 *   steps (derive a region from its gemeenten, then use the region in the national total);
 * - shown counts may be rounded to a base (CBS rounds Veilig Thuis counts to multiples of 5);
 * - a rate or percentage computed from a hidden count is hidden too.
 * The API, map, exports and reports of issue 6 are to call these; this file is the tested core they share.
 */

export type ProtectionRule = {
  /** Counts from 1 up to (not including) this are hidden. */
  threshold: number;
  /** Round shown counts to a multiple of this (5 as CBS does), or leave them as they are. */
  roundTo: number | null;
  /** Whether a zero is hidden too; off by default, as "none" reveals nothing about a person. */
  suppressZero: boolean;
};

export const DEFAULT_RULE: ProtectionRule = { threshold: 5, roundTo: null, suppressZero: false };

/** A count in a table, with a stable id (e.g. area code); null when there is no figure at all. */
export type CountCell = { id: string; value: number | null };

/** A published total and the cells that add up to it (a region and its gemeenten, a total and its breakdown). */
export type SumGroup = { total: string; parts: readonly string[] };

export type ProtectedCell = {
  id: string;
  /** The value to show (rounded when the rule says so), or null when hidden or absent. */
  value: number | null;
  status: 'getoond' | 'afgeschermd' | 'geen gegevens';
  /** Why a cell is hidden: a small count itself, or because it would reveal one. */
  reason: 'klein aantal' | 'afleidbaar' | null;
};

export function isSmall(value: number, rule: ProtectionRule): boolean {
  return value < rule.threshold && (value > 0 || rule.suppressZero);
}

/** Rounds to the nearest multiple of `base`, halves upward (CBS practice for counts). */
export function roundToBase(value: number, base: number): number {
  if (!Number.isInteger(base) || base < 1) throw new Error('base must be a whole number ≥ 1');
  return Math.floor(value / base + 0.5) * base;
}

/**
 * Cells whose value follows from the shown ones by subtraction along the groups, repeated until nothing more
 * follows. Absent cells (no figure) can be derived too, and then help derive others.
 */
export function derivableCells(
  known: ReadonlySet<string>,
  groups: readonly SumGroup[],
): { derived: Set<string>; via: Map<string, SumGroup> } {
  const derived = new Set<string>();
  const via = new Map<string, SumGroup>();
  // Counting unknown members per group and following only the groups a new value touches keeps this linear in
  // the size of the table (all gemeenten × breakdowns), instead of one pass over every group per derivation.
  const groupsOf = new Map<string, number[]>();
  const unknown = groups.map((group, index) => {
    let count = 0;
    for (const id of [group.total, ...group.parts]) {
      if (known.has(id)) continue;
      count += 1;
      const list = groupsOf.get(id);
      if (list) list.push(index);
      else groupsOf.set(id, [index]);
    }
    return count;
  });
  const queue = unknown.flatMap((count, index) => (count === 1 ? [index] : []));
  while (queue.length > 0) {
    const index = queue.pop() as number;
    if (unknown[index] !== 1) continue;
    const group = groups[index] as SumGroup;
    const id = [group.total, ...group.parts].find((member) => !known.has(member) && !derived.has(member));
    if (id === undefined) continue;
    derived.add(id);
    via.set(id, group);
    for (const other of groupsOf.get(id) ?? []) {
      unknown[other] = (unknown[other] as number) - 1;
      if (unknown[other] === 1) queue.push(other);
    }
  }
  return { derived, via };
}

/**
 * Protects one table of counts. Hides small counts, then, while any hidden count can be derived, hides one more
 * cell in each group that gives one away: the smallest shown part (a total only when no part is left), so little
 * disappears. Ends because every round hides at least one more cell.
 */
export function protectCounts(
  cells: readonly CountCell[],
  groups: readonly SumGroup[],
  rule: ProtectionRule = DEFAULT_RULE,
): Map<string, ProtectedCell> {
  const byId = new Map(cells.map((cell) => [cell.id, cell]));
  const hidden = new Map<string, 'klein aantal' | 'afleidbaar'>();
  for (const cell of cells)
    if (cell.value !== null && isSmall(cell.value, rule)) hidden.set(cell.id, 'klein aantal');

  // A sum without a published total gives nothing away.
  // A sum gives something away only when its total and at least one part have figures: a total over parts that
  // all lack one would be "worked out" as 0 by a reader, which is not its value.
  const hasFigure = (id: string) => (byId.get(id)?.value ?? null) !== null;
  const published = groups.filter((group) => hasFigure(group.total) && group.parts.some(hasFigure));
  const groupsOf = new Map<string, SumGroup[]>();
  for (const group of published)
    for (const id of [group.total, ...group.parts]) groupsOf.set(id, [...(groupsOf.get(id) ?? []), group]);
  const open = (id: string) => !hidden.has(id) && (byId.get(id)?.value ?? null) !== null;
  /** The cell to hide in a group: the smallest non-zero part (a 0 protects nothing), else the total. */
  const choiceIn = (group: SumGroup) => {
    const parts = group.parts
      .filter((id) => open(id) && (byId.get(id)?.value as number) > 0)
      .sort((a, b) => (byId.get(a)?.value as number) - (byId.get(b)?.value as number) || a.localeCompare(b));
    return parts[0] ?? (open(group.total) ? group.total : [...group.parts].find((id) => open(id)));
  };
  for (;;) {
    // A cell without a figure counts as known: a reader who takes a missing row for 0 must not be able to
    // work out a hidden one from the rest of its sum.
    const known = new Set(cells.filter((cell) => !hidden.has(cell.id)).map((cell) => cell.id));
    const { derived } = derivableCells(known, published);
    // Every hidden cell that can be worked out gets one more hidden cell in a group that gives it away; all in
    // one round, so large tables (all gemeenten × breakdowns) need a few rounds, not one per suppression.
    let added = 0;
    for (const id of derived) {
      if (!hidden.has(id)) continue;
      const isKnown = (member: string) => member === id || known.has(member) || derived.has(member);
      for (const group of groupsOf.get(id) ?? []) {
        if (![group.total, ...group.parts].every(isKnown)) continue;
        const choice = choiceIn(group);
        // Nothing open here (the group derives it only through other hidden cells): try the next group.
        if (choice === undefined) continue;
        hidden.set(choice, 'afleidbaar');
        added += 1;
        break;
      }
    }
    // Nothing left to hide in any group that gives a cell away: cannot happen with published sums (a derivation
    // needs a shown cell to hide), but never loop forever.
    if (added === 0) break;
  }

  const result = new Map<string, ProtectedCell>();
  for (const cell of cells) {
    if (cell.value === null) {
      result.set(cell.id, { id: cell.id, value: null, status: 'geen gegevens', reason: null });
    } else if (hidden.has(cell.id)) {
      result.set(cell.id, {
        id: cell.id,
        value: null,
        status: 'afgeschermd',
        reason: hidden.get(cell.id) ?? null,
      });
    } else {
      const value = rule.roundTo ? roundToBase(cell.value, rule.roundTo) : cell.value;
      result.set(cell.id, { id: cell.id, value, status: 'getoond', reason: null });
    }
  }
  return result;
}

/** A rate or percentage is shown only when the counts it is made of are. */
export function protectRate(
  rate: number | null,
  numerator: ProtectedCell | undefined,
  denominator: ProtectedCell | undefined,
): { value: number | null; status: ProtectedCell['status'] } {
  if (numerator?.status === 'afgeschermd' || denominator?.status === 'afgeschermd')
    return { value: null, status: 'afgeschermd' };
  if (rate === null) return { value: null, status: 'geen gegevens' };
  return { value: rate, status: 'getoond' };
}
