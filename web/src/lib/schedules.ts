// SPDX-License-Identifier: EUPL-1.2
/**
 * Pure helpers of the follow-up schedule page (/vervolgmetingen/schema) and of the case import history on
 * /casussen/aanleveren: the Dutch texts built from API values, the rows of the schedule form and what is wrong
 * with them field by field. The rules that involve several moments (+3 and +12 present, no duplicates, no
 * overlapping windows) are the server's: its message is shown as it says it. No I/O, so each is tested.
 */
import type { FollowUpMoment } from '../../../src/shared/cases.ts';
import type { SessionUser } from '../api/types.ts';
import { type FormError, type FormErrors, NO_ERRORS } from './form-errors.ts';
import { formatDateTime, formatNumber } from './format.ts';

// ---- Schedules ----

/** The moments the outcome indicators are defined on: a schedule always keeps them. */
export const FIXED_MONTHS: readonly number[] = [3, 12];

export const MONTHS_RANGE = { min: 1, max: 60 } as const;
export const DAYS_RANGE = { min: 0, max: 120 } as const;

function daysPhrase(days: number): string {
  return days === 1 ? '1 dag' : `${formatNumber(days)} dagen`;
}

/** "+3 mnd: 14 dagen ervoor, 30 dagen erna" */
export function momentWindowText(moment: FollowUpMoment): string {
  return `+${formatNumber(moment.months)} mnd: ${daysPhrase(moment.daysBefore)} ervoor, ${daysPhrase(moment.daysAfter)} erna`;
}

/** Every moment of a schedule, earliest first, separated by semicolons. */
export function scheduleText(moments: readonly FollowUpMoment[]): string {
  return [...moments]
    .sort((a, b) => a.months - b.months)
    .map(momentWindowText)
    .join('; ');
}

/** "standaard" for the default schedule, "eigen schema" when the region set its own. */
export function scheduleKindText(own: boolean): string {
  return own ? 'eigen schema' : 'standaard';
}

/** "Opgeslagen; 12 huishoudens herberekend." */
export function savedText(recomputed: number): string {
  const households = recomputed === 1 ? '1 huishouden' : `${formatNumber(recomputed)} huishoudens`;
  return `Opgeslagen; ${households} herberekend.`;
}

/**
 * Whether to offer the edit form: a beheerder, or a regiocoördinator of any organisation. The server decides
 * per region (a regiocoördinator of that region or of a gemeente in it) and explains a refusal.
 */
export function mayEditSchedules(user: SessionUser | null | undefined): boolean {
  if (!user) return false;
  return user.isAdmin || user.memberships.some((membership) => membership.role === 'regiocoordinator');
}

/**
 * The region to open the form on: the first region (in the list's order) that is the area of one of the user's
 * regiocoördinator memberships; '' when there is none (the user picks one).
 */
export function initialRegion(
  user: SessionUser | null | undefined,
  regions: readonly { region: string }[],
): string {
  const areas = new Set(
    (user?.memberships ?? [])
      .filter((membership) => membership.role === 'regiocoordinator' && membership.areaCode !== null)
      .map((membership) => membership.areaCode as string),
  );
  return regions.find((item) => areas.has(item.region))?.region ?? '';
}

/** One moment of the form, as typed. A fixed row (+3, +12) keeps its months and cannot be removed. */
export type MomentRow = {
  /** Stable while the form is open: the key of the row and the base of its fields' names. */
  id: number;
  fixed: boolean;
  months: string;
  daysBefore: string;
  daysAfter: string;
};

export type MomentField = 'months' | 'daysBefore' | 'daysAfter';

/** The field name of one input of a row, as the error summary and the inputs' ids use it. */
export function momentFieldName(id: number, field: MomentField): string {
  return `moment-${id}-${field}`;
}

/** The form's rows of a saved schedule, earliest first; +3 and +12 are fixed. */
export function rowsFromMoments(moments: readonly FollowUpMoment[]): MomentRow[] {
  return [...moments]
    .sort((a, b) => a.months - b.months)
    .map((moment, index) => ({
      id: index + 1,
      fixed: FIXED_MONTHS.includes(moment.months),
      months: String(moment.months),
      daysBefore: String(moment.daysBefore),
      daysAfter: String(moment.daysAfter),
    }));
}

/** A new, empty moment after the others, with the default schedule's window of +3 months as a start. */
export function newMomentRow(rows: readonly MomentRow[]): MomentRow {
  const id = rows.reduce((highest, row) => Math.max(highest, row.id), 0) + 1;
  return { id, fixed: false, months: '', daysBefore: '14', daysAfter: '30' };
}

