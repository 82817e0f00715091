// SPDX-License-Identifier: EUPL-1.2
/**
 * The catalogue and figures pages without React: the query string of /cijfers and /cijfers/versies, the API
 * paths they lead to, which periods to offer, the cross table of areas × breakdown values, sorting, and how a
 * figure is written (by unit, with its markers). Pure functions; the pages only render what these return.
 */
import {
  type Aggregation,
  type FormulaKind,
  INDICATOR_SOURCES,
  type IndicatorSource,
  PERIOD_TYPES,
  type PeriodType,
  type Unit,
} from '../../../src/shared/figures.ts';
import { AREA_LEVELS, type AreaLevel, compareAreaNames, levelOfCode } from '../../../src/shared/geography.ts';
import {
  comparePeriods,
  containingPeriod,
  finerTypes,
  formatPeriodCode,
  isFiner,
  type Period,
  parsePeriodCode,
  partsOf,
  periodCodeLabel,
} from '../../../src/shared/periods.ts';
import type { Dimension, Indicator, IndicatorInput, ObservationItem } from '../api/figures-queries.ts';
import { texts } from '../texts.ts';
import type { FormError } from './form-errors.ts';

const t = texts.figures;

import { DEMO_FILE_NAME } from '../../../src/shared/figures.ts';

export { DEMO_FILE_NAME };

/** The indicator /cijfers shows when the URL names none, if the catalogue has it. */
export const DEFAULT_INDICATOR = 'vt_meldingen';

const CODE = /^[a-z][a-z0-9_]{1,62}$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// ---------------------------------------------------------------------------------------------------------
// Search parameters

/** The figures page's query string: `/cijfers?indicator=vt_meldingen&niveau=gemeente&periode=2024JJ00`. */
export interface FiguresSearch {
  indicator?: string;
  niveau?: AreaLevel;
  /** CBS period code: 2024JJ00, 2024HJ01, 2024KW03, 2024MM11. */
  periode?: string;
  /** A dimension code (aard_geweld): one column per value. */
  uitsplitsing?: string;
  /** ISO date: the figures as known at the end of that day. */
  peildatum?: string;
}

/** A text value of the query string; the router reads `?periode=2024` as a number. */
function text(value: unknown): string | undefined {
  const raw = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  return typeof raw === 'string' && raw.trim() !== '' && raw.length <= 100 ? raw.trim() : undefined;
}

export function isIndicatorCode(value: string): boolean {
  return CODE.test(value);
}

export function isAreaLevel(value: unknown): value is AreaLevel {
  return typeof value === 'string' && (AREA_LEVELS as readonly string[]).includes(value);
}

/** A real calendar date as YYYY-MM-DD (not 2025-02-30). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function periodCode(value: unknown): string | undefined {
  const candidate = text(value)?.toUpperCase();
  const period = candidate ? parsePeriodCode(candidate) : undefined;
  return period ? formatPeriodCode(period) : undefined;
}

/** Validates the page's query string; a value the API would refuse is left out rather than sent. */
export function parseFiguresSearch(search: Record<string, unknown>): FiguresSearch {
  const parsed: FiguresSearch = {};
  const indicator = text(search.indicator);
  const periode = periodCode(search.periode);
  const uitsplitsing = text(search.uitsplitsing);
  const peildatum = text(search.peildatum);
  if (indicator && isIndicatorCode(indicator)) parsed.indicator = indicator;
  if (isAreaLevel(search.niveau)) parsed.niveau = search.niveau;
  if (periode) parsed.periode = periode;
  if (uitsplitsing && isIndicatorCode(uitsplitsing)) parsed.uitsplitsing = uitsplitsing;
  if (peildatum && isIsoDate(peildatum)) parsed.peildatum = peildatum;
  return parsed;
}

/** What the figures page shows once defaults are filled in. */
export interface FiguresSelection {
  indicator: string;
  level: AreaLevel;
  period: string;
  /** A dimension code, or null for the total. */
  breakdown: string | null;
  asOf: string | null;
}

