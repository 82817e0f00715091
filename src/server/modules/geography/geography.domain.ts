/**
 * Pure geography rules: no I/O. Search normalisation, validity on a date, population roll-ups, building the
 * shipped reference division, and mapping codes of merged gemeenten onto the current division.
 */
import {
  AREA_CODE_PATTERNS,
  type AreaLevel,
  MERGER_CSV_COLUMNS,
  NETHERLANDS_CODE,
  PARENT_LEVELS,
  type ParentLevel,
} from '../../../shared/geography.ts';

/** ISO date `YYYY-MM-DD`; compared as strings, which orders them correctly. */
export type IsoDate = string;

/** The shipped reference data claims nothing before this date (see docs/adr/0002). */
export const REFERENCE_EPOCH: IsoDate = '2018-01-01';
/** First date the shipped province memberships are checked against an official CBS list (2023). */
export const PROVINCE_MEMBERSHIP_FROM: IsoDate = '2023-01-01';
/** The shipped Veilig Thuis classification is that of 2025 (25 regions). */
export const VEILIG_THUIS_CLASSIFICATION_FROM: IsoDate = '2025-01-01';

/** Lower case, diacritics removed, whitespace collapsed: "Súdwest-Fryslân" → "sudwest-fryslan". */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('nl-NL').replace(/\s+/g, ' ').trim();
}

export function isValidOn(period: { validFrom: IsoDate; validTo: IsoDate | null }, date: IsoDate): boolean {
  return period.validFrom <= date && (period.validTo === null || date < period.validTo);
}