/** What a row is called in legends and messages: "+3 maanden", or "extra meetmoment 2" (counted among extras). */
export function rowLabel(rows: readonly MomentRow[], row: MomentRow): string {
  if (row.fixed) return `+${row.months} maanden`;
  const extras = rows.filter((other) => !other.fixed);
  return `extra meetmoment ${extras.indexOf(row) + 1}`;
}

/** A whole number written with digits only (an optional sign is refused: days and months are never negative). */
function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,4}$/.test(trimmed) ? Number(trimmed) : null;
}

const FIELD_TEXT: Record<MomentField, string> = {
  months: 'het aantal maanden na de overdracht',
  daysBefore: 'het aantal dagen vóór het meetmoment',
  daysAfter: 'het aantal dagen na het meetmoment',
};

function fieldProblem(rows: readonly MomentRow[], row: MomentRow, field: MomentField): FormError | null {
  const value = wholeNumber(row[field]);
  const range = field === 'months' ? MONTHS_RANGE : DAYS_RANGE;
  if (value !== null && value >= range.min && value <= range.max) return null;
  const label = rowLabel(rows, row);
  const name = label.charAt(0).toUpperCase() + label.slice(1);
  return {
    field: momentFieldName(row.id, field),
    message: `${name}: vul ${FIELD_TEXT[field]} in als heel getal van ${range.min} tot en met ${range.max}.`,
  };
}

/**
 * The moments to send, or what is wrong with each field in the order of the form. Only each number is checked
 * here; the rules between moments are left to the server, which says which rule is broken.
 */
export function momentsFromRows(rows: readonly MomentRow[]): {
  moments: FollowUpMoment[];
  errors: FormErrors;
} {
  const errors: FormError[] = [];
  for (const row of rows)
    for (const field of ['months', 'daysBefore', 'daysAfter'] as const) {
      const problem = fieldProblem(rows, row, field);
      if (problem) errors.push(problem);
    }
  if (errors.length > 0) return { moments: [], errors };
  return {
    moments: rows.map((row) => ({
      months: Number(row.months.trim()),
      daysBefore: Number(row.daysBefore.trim()),
      daysAfter: Number(row.daysAfter.trim()),
    })),
    errors: NO_ERRORS,
  };
}

// ---- Case import history ----

export type CaseImportLike = {
  id: number;
  kind: 'import' | 'undo';
  synthetic: boolean;
  undoOf: number | null;
  undoneBy: number | null;
};

/** "Aanlevering" or "Terugdraaiing". */
export function importKindText(kind: CaseImportLike['kind']): string {
  return kind === 'undo' ? 'Terugdraaiing' : 'Aanlevering';
}

/**
 * The status column: "teruggedraaid door 7", "draait 5 terug" or "geïmporteerd"; "synthetisch" is added for
 * demo data (words, not a colour).
 */
export function importStatusText(record: CaseImportLike): string {
  const status =
    record.kind === 'undo'
      ? `draait ${record.undoOf ?? '?'} terug`
      : record.undoneBy !== null
        ? `teruggedraaid door ${record.undoneBy}`
        : 'geïmporteerd';
  return record.synthetic ? `${status}; synthetisch` : status;
}

/** Undo is offered for an import that stands; the server decides whether this user may. */
export function canUndoImport(record: CaseImportLike): boolean {
  return record.kind === 'import' && record.undoneBy === null;
}

/** "1 maart 2026 om 14:05:09", Dutch time. */
export const importTimeText = formatDateTime;

function casesPhrase(count: number): string {
  return count === 1 ? '1 casus' : `${formatNumber(count)} casussen`;
}

/** "Aanlevering 5 is teruggedraaid: 2 casussen hersteld, 3 ingetrokken." */
export function undoResultText(result: { importId: number; restored: number; withdrawn: number }): string {
  return `Aanlevering ${result.importId} is teruggedraaid: ${casesPhrase(result.restored)} hersteld, ${formatNumber(result.withdrawn)} ingetrokken.`;
}

/** "3 aanleveringen en terugdraaiingen, de nieuwste eerst" */
export function importHistoryCaption(count: number): string {
  return count === 1
    ? '1 aanlevering of terugdraaiing'
    : `${formatNumber(count)} aanleveringen en terugdraaiingen, de nieuwste eerst`;
}