/** The query string for a selection, in the page's Dutch names; defaults are left out to keep URLs short. */
export function figuresSearchFor(selection: FiguresSelection): FiguresSearch {
  const search: FiguresSearch = { indicator: selection.indicator };
  if (selection.level !== 'gemeente') search.niveau = selection.level;
  if (selection.period) search.periode = selection.period;
  if (selection.breakdown) search.uitsplitsing = selection.breakdown;
  if (selection.asOf) search.peildatum = selection.asOf;
  return search;
}

/** The indicator to show: the URL's when the catalogue has it, else vt_meldingen, else the first one. */
export function chooseIndicator<T extends { code: string }>(
  items: readonly T[],
  requested: string | undefined,
): T | undefined {
  return (
    (requested ? items.find((item) => item.code === requested) : undefined) ??
    items.find((item) => item.code === DEFAULT_INDICATOR) ??
    items[0]
  );
}

/** The breakdown to show: the URL's if this indicator has it, else none. */
export function chooseBreakdown(indicator: Pick<Indicator, 'breakdowns'>, requested: string | undefined) {
  return requested && indicator.breakdowns.includes(requested) ? requested : null;
}

/** `/cijfers/versies?indicator=…&gebied=GM0363&periode=2024HJ01&uitsplitsing=aard_geweld%3Dkindermishandeling`. */
export interface VersionsSearch {
  indicator?: string;
  gebied?: string;
  periode?: string;
  /** The breakdown key (`aard_geweld=kindermishandeling`); absent: the total. */
  uitsplitsing?: string;
}

const AREA_CODE = /^(GM\d{4}|VT\d{2}|PV\d{2}|NL\d{2})$/;
const BREAKDOWN_KEY = /^[a-z][a-z0-9_]*=[a-z0-9_]+(\|[a-z][a-z0-9_]*=[a-z0-9_]+)*$/;

export function parseVersionsSearch(search: Record<string, unknown>): VersionsSearch {
  const parsed: VersionsSearch = {};
  const indicator = text(search.indicator);
  const gebied = text(search.gebied)?.toUpperCase();
  const periode = periodCode(search.periode);
  const uitsplitsing = text(search.uitsplitsing);
  if (indicator && isIndicatorCode(indicator)) parsed.indicator = indicator;
  if (gebied && AREA_CODE.test(gebied)) parsed.gebied = gebied;
  if (periode) parsed.periode = periode;
  if (uitsplitsing && BREAKDOWN_KEY.test(uitsplitsing)) parsed.uitsplitsing = uitsplitsing;
  return parsed;
}

/** The versions page's link for one figure. */
export function versionsSearchFor(
  item: Pick<ObservationItem, 'indicator' | 'areaCode' | 'period' | 'breakdown'>,
) {
  const key = breakdownKeyOf(item.breakdown);
  const search: VersionsSearch = { indicator: item.indicator, gebied: item.areaCode, periode: item.period };
  if (key) search.uitsplitsing = key;
  return search;
}

/** Back from a figure's versions to the figures page it belongs to. */
export function figuresSearchForVersions(
  search: Required<Pick<VersionsSearch, 'indicator' | 'gebied' | 'periode'>>,
) {
  const level = levelOfCode(search.gebied) ?? 'gemeente';
  return figuresSearchFor({
    indicator: search.indicator,
    level,
    period: search.periode,
    breakdown: null,
    asOf: null,
  });
}

// ---------------------------------------------------------------------------------------------------------
// API paths

export interface ObservationParams {
  indicator: string;
  level: AreaLevel;
  period: string;
  breakdown?: string | null;
  asOf?: string | null;
}

/** GET /api/observations for a selection; with `csv` the same figures as a file for Excel. */
export function observationsPath(params: ObservationParams, format?: 'csv'): string {
  const query = new URLSearchParams({
    indicator: params.indicator,
    level: params.level,
    period: params.period,
  });
  if (params.breakdown) query.set('breakdown', params.breakdown);
  if (params.asOf) query.set('asOf', params.asOf);
  if (format) query.set('format', format);
  return `/api/observations?${query.toString()}`;
}

/**
 * The periods with figures: asked for Nederland without a period, the API answers one item per period that has
 * any figure of the indicator (or, for a derived indicator, of its numerator).
 */
export function periodsPath(indicator: string): string {
  return `/api/observations?${new URLSearchParams({ indicator, level: 'land' }).toString()}`;
}