export function firstOfJanuary(year: number): IsoDate {
  return `${String(year).padStart(4, '0')}-01-01`;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

/** Sum of inhabitants; null when no part has a figure, so "unknown" never shows as 0. */
export function sumPopulation(values: ReadonlyArray<number | null>): number | null {
  let total: number | null = null;
  for (const value of values) if (value !== null) total = (total ?? 0) + value;
  return total;
}

// ---------------------------------------------------------------------------------------------------------
// Reference division

export type ReferenceGemeente = {
  code: string;
  name: string;
  provinceCode: string;
  provinceName: string;
  regionCode: string;
  regionName: string;
};

export type ReferenceMerger = {
  oldCode: string;
  oldName: string;
  newCode: string;
  newName: string;
  effectiveDate: IsoDate;
  populationShare: number | null;
  /** True when the merger created `newCode`; false when an existing gemeente took the old one in. */
  isNewCodeCreated: boolean;
  source: string;
};

export type AreaRecord = {
  code: string;
  level: AreaLevel;
  name: string;
  searchName: string;
  validFrom: IsoDate;
  validTo: IsoDate | null;
};

export type MembershipRecord = {
  childCode: string;
  parentCode: string;
  parentLevel: ParentLevel;
  validFrom: IsoDate;
  validTo: IsoDate | null;
};

export type ReferenceDivision = { areas: AreaRecord[]; memberships: MembershipRecord[] };

/**
 * Names people use where CBS writes another: nobody searches for "'s-Gravenhage". Searching finds the area by
 * either name; pages show the CBS name.
 */
export const SEARCH_ALIASES: Readonly<Record<string, readonly string[]>> = {
  GM0518: ['Den Haag'],
  GM0796: ['Den Bosch'],
};

/** The text searched for an area: its name and aliases, normalised, separated so no match spans two. */
export function searchTextFor(code: string, name: string): string {
  return [name, ...(SEARCH_ALIASES[code] ?? [])].map(normalizeForSearch).join('\n');
}

function area(code: string, level: AreaLevel, name: string, validFrom: IsoDate, validTo: IsoDate | null) {
  return {
    code,
    level,
    name,
    searchName: searchTextFor(code, name),
    validFrom,
    validTo,
  } satisfies AreaRecord;
}

const later = (a: IsoDate, b: IsoDate) => (a > b ? a : b);

/**
 * Builds areas and dated memberships from the current gemeenten (with their province and Veilig Thuis-regio)
 * and the merger table. A gemeente that a merger created starts on its date; a merged-away gemeente ends on
 * its first merger date. Everything else is claimed from REFERENCE_EPOCH only.
 */
export function buildReferenceDivision(
  gemeenten: readonly ReferenceGemeente[],
  mergers: readonly ReferenceMerger[],
): ReferenceDivision {
  const areas = new Map<string, AreaRecord>();
  areas.set(NETHERLANDS_CODE, area(NETHERLANDS_CODE, 'land', 'Nederland', REFERENCE_EPOCH, null));

  const currentCodes = new Set(gemeenten.map((gemeente) => gemeente.code));
  const createdOn = new Map<string, IsoDate>();
  const endedOn = new Map<string, IsoDate>();
  for (const merger of mergers) {
    if (merger.isNewCodeCreated) createdOn.set(merger.newCode, merger.effectiveDate);
    const previousEnd = endedOn.get(merger.oldCode);
    if (
      !currentCodes.has(merger.oldCode) &&
      (previousEnd === undefined || merger.effectiveDate < previousEnd)
    ) {
      endedOn.set(merger.oldCode, merger.effectiveDate);
    }
  }

  const memberships: MembershipRecord[] = [];
  for (const gemeente of gemeenten) {
    const validFrom = createdOn.get(gemeente.code) ?? REFERENCE_EPOCH;
    areas.set(gemeente.code, area(gemeente.code, 'gemeente', gemeente.name, validFrom, null));
    if (!areas.has(gemeente.provinceCode)) {
      areas.set(
        gemeente.provinceCode,
        area(gemeente.provinceCode, 'provincie', gemeente.provinceName, REFERENCE_EPOCH, null),
      );
    }
    if (!areas.has(gemeente.regionCode)) {
      areas.set(
        gemeente.regionCode,
        area(
          gemeente.regionCode,
          'veiligthuisregio',
          gemeente.regionName,
          VEILIG_THUIS_CLASSIFICATION_FROM,
          null,
        ),
      );
    }
    memberships.push(
      {
        childCode: gemeente.code,
        parentCode: gemeente.provinceCode,
        parentLevel: 'provincie',
        validFrom: later(validFrom, PROVINCE_MEMBERSHIP_FROM),
        validTo: null,
      },
      {
        childCode: gemeente.code,
        parentCode: gemeente.regionCode,
        parentLevel: 'veiligthuisregio',
        validFrom: later(validFrom, VEILIG_THUIS_CLASSIFICATION_FROM),
        validTo: null,
      },
    );
  }

  // Former gemeenten, including intermediate ones that merged again later.
  for (const merger of mergers) {
    for (const [code, name] of [
      [merger.oldCode, merger.oldName],
      [merger.newCode, merger.newName],
    ] as const) {
      if (areas.has(code)) continue;
      const validFrom = createdOn.get(code) ?? REFERENCE_EPOCH;
      areas.set(code, area(code, 'gemeente', name, validFrom, endedOn.get(code) ?? null));
    }
  }
  return { areas: [...areas.values()], memberships };
}

// ---------------------------------------------------------------------------------------------------------
// Invariants of a division

export type DivisionProblem = { code: string; message: string };

/** Every gemeente valid on `date` has exactly one membership per parent level valid on that date. */
export function findMembershipProblems(division: ReferenceDivision, date: IsoDate): DivisionProblem[] {
  const problems: DivisionProblem[] = [];
  const gemeenten = division.areas.filter(
    (candidate) => candidate.level === 'gemeente' && isValidOn(candidate, date),
  );
  for (const gemeente of gemeenten) {
    for (const level of PARENT_LEVELS) {
      const count = division.memberships.filter(
        (membership) =>
          membership.childCode === gemeente.code &&
          membership.parentLevel === level &&
          isValidOn(membership, date),
      ).length;
      if (count !== 1) {
        problems.push({ code: gemeente.code, message: `${count} memberships of level ${level} on ${date}` });
      }
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------
// Mergers: from old codes to the division valid on a date

export type Successor = { code: string; share: number };

/**
 * Where the figures of `code` belong on `onDate`: follows mergers (and splits, by population share) that took
 * effect up to that date, transitively. A code untouched by mergers maps to itself with share 1.
 * A split without a known share divides evenly and says so through `isShareEstimated`.
 */
export function successorsOn(
  code: string,
  onDate: IsoDate,
  mergers: readonly Pick<ReferenceMerger, 'oldCode' | 'newCode' | 'effectiveDate' | 'populationShare'>[],
): { successors: Successor[]; isShareEstimated: boolean } {
  const totals = new Map<string, number>();
  let isShareEstimated = false;
  const visit = (current: string, share: number, after: IsoDate, depth: number) => {
    if (depth > 50) throw new Error(`Merger chain from ${code} does not end (cycle?)`);
    const next = mergers.filter(
      (merger) =>
        merger.oldCode === current && merger.effectiveDate > after && merger.effectiveDate <= onDate,
    );
    if (next.length === 0) {
      totals.set(current, (totals.get(current) ?? 0) + share);
      return;
    }
    const firstDate = next.reduce(
      (min, merger) => (merger.effectiveDate < min ? merger.effectiveDate : min),
      onDate,
    );
    const step = next.filter((merger) => merger.effectiveDate === firstDate);
    const knownShare = step.reduce((sum, merger) => sum + (merger.populationShare ?? 0), 0);
    const unknownCount = step.filter((merger) => merger.populationShare === null).length;
    if (unknownCount > 0) isShareEstimated = true;
    for (const merger of step) {
      const part = merger.populationShare ?? Math.max(0, 1 - knownShare) / unknownCount;
      visit(merger.newCode, share * part, firstDate, depth + 1);
    }
    // Shares that add up to less than the whole (a boundary correction): the rest stays where it was.
    const remainder = 1 - knownShare;
    if (unknownCount === 0 && remainder > 1e-9) visit(current, share * remainder, firstDate, depth + 1);
  };
  visit(code, 1, '0000-00-00', 0);
  return {
    successors: [...totals.entries()].map(([successor, share]) => ({ code: successor, share })),
    isShareEstimated,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Validation of the merger CSV that an admin loads

export { MERGER_CSV_COLUMNS };

/** Columns a merger file must have; the share and "new code" columns may be left out. */
export const MERGER_CSV_REQUIRED_COLUMNS: readonly string[] = MERGER_CSV_COLUMNS.filter(
  (column) => column !== 'population_share' && column !== 'new_code_is_new',
);

const YES = ['ja', 'j', 'true', '1', 'yes'];
const NO = ['nee', 'n', 'false', '0', 'no', ''];

export type RowProblem = { row: number; column: string; value: string; message: string };

/**
 * Checks parsed CSV records (header already matched) and returns typed mergers or every problem found, with
 * the file row (header = row 1) and column, in Dutch for the user.
 */
export function validateMergerRows(
  records: readonly Record<string, string>[],
): { ok: true; mergers: ReferenceMerger[] } | { ok: false; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const mergers: ReferenceMerger[] = [];
  const seen = new Map<string, number>();
  const duplicateRows = new Set<number>();
  records.forEach((record, index) => {
    const row = index + 2;
    const value = (column: string) => (record[column] ?? '').trim();
    const problem = (column: string, message: string) =>
      problems.push({ row, column, value: value(column), message });
    for (const column of ['old_code', 'new_code'] as const) {
      if (!AREA_CODE_PATTERNS.gemeente.test(value(column))) {
        problem(
          column,
          'Geen geldige gemeentecode. Gebruik GM gevolgd door vier cijfers, bijvoorbeeld GM0363.',
        );
      }
    }
    if (value('old_code') === value('new_code') && value('old_code') !== '') {
      problem(
        'new_code',
        'Oude en nieuwe gemeentecode zijn gelijk. Een herindeling gaat van een oude naar een andere code.',
      );
    }
    for (const column of ['old_name', 'new_name', 'source'] as const) {
      if (value(column) === '') problem(column, 'Dit veld is leeg. Vul de naam of de bron in.');
    }
    if (!isIsoDate(value('effective_date'))) {
      problem(
        'effective_date',
        'Geen geldige datum. Schrijf de ingangsdatum als JJJJ-MM-DD, bijvoorbeeld 2023-01-01.',
      );
    }
    const rawShare = value('population_share');
    let populationShare: number | null = null;
    if (rawShare !== '') {
      const share = Number(rawShare.replace(',', '.'));
      if (!Number.isFinite(share) || share <= 0 || share > 1) {
        problem(
          'population_share',
          'Het aandeel moet een getal groter dan 0 en hoogstens 1 zijn, bijvoorbeeld 1 of 0,25.',
        );
      } else {
        populationShare = share;
      }
    }
    const rawIsNew = value('new_code_is_new').toLowerCase();
    if (!YES.includes(rawIsNew) && !NO.includes(rawIsNew)) {
      problem(
        'new_code_is_new',
        'Vul "ja" in als de herindeling de nieuwe gemeente heeft gemaakt, anders "nee".',
      );
    }
    const key = `${value('old_code')}>${value('new_code')}@${value('effective_date')}`;
    const firstRow = seen.get(key);
    if (firstRow !== undefined) {
      duplicateRows.add(row);
      problem('old_code', `Deze herindeling staat al in rij ${firstRow}. Verwijder een van beide rijen.`);
    } else {
      seen.set(key, row);
    }
    mergers.push({
      oldCode: value('old_code'),
      oldName: value('old_name'),
      newCode: value('new_code'),
      newName: value('new_name'),
      effectiveDate: value('effective_date'),
      populationShare,
      isNewCodeCreated: YES.includes(rawIsNew),
      source: value('source'),
    });
  });
  // Shares of a split must not hand out more than the whole old gemeente.
  const shareTotals = new Map<string, { total: number; row: number }>();
  mergers.forEach((merger, index) => {
    // A duplicate is reported once, as a duplicate, not again as an excess share.
    if (merger.populationShare === null || duplicateRows.has(index + 2)) return;
    const key = `${merger.oldCode}@${merger.effectiveDate}`;
    const entry = shareTotals.get(key) ?? { total: 0, row: index + 2 };
    entry.total += merger.populationShare;
    shareTotals.set(key, entry);
  });
  for (const [key, { total, row }] of shareTotals) {
    if (total > 1 + 1e-9) {
      problems.push({
        row,
        column: 'population_share',
        value: total.toFixed(4),
        message: `De aandelen voor ${key.replace('@', ' op ')} tellen op tot meer dan 1. Verdeel hoogstens het hele inwonertal.`,
      });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, mergers };
}
