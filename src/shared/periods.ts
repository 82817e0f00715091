/**
 * CBS period codes, parsed and printed in this one place: `2024JJ00` (year), `2024HJ01` (half-year),
 * `2024KW03` (quarter), `2024MM11` (month). Also the Dutch labels StatLine prints ("2024 3e kwartaal",
 * "2024*" for provisional figures).
 */
import { PERIOD_TYPES, type PeriodType } from './figures.ts';

export type Period = { year: number; type: PeriodType; index: number };

/** How many periods of a type make a year. */
export const PARTS_PER_YEAR: Record<PeriodType, number> = { JJ: 1, HJ: 2, KW: 4, MM: 12 };

/** From coarse to fine: a period rolls up from any finer type. */
const FINENESS: Record<PeriodType, number> = { JJ: 0, HJ: 1, KW: 2, MM: 3 };

const CODE = /^(\d{4})(JJ|HJ|KW|MM)(\d{2})$/;

export function parsePeriodCode(code: string): Period | undefined {
  const match = CODE.exec(code.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  const type = match[2] as PeriodType;
  const index = Number(match[3]);
  if (year < 1900 || year > 2999) return undefined;
  if (type === 'JJ' ? index !== 0 : index < 1 || index > PARTS_PER_YEAR[type]) return undefined;
  return { year, type, index };
}

export function formatPeriodCode(period: Period): string {
  return `${period.year}${period.type}${String(period.index).padStart(2, '0')}`;
}

export const MONTH_NAMES = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
] as const;

/** Dutch label for people: "2024", "1e halfjaar 2024", "3e kwartaal 2024", "november 2024". */
export function periodLabel(period: Period): string {
  switch (period.type) {
    case 'JJ':
      return String(period.year);
    case 'HJ':
      return `${period.index}e halfjaar ${period.year}`;
    case 'KW':
      return `${period.index}e kwartaal ${period.year}`;
    case 'MM':
      return `${MONTH_NAMES[period.index - 1]} ${period.year}`;
  }
}

export function periodCodeLabel(code: string): string {
  const period = parsePeriodCode(code);
  return period ? periodLabel(period) : code;
}

const LABEL_YEAR = /^(\d{4})$/;
const LABEL_PART = /^(\d{4}) (\d{1,2})e (halfjaar|kwartaal)$/;
const LABEL_PART_FIRST = /^(\d)e (halfjaar|kwartaal) (\d{4})$/;
const LABEL_MONTH = /^(\d{4}) ([a-z]+)$/;
const LABEL_MONTH_FIRST = /^([a-z]+) (\d{4})$/;

/**
 * Reads a period as StatLine labels it ("2023", "2023 1e halfjaar", "2023 3e kwartaal", "2023 november") or as
 * Ketenzicht prints it ("1e halfjaar 2023"); a trailing "*" (provisional) is reported, not part of the period.
 */
export function parsePeriodLabel(label: string): { period: Period; provisional: boolean } | undefined {
  let text = label.trim().toLocaleLowerCase('nl-NL').replace(/\s+/g, ' ');
  const provisional = text.endsWith('*');
  if (provisional) text = text.replace(/\s*\*+$/, '');
  const code = parsePeriodCode(text.toUpperCase());
  if (code) return { period: code, provisional };
  const found = readLabel(text);
  if (!found) return undefined;
  const { year, type, index } = found;
  const period = parsePeriodCode(formatPeriodCode({ year, type, index }));
  return period ? { period, provisional } : undefined;
}

function readLabel(text: string): Period | undefined {
  const year = LABEL_YEAR.exec(text);
  if (year) return { year: Number(year[1]), type: 'JJ', index: 0 };
  const part = LABEL_PART.exec(text);
  if (part)
    return { year: Number(part[1]), type: part[3] === 'halfjaar' ? 'HJ' : 'KW', index: Number(part[2]) };
  const partFirst = LABEL_PART_FIRST.exec(text);
  if (partFirst)
    return {
      year: Number(partFirst[3]),
      type: partFirst[2] === 'halfjaar' ? 'HJ' : 'KW',
      index: Number(partFirst[1]),
    };
  const month = LABEL_MONTH.exec(text);
  const monthFirst = LABEL_MONTH_FIRST.exec(text);
  const [yearText, monthText] = month
    ? [month[1], month[2]]
    : monthFirst
      ? [monthFirst[2], monthFirst[1]]
      : [];
  const monthIndex = MONTH_NAMES.indexOf(monthText as (typeof MONTH_NAMES)[number]);
  if (yearText && monthIndex >= 0) return { year: Number(yearText), type: 'MM', index: monthIndex + 1 };
  return undefined;
}

/** First day of the period, ISO. */
export function periodStart(period: Period): string {
  const month = period.type === 'JJ' ? 1 : ((period.index - 1) * 12) / PARTS_PER_YEAR[period.type] + 1;
  return `${period.year}-${String(month).padStart(2, '0')}-01`;
}

/** First day after the period, ISO (exclusive end). */
export function periodEnd(period: Period): string {
  const months = 12 / PARTS_PER_YEAR[period.type];
  const startMonth = period.type === 'JJ' ? 0 : (period.index - 1) * months;
  const endMonth = startMonth + months;
  const year = period.year + Math.floor(endMonth / 12);
  return `${year}-${String((endMonth % 12) + 1).padStart(2, '0')}-01`;
}

/**
 * The reference date for denominators: populations are counted on 1 January, so every period of a year uses
 * the population (and the division into gemeenten) of 1 January of that year.
 */
export function referenceDate(period: Period): string {
  return `${period.year}-01-01`;
}

export function isFiner(type: PeriodType, than: PeriodType): boolean {
  return FINENESS[type] > FINENESS[than];
}

/** The periods of a finer type that make up `period`, in order: 2024HJ02 → 2024KW03, 2024KW04. */
export function partsOf(period: Period, type: PeriodType): Period[] {
  if (!isFiner(type, period.type)) throw new Error(`${type} is not finer than ${period.type}`);
  const perParent = PARTS_PER_YEAR[type] / PARTS_PER_YEAR[period.type];
  const first = period.type === 'JJ' ? 1 : (period.index - 1) * perParent + 1;
  return Array.from({ length: perParent }, (_, offset) => ({
    year: period.year,
    type,
    index: first + offset,
  }));
}

/** The coarser period that contains `period`: 2024MM11 in KW → 2024KW04. */
export function containingPeriod(period: Period, type: PeriodType): Period {
  if (!isFiner(period.type, type)) throw new Error(`${period.type} is not finer than ${type}`);
  if (type === 'JJ') return { year: period.year, type, index: 0 };
  const perParent = PARTS_PER_YEAR[period.type] / PARTS_PER_YEAR[type];
  return { year: period.year, type, index: Math.ceil(period.index / perParent) };
}

/** Finer period types than `type`, coarse to fine: JJ → HJ, KW, MM. */
export function finerTypes(type: PeriodType): PeriodType[] {
  return PERIOD_TYPES.filter((candidate) => isFiner(candidate, type)).sort(
    (a, b) => FINENESS[a] - FINENESS[b],
  );
}

/** Orders periods by start, then coarse before fine. */
export function comparePeriods(a: Period, b: Period): number {
  return periodStart(a).localeCompare(periodStart(b)) || FINENESS[a.type] - FINENESS[b.type];
}