/** Canonical breakdown key as the API stores it: `aard_geweld=kindermishandeling`, '' for the total. */
export function breakdownKeyOf(breakdown: Readonly<Record<string, string>>): string {
  return Object.keys(breakdown)
    .filter((dimension) => breakdown[dimension])
    .sort()
    .map((dimension) => `${dimension}=${breakdown[dimension]}`)
    .join('|');
}

export function historyPath(key: {
  indicator: string;
  area: string;
  period: string;
  breakdown?: string;
}): string {
  const query = new URLSearchParams({
    indicator: key.indicator,
    area: key.area,
    period: key.period,
    breakdown: key.breakdown ?? '',
  });
  return `/api/observations/history?${query.toString()}`;
}

// ---------------------------------------------------------------------------------------------------------
// Periods

function parsed(codes: Iterable<string>): Period[] {
  const periods: Period[] = [];
  for (const code of codes) {
    const period = parsePeriodCode(code);
    if (period) periods.push(period);
  }
  return periods;
}

/**
 * The periods to offer for an indicator: those with figures, limited to the indicator's period types, and, when
 * the API adds figures up (`rollsUp`: additive or derived indicators), the longer periods that contain them (a
 * year for half-years). Newest year first; within a year the year itself, then half-years, quarters and months
 * in order.
 */
export function availablePeriods(
  codes: Iterable<string>,
  periodTypes: readonly PeriodType[],
  rollsUp: boolean,
): string[] {
  const offered = new Set<string>();
  for (const period of parsed(codes)) {
    if (periodTypes.includes(period.type)) offered.add(formatPeriodCode(period));
    if (!rollsUp) continue;
    for (const type of periodTypes)
      if (isFiner(period.type, type)) offered.add(formatPeriodCode(containingPeriod(period, type)));
  }
  return sortPeriodsNewestYearFirst([...offered]);
}

/** Whether the API adds this indicator up from shorter periods (its own figures, or a derived one's parts). */
export function rollsUp(indicator: Pick<Indicator, 'aggregation' | 'formula'>): boolean {
  return indicator.aggregation === 'sum' || indicator.formula !== null;
}

export function sortPeriodsNewestYearFirst(codes: readonly string[]): string[] {
  return parsed(codes)
    .sort(
      (a, b) =>
        b.year - a.year ||
        PERIOD_TYPES.indexOf(a.type) - PERIOD_TYPES.indexOf(b.type) ||
        comparePeriods(a, b),
    )
    .map(formatPeriodCode);
}

/** The periods grouped by year for the period select (`<optgroup label="2024">`). */
export function periodGroups(
  codes: readonly string[],
): { year: string; periods: { value: string; label: string }[] }[] {
  const groups: { year: string; periods: { value: string; label: string }[] }[] = [];
  for (const code of codes) {
    const year = code.slice(0, 4);
    let group = groups.at(-1);
    if (group?.year !== year) {
      group = { year, periods: [] };
      groups.push(group);
    }
    group.periods.push({ value: code, label: periodCodeLabel(code) });
  }
  return groups;
}

/** True when the stored periods cover `period` as the API adds up: itself, or all parts of one finer type. */
function isCovered(period: Period, stored: ReadonlySet<string>): boolean {
  if (stored.has(formatPeriodCode(period))) return true;
  return finerTypes(period.type).some((type) =>
    partsOf(period, type).every((part) => stored.has(formatPeriodCode(part))),
  );
}

/**
 * The period to show first: the newest year the stored figures cover completely (a year with only its first
 * half-year would show nothing but "onvolledig"), else the newest offered period.
 */
