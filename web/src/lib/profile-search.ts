// SPDX-License-Identifier: EUPL-1.2
/**
 * The area profile's state in the URL (`?periode=2024JJ00&groep=eigen&gebieden=GM0363,GM0599`), the API
 * request it leads to, and how dashboard figures are written (nl-NL).
 */
import { COMPARISON_GROUPS, type ComparisonGroupKind, type Measure } from '../../../src/shared/dashboards.ts';
import type { Unit } from '../../../src/shared/figures.ts';
import { compareAreaNames } from '../../../src/shared/geography.ts';
import type { ProfileParams } from '../api/dashboard-queries.ts';
import { texts } from '../texts.ts';

/** Query string of the profile pages; the default group (grootteklasse) is left out. */
export interface ProfileSearch {
  periode?: string;
  groep?: Exclude<ComparisonGroupKind, 'grootteklasse'>;
  /** groep=eigen: comma-separated gemeente codes, as they stand in the URL. */
  gebieden?: string;
}

const YEAR_PERIOD = /^\d{4}JJ00$/;
const GEMEENTE_CODE = /^GM\d{4}$/;
const AREA_CODE = /^(GM\d{4}|VT\d{2}|PV\d{2}|NL\d{2})$/;
/** More than this many gemeenten is not a comparison group anyone picks by hand; it keeps URLs bounded. */
export const MAX_OWN_GROUP = 50;

/** A text value of the query string; the router reads `?periode=2024` as a number. */
function text(value: unknown): string | undefined {
  const raw = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  return typeof raw === 'string' && raw.trim() !== '' && raw.length <= 2_000 ? raw.trim() : undefined;
}

/**
 * Area codes from a comma-separated text (or an array, when a link passed one), upper-cased, valid only,
 * without duplicates, in the order given.
 */
export function areaCodesOf(value: unknown, pattern: RegExp = AREA_CODE, max = MAX_OWN_GROUP): string[] {
  const parts = Array.isArray(value) ? value.map(String) : (text(value)?.split(',') ?? []);
  const codes: string[] = [];
  for (const part of parts) {
    const code = part.trim().toUpperCase();
    if (pattern.test(code) && !codes.includes(code)) codes.push(code);
    if (codes.length === max) break;
  }
  return codes;
}

function isGroupKind(value: unknown): value is ComparisonGroupKind {
  return typeof value === 'string' && (COMPARISON_GROUPS as readonly string[]).includes(value);
}

/** Validates the profile's query string; what the API would refuse is left out rather than sent. */
export function parseProfileSearch(search: Record<string, unknown>): ProfileSearch {
  const parsed: ProfileSearch = {};
  const periode = text(search.periode)?.toUpperCase();
  if (periode && YEAR_PERIOD.test(periode)) parsed.periode = periode;
  const groep = search.groep;
  if (isGroupKind(groep) && groep !== 'grootteklasse') parsed.groep = groep;
  if (parsed.groep === 'eigen') {
    const codes = areaCodesOf(search.gebieden, GEMEENTE_CODE);
    if (codes.length > 0) parsed.gebieden = codes.join(',');
  }
  return parsed;
}

/** What the profile shows once defaults are filled in. */
export interface ProfileSelection {
  /** Null: the latest year with figures, as the API chooses it. */
  period: string | null;
  group: ComparisonGroupKind;
  /** group=eigen: the chosen gemeenten. */
  groupAreas: string[];
}

export function profileSelectionOf(search: ProfileSearch): ProfileSelection {
  return {
    period: search.periode ?? null,
    group: search.groep ?? 'grootteklasse',
    groupAreas: search.groep === 'eigen' ? areaCodesOf(search.gebieden, GEMEENTE_CODE) : [],
  };
}

/** The query string for a selection; defaults are left out, so the plain profile URL stays short. */
export function profileSearchFor(selection: ProfileSelection): ProfileSearch {
  const search: ProfileSearch = {};
  if (selection.period) search.periode = selection.period;
  if (selection.group !== 'grootteklasse') search.groep = selection.group;
  if (selection.group === 'eigen' && selection.groupAreas.length > 0)
    search.gebieden = selection.groupAreas.join(',');
  return search;
}

/** The parameters of the profile and factsheet requests for an area and selection. */
export function profileParamsOf(code: string, selection: ProfileSelection): ProfileParams {
  return {
    code,
    group: selection.group,
    ...(selection.period ? { period: selection.period } : {}),
    ...(selection.group === 'eigen' ? { groupAreas: selection.groupAreas } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Figures as the dashboards write them

const integer = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const upToOneDecimal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 2 });

/**
 * A dashboard figure in Dutch notation by its measure: counts whole ("1.020"), rates per 1.000 with one
 * decimal ("7,1"; two below 1, so 0,17 does not read as 0,2), values by the indicator's unit ("12,5%").
 */
export function formatMeasure(value: number, measure: Measure, unit: Unit): string {
  switch (measure) {
    case 'aantal':
      return integer.format(value);
    case 'per1000':
      return Math.abs(value) < 1 && value !== 0 ? twoDecimals.format(value) : oneDecimal.format(value);
    case 'waarde':
      switch (unit) {
        case 'percentage':
          return `${oneDecimal.format(value)}%`;
        case 'euro':
          return euro.format(value);
        case 'dagen':
          return upToOneDecimal.format(value);
        case 'aantal':
          return Number.isInteger(value) ? integer.format(value) : oneDecimal.format(value);
      }
  }
}

interface Figure {
  value: number | null;
  status: 'getoond' | 'afgeschermd' | 'geen gegevens';
  provisional: boolean;
}

/** A protected figure as a cell says it: "1.020 (voorlopig)", "afgeschermd" or "geen gegevens". */
export function figureText(figure: Figure | undefined, measure: Measure, unit: Unit): string {
  if (figure?.status === 'afgeschermd') return texts.profile.hidden;
  if (!figure || figure.status === 'geen gegevens' || figure.value === null) return texts.profile.noData;
  const value = formatMeasure(figure.value, measure, unit);
  return figure.provisional ? `${value} ${texts.profile.provisional}` : value;
}

// ---------------------------------------------------------------------------------------------------------
// The gemeenten of a region side by side

type SortDirection = 'ascending' | 'descending';

/** Sorted by name, or by the figure in one column (its index). */
export interface MemberSort {
  column: 'name' | number;
  direction: SortDirection;
}

interface MemberRow {
  areaName: string;
  values: readonly { value: number | null; status: string }[];
}

/**
 * A sorted copy of the member rows. Hidden and missing figures come last in either direction (their order says
 * nothing); ties are broken by name, Dutch order ("'s-Gravenhage" under G).
 */
export function sortMemberRows<T extends MemberRow>(rows: readonly T[], sort: MemberSort): T[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const byName = (a: T, b: T) => compareAreaNames(a.areaName, b.areaName);
  return [...rows].sort((a, b) => {
    if (sort.column === 'name') return byName(a, b) * sign;
    const figureOf = (row: T) => {
      const cell = row.values[sort.column as number];
      return cell && cell.status === 'getoond' ? cell.value : null;
    };
    const [left, right] = [figureOf(a), figureOf(b)];
    if (left === null || right === null) {
      if (left === right) return byName(a, b);
      return left === null ? 1 : -1;
    }
    return left !== right ? (left - right) * sign : byName(a, b);
  });
}

/** A click on a header: the same column flips; a figure column starts highest first, the name A–Z. */
export function nextMemberSort(current: MemberSort, column: MemberSort['column']): MemberSort {
  if (current.column === column)
    return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { column, direction: column === 'name' ? 'ascending' : 'descending' };
}
