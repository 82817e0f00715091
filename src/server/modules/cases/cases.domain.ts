/**
 * The case register as plain data with no I/O: the events of a case, pseudonyms, follow-up schedules and what a
 * case's history says about its outcome. Dates are ISO day strings (`2024-03-31`): comparing them as text
 * orders them, and no time zone can move a day.
 */
import { createHmac } from 'node:crypto';
import type {
  ClosureReason,
  ConditionsMet,
  FollowUpDecision,
  FollowUpMoment,
  FollowUpState,
  MeasurementSource,
  SafetyAssessment,
  SafetyStatus,
  YesNoUnknown,
} from '../../../shared/cases.ts';

export type IsoDate = string;

export type CaseEvent =
  | { kind: 'melding'; date: IsoDate; gemeente: string; melder: string; violenceTypes: string[] }
  | { kind: 'veiligheidsbeoordeling'; date: IsoDate; assessment: SafetyAssessment }
  | { kind: 'besluit'; date: IsoDate; decision: FollowUpDecision }
  | { kind: 'overdracht'; date: IsoDate; teamId: number }
  | { kind: 'regisseur'; date: IsoDate; teamId: number }
  | { kind: 'plan'; date: IsoDate }
  | { kind: 'interventie_start'; date: IsoDate; intervention: string; primary: boolean }
  | { kind: 'interventie_einde'; date: IsoDate; intervention: string }
  | {
      kind: 'meting';
      date: IsoDate;
      source: MeasurementSource;
      violence: YesNoUnknown;
      safety: SafetyStatus;
      conditionsMet: ConditionsMet;
    }
  | { kind: 'afsluiting'; date: IsoDate; reason: ClosureReason };

export type MeasurementEvent = Extract<CaseEvent, { kind: 'meting' }>;

/** A case as read from an extract, before pseudonymisation: the supplier's identifiers live only in memory. */
export type ExtractCase = {
  caseRef: string;
  householdRef: string;
  /** Row of the case's first event in the file (header is row 1). */
  firstRow: number;
  events: CaseEvent[];
};

// ---- Pseudonyms ----

/** Minimum length of the installation secret, in bytes (HMAC-SHA-256 gains nothing beyond the block size). */
export const PSEUDONYM_KEY_BYTES = 32;

/**
 * The household pseudonym: HMAC-SHA-256 of the supplier's household identifier under the installation secret.
 * No supplier in the input, so the same household links across suppliers that share the identifier.
 */
export function householdPseudonym(key: Buffer, householdRef: string): string {
  return createHmac('sha256', key).update(`huishouden\u0000${householdRef.trim()}`).digest('hex');
}

/** The case key: case identifiers are the supplier's own numbering, so the supplier is part of the input. */
export function caseKey(key: Buffer, supplierId: number | null, caseRef: string): string {
  return createHmac('sha256', key)
    .update(`casus\u0000${supplierId ?? 0}\u0000${caseRef.trim()}`)
    .digest('hex');
}

/** Identifies the key without revealing it: stored, so an import under another key is refused. */
export function keyFingerprint(key: Buffer): string {
  return createHmac('sha256', key).update('ketenzicht-sleutelcontrole').digest('hex').slice(0, 16);
}

/** The short form users see and type: 12 hex characters, grouped for reading aloud. */
export function shortPseudonym(pseudonym: string): string {
  const head = pseudonym.slice(0, 12).toUpperCase();
  return `${head.slice(0, 4)}-${head.slice(4, 8)}-${head.slice(8, 12)}`;
}

/** Accepts the short form (with or without dashes, any case) or the full pseudonym; null when malformed. */
export function pseudonymPrefix(text: string): string | null {
  const cleaned = text.trim().replaceAll('-', '').toLowerCase();
  return /^[0-9a-f]{12,64}$/.test(cleaned) ? cleaned : null;
}

// ---- Dates ----

const DAY_MS = 86_400_000;

function toUtc(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function fromUtc(time: number): IsoDate {
  return new Date(time).toISOString().slice(0, 10);
}

export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  return fromUtc(toUtc(text)) === text;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** Calendar months later; the 31st of a shorter month becomes its last day (as date-fns addMonths does). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1 + months;
  const day = Number(date.slice(8, 10));
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromUtc(Date.UTC(year, month, Math.min(day, lastDay)));
}

/** Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return fromUtc(Date.UTC(year, month - 1, day));
}

const holidayCache = new Map<number, Set<IsoDate>>();

/**
 * Public holidays on which statutory terms do not run (Algemene termijnenwet): Nieuwjaarsdag, tweede paasdag,
 * Koningsdag (26 April when the 27th is a Sunday), Bevrijdingsdag (every year, as that law counts it),
 * Hemelvaartsdag, tweede pinksterdag and both Christmas days. Goede Vrijdag is not one.
 */
export function publicHolidays(year: number): Set<IsoDate> {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const easter = easterSunday(year);
  const kingsDay = `${year}-04-27`;
  const kingsDayObserved = new Date(toUtc(kingsDay)).getUTCDay() === 0 ? `${year}-04-26` : kingsDay;
  const days = new Set<IsoDate>([
    `${year}-01-01`,
    addDays(easter, 1),
    kingsDayObserved,
    `${year}-05-05`,
    addDays(easter, 39),
    addDays(easter, 50),
    `${year}-12-25`,
    `${year}-12-26`,
  ]);
  holidayCache.set(year, days);
  return days;
}

export function isWorkingDay(date: IsoDate): boolean {
  const weekday = new Date(toUtc(date)).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !publicHolidays(Number(date.slice(0, 4))).has(date);
}

/** Working days after `from` up to and including `to` (0 on the same day); negative when `to` is earlier. */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  if (to < from) return -workingDaysBetween(to, from);
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
    if (isWorkingDay(day)) count += 1;
  }
  return count;
}

// ---- Follow-up schedule ----

export type ScheduledFollowUp = {
  months: number;
  due: IsoDate;
  windowStart: IsoDate;
  windowEnd: IsoDate;
};

export function scheduleFollowUps(
  handover: IsoDate,
  schedule: readonly FollowUpMoment[],
): ScheduledFollowUp[] {
  return schedule.map((moment) => {
    const due = addMonths(handover, moment.months);
    return {
      months: moment.months,
      due,
      windowStart: addDays(due, -moment.daysBefore),
      windowEnd: addDays(due, moment.daysAfter),
    };
  });
}

/** The measurement that counts for a moment: inside its window, nearest the due date (the earlier on a tie). */
export function measurementFor(
  moment: ScheduledFollowUp,
  measurements: readonly MeasurementEvent[],
): MeasurementEvent | null {
  let best: MeasurementEvent | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const measurement of measurements) {
    if (measurement.date < moment.windowStart || measurement.date > moment.windowEnd) continue;
    const distance = Math.abs(daysBetween(moment.due, measurement.date));
    if (distance < bestDistance || (distance === bestDistance && best && measurement.date < best.date)) {
      best = measurement;
      bestDistance = distance;
    }
  }
  return best;
}

export type FollowUpStatus = ScheduledFollowUp & {
  state: FollowUpState;
  /** Days past the window's end (te_laat), else 0. */
  daysLate: number;
  measuredOn: IsoDate | null;
};

/**
 * Where each follow-up of a case stands today: done (a measurement in its window), planned (window not open
 * yet), open (window open), late (window passed without one) or lapsed (the case closed before the window
 * opened, so there is nobody left to measure).
 */
export function followUpStatuses(
  handover: IsoDate,
  schedule: readonly FollowUpMoment[],
  measurements: readonly MeasurementEvent[],
  closedOn: IsoDate | null,
  today: IsoDate,
): FollowUpStatus[] {
  return scheduleFollowUps(handover, schedule).map((moment) => {
    const measurement = measurementFor(moment, measurements);
    if (measurement) return { ...moment, state: 'gedaan', daysLate: 0, measuredOn: measurement.date };
    if (closedOn !== null && closedOn < moment.windowStart)
      return { ...moment, state: 'vervallen', daysLate: 0, measuredOn: null };
    if (today < moment.windowStart) return { ...moment, state: 'gepland', daysLate: 0, measuredOn: null };
    if (today <= moment.windowEnd) return { ...moment, state: 'open', daysLate: 0, measuredOn: null };
    return { ...moment, state: 'te_laat', daysLate: daysBetween(moment.windowEnd, today), measuredOn: null };
  });
}