export function defaultPeriod(storedCodes: Iterable<string>, offered: readonly string[]): string | undefined {
  const stored = new Set(storedCodes);
  const periods = parsed(offered).sort((a, b) => comparePeriods(b, a));
  const year = periods.find((period) => period.type === 'JJ' && isCovered(period, stored));
  const chosen = year ?? periods[0];
  return chosen ? formatPeriodCode(chosen) : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// The table: one row per area; with a breakdown one column per value

export interface FigureRow {
  areaCode: string;
  areaName: string;
  areaLevel: AreaLevel;
  /** The figure without breakdown (the total), when asked for. */
  total: ObservationItem | undefined;
  /** With a breakdown: the figure of each value of the dimension, by value code. */
  byValue: Map<string, ObservationItem>;
}

/**
 * Pivots the API's items into one row per area, in the order the API gives (by name). `items` are the
 * figures of `dimension`'s values (or the totals when there is no dimension); `totals` adds the totals to a
 * cross table.
 */
export function figureRows(
  items: readonly ObservationItem[],
  dimension: string | null,
  totals: readonly ObservationItem[] = [],
): FigureRow[] {
  const rows = new Map<string, FigureRow>();
  const rowOf = (item: ObservationItem) => {
    let row = rows.get(item.areaCode);
    if (!row) {
      row = {
        areaCode: item.areaCode,
        areaName: item.areaName,
        areaLevel: item.areaLevel,
        total: undefined,
        byValue: new Map(),
      };
      rows.set(item.areaCode, row);
    }
    return row;
  };
  for (const item of items) {
    const row = rowOf(item);
    const value = dimension ? item.breakdown[dimension] : undefined;
    if (dimension && value) row.byValue.set(value, item);
    else if (!dimension && breakdownKeyOf(item.breakdown) === '') row.total = item;
  }
  for (const item of totals) if (breakdownKeyOf(item.breakdown) === '') rowOf(item).total = item;
  return [...rows.values()];
}

/** Sort by area name, by the total, or by one breakdown value's column (`value:kindermishandeling`). */
export type FigureSortKey = 'name' | 'total' | `value:${string}`;
export interface FigureSort {
  key: FigureSortKey;
  direction: 'ascending' | 'descending';
}

function cellOf(row: FigureRow, key: FigureSortKey): ObservationItem | undefined {
  if (key === 'total') return row.total;
  if (key.startsWith('value:')) return row.byValue.get(key.slice('value:'.length));
  return undefined;
}

/** A sorted copy; areas without a figure come last in either direction, ties in name order. */
export function sortFigureRows(rows: readonly FigureRow[], { key, direction }: FigureSort): FigureRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (key === 'name') return compareAreaNames(a.areaName, b.areaName) * sign;
    const valueA = cellOf(a, key)?.value ?? null;
    const valueB = cellOf(b, key)?.value ?? null;
    if (valueA === null || valueB === null) {
      if (valueA === valueB) return compareAreaNames(a.areaName, b.areaName);
      return valueA === null ? 1 : -1;
    }
    return (valueA - valueB) * sign || compareAreaNames(a.areaName, b.areaName);
  });
}

/** A click on a column header: the same column flips, a figures column starts with the highest. */
export function nextFigureSort(current: FigureSort, key: FigureSortKey): FigureSort {
  if (current.key === key)
    return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: key === 'name' ? 'ascending' : 'descending' };
}

// ---------------------------------------------------------------------------------------------------------
// Writing figures

type UnitOf = Pick<Indicator, 'unit'> & { formula: { kind: FormulaKind } | null };

const oneDecimal = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const upToOneDecimal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
const upToTwoDecimals = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });
const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 2 });

/**
 * A figure in Dutch notation by its unit: 1020 → "1.020"; per 1.000 always with one decimal ("1,1");
 * percentages with one decimal and % ("12,5%"); days with up to one decimal; euros as "€ 1.234,50".
 */
export function formatFigure(value: number, indicator: UnitOf): string {
  if (indicator.formula?.kind === 'per-1000') return oneDecimal.format(value);
  switch (indicator.unit) {
    case 'percentage':
      return `${oneDecimal.format(value)}%`;
    case 'dagen':
      return upToOneDecimal.format(value);
    case 'euro':
      return euro.format(value);
    case 'aantal':
      return upToTwoDecimals.format(value);
  }
}

/** The unit as a column header or caption says it: "aantal", "per 1.000 inwoners", "percentage". */
export function unitLabel(
  indicator: Pick<Indicator, 'unit' | 'formula'>,
  catalogue: ReadonlyMap<string, Pick<Indicator, 'name'>>,
): string {
  if (indicator.formula?.kind === 'per-1000') {
    const denominator = catalogue.get(indicator.formula.denominator)?.name ?? indicator.formula.denominator;
    return texts.indicators.perThousand(denominator.toLocaleLowerCase('nl-NL')).toLocaleLowerCase('nl-NL');
  }
  return texts.indicators.units[indicator.unit].toLocaleLowerCase('nl-NL');
}

/** "Meldingen per 1.000 inwoners = vt_meldingen ÷ inwoners × 1.000"; null for a stored indicator. */
export function formulaText(indicator: Pick<Indicator, 'name' | 'formula'>): string | null {
  const formula = indicator.formula;
  if (!formula) return null;
  const say =
    formula.kind === 'per-1000' ? texts.indicators.formulaPerThousand : texts.indicators.formulaPercentage;
  return say(indicator.name, formula.numerator, formula.denominator);
}

/** How many missing parts a marker names before it says "en N andere". */
const MISSING_SHOWN = 5;

/**
 * "onvolledig: ontbreekt voor 2e halfjaar 2024" or "… voor Amsterdam, Diemen en 3 andere": the parts (periods
 * or gemeenten, these in alphabetical order) a roll-up lacked. `nameOf` names an area code; periods are named
 * here.
 */
export function missingText(
  missing: readonly string[],
  nameOf: (code: string) => string | undefined,
): string {
  const periods = missing.filter((code) => parsePeriodCode(code));
  const areas = missing.filter((code) => !parsePeriodCode(code)).map((code) => nameOf(code) ?? code);
  const names = [...periods.map(periodCodeLabel), ...areas.sort(compareAreaNames)];
  const shown = names.slice(0, MISSING_SHOWN);
  const list =
    names.length > MISSING_SHOWN
      ? t.andOthers(shown.join(', '), names.length - MISSING_SHOWN)
      : shown.length > 1
        ? `${shown.slice(0, -1).join(', ')} en ${shown.at(-1)}`
        : (shown[0] ?? '');
  return t.incomplete(list);
}

/** What to say next to a figure: why it is missing, or that it differs from the sum of the gemeenten. */
export function figureNote(
  item: Pick<ObservationItem, 'value' | 'missing' | 'differs' | 'computedValue'> & { note?: string | null },
  indicator: UnitOf,
  nameOf: (code: string) => string | undefined,
): string | null {
  if (item.value === null && item.note) return item.note;
  if (item.value === null && item.missing.length > 0) return missingText(item.missing, nameOf);
  if (item.differs && item.computedValue !== null)
    return t.differs(formatFigure(item.computedValue, indicator));
  return null;
}

/**
 * The notes of a cross table's row in one cell rather than in every column: one note when the columns share it
 * (a missing half-year is missing for every breakdown value), else each note with the columns it is about.
 */
export function combinedNotes(cells: readonly { label: string; note: string | null }[]): string[] {
  const byNote = new Map<string, string[]>();
  for (const cell of cells)
    if (cell.note !== null) byNote.set(cell.note, [...(byNote.get(cell.note) ?? []), cell.label]);
  if (byNote.size <= 1) return [...byNote.keys()];
  return [...byNote].map(([note, labels]) => `${labels.join(', ')}: ${note}`);
}

/** The text of a figure's cell: the number, or "onbekend" (incomplete) or "geen cijfer". */
export function figureText(
  item: Pick<ObservationItem, 'value' | 'missing'> | undefined,
  indicator: UnitOf,
): string {
  if (!item || item.value === null) return item && item.missing.length > 0 ? t.unknownValue : t.noValue;
  return formatFigure(item.value, indicator);
}

/** Gemeente codes named in markers, for looking up their names. */
export function missingAreaCodes(items: readonly ObservationItem[]): string[] {
  const codes = new Set<string>();
  for (const item of items) for (const code of item.missing) if (!parsePeriodCode(code)) codes.add(code);
  return [...codes];
}

// ---------------------------------------------------------------------------------------------------------
// The catalogue

/** The indicators by source, in the order of INDICATOR_SOURCES; sources without indicators left out. */
export function indicatorsBySource<T extends { source: IndicatorSource }>(
  items: readonly T[],
): { source: IndicatorSource; items: T[] }[] {
  return INDICATOR_SOURCES.map((source) => ({
    source,
    items: items.filter((item) => item.source === source),
  })).filter((group) => group.items.length > 0);
}

/** The names of an indicator's breakdowns ("Aard van het geweld, Melder"), codes for unknown ones. */
export function breakdownNames(
  codes: readonly string[],
  dimensions: readonly Pick<Dimension, 'code' | 'name'>[],
): string[] {
  return codes.map((code) => dimensions.find((dimension) => dimension.code === code)?.name ?? code);
}

// ---------------------------------------------------------------------------------------------------------
// The form "Indicator toevoegen"

export interface IndicatorFormValues {
  code: string;
  name: string;
  definition: string;
  source: IndicatorSource | '';
  unit: Unit | '';
  periodTypes: PeriodType[];
  aggregation: Aggregation;
  /** '' for "no fixed direction" (null in the API). */
  higherIsBetter: 'hoger' | 'lager' | '';
  breakdowns: string[];
  /** '' for a stored indicator, whose figures are imported. */
  formulaKind: FormulaKind | '';
  numerator: string;
  denominator: string;
}

export const EMPTY_INDICATOR: IndicatorFormValues = {
  code: '',
  name: '',
  definition: '',
  source: '',
  unit: '',
  periodTypes: [],
  aggregation: 'sum',
  higherIsBetter: '',
  breakdowns: [],
  formulaKind: '',
  numerator: '',
  denominator: '',
};

/** The form's fields, named as the API names its body (so a 400 about `code` lands at the code field). */
export const INDICATOR_FIELDS = [
  'code',
  'name',
  'definition',
  'source',
  'unit',
  'periodTypes',
  'aggregation',
  'higherIsBetter',
  'breakdowns',
  'formula',
  'numerator',
  'denominator',
] as const;

/** What the form checks before sending; the server checks the rest (a free code, a consistent formula). */
export function indicatorFormErrors(values: IndicatorFormValues): FormError[] {
  const m = texts.indicators;
  const errors: FormError[] = [];
  if (!isIndicatorCode(values.code.trim())) errors.push({ field: 'code', message: m.codeInvalid });
  if (values.name.trim() === '') errors.push({ field: 'name', message: m.nameEmpty });
  if (values.definition.trim() === '') errors.push({ field: 'definition', message: m.definitionEmpty });
  if (values.source === '') errors.push({ field: 'source', message: m.sourceEmpty });
  if (values.unit === '') errors.push({ field: 'unit', message: m.unitEmpty });
  if (values.periodTypes.length === 0) errors.push({ field: 'periodTypes', message: m.periodTypesEmpty });
  if (values.formulaKind !== '') {
    if (values.numerator === '') errors.push({ field: 'numerator', message: m.numeratorEmpty });
    if (values.denominator === '') errors.push({ field: 'denominator', message: m.denominatorEmpty });
  }
  return errors;
}

/** The request body of POST /api/indicators; call only when `indicatorFormErrors` found nothing. */
export function indicatorBody(values: IndicatorFormValues): IndicatorInput {
  return {
    code: values.code.trim(),
    name: values.name.trim(),
    definition: values.definition.trim(),
    source: values.source as IndicatorSource,
    unit: values.unit as Unit,
    // In the catalogue's order (JJ, HJ, KW, MM), whatever order they were ticked in.
    periodTypes: PERIOD_TYPES.filter((type) => values.periodTypes.includes(type)),
    aggregation: values.aggregation,
    higherIsBetter: values.higherIsBetter === '' ? null : values.higherIsBetter === 'hoger',
    breakdowns: values.breakdowns,
    formula:
      values.formulaKind === ''
        ? null
        : { kind: values.formulaKind, numerator: values.numerator, denominator: values.denominator },
  };
}

/**
 * Choosing a calculation: a derived indicator never adds up, and its unit follows from the kind (per 1.000 is
 * a number, a percentage a percentage), so the form sets those at once; none clears the parts.
 */
export function withFormulaKind(values: IndicatorFormValues, kind: string): IndicatorFormValues {
  if (kind === 'per-1000' || kind === 'percentage')
    return {
      ...values,
      formulaKind: kind,
      aggregation: 'none',
      unit: kind === 'per-1000' ? 'aantal' : 'percentage',
    };
  return { ...values, formulaKind: '', numerator: '', denominator: '' };
}

/** Indicators a formula may use: stored (not derived) and additive. */
export function formulaParts<T extends Pick<Indicator, 'aggregation' | 'formula'>>(items: readonly T[]): T[] {
  return items.filter((item) => item.aggregation === 'sum' && item.formula === null);
}
