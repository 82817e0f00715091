/**
 * Pure rules for figures: reading numbers as Dutch files write them, validating one imported row, breakdown keys,
 * and rolling figures up over periods and areas. No I/O; the import pipeline and the read service call these.
 */
import { OBSERVATION_STATUSES, type ObservationStatus, PERIOD_TYPE_LABELS } from '../../../shared/figures.ts';
import { type AreaLevel, levelOfCode } from '../../../shared/geography.ts';
import {
  finerTypes,
  formatPeriodCode,
  type Period,
  parsePeriodLabel,
  partsOf,
  periodEnd,
  periodLabel,
  periodStart,
} from '../../../shared/periods.ts';
import type { Formula, Indicator } from './figures.catalogue.ts';

// ---------------------------------------------------------------------------------------------------------
// Numbers

/**
 * How a file writes decimals. `comma`: Dutch (`1.234,5`; a dot only groups thousands). `dot`: `1234.5`, no
 * grouping. `plain`: whole numbers and either decimal sign, but never grouping (CBS downloads).
 */
export type DecimalStyle = 'comma' | 'dot' | 'plain';

const COMMA_STYLE = /^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/;
const DOT_STYLE = /^-?\d+(\.\d+)?$/;
const PLAIN_STYLE = /^-?\d+([.,]\d+)?$/;

/** The number in `text`, or undefined when it is not a number in that style (never a guess). */
export function parseDecimal(text: string, style: DecimalStyle): number | undefined {
  const trimmed = text.trim().replace(/^\+/, '');
  if (trimmed === '') return undefined;
  let normalized: string;
  if (style === 'comma') {
    if (!COMMA_STYLE.test(trimmed)) return undefined;
    normalized = trimmed.replaceAll('.', '').replace(',', '.');
  } else if (style === 'dot') {
    if (!DOT_STYLE.test(trimmed)) return undefined;
    normalized = trimmed;
  } else {
    if (!PLAIN_STYLE.test(trimmed)) return undefined;
    normalized = trimmed.replace(',', '.');
  }
  const value = Number(normalized);
  return Number.isFinite(value) ? value : undefined;
}

export function decimalHint(style: DecimalStyle): string {
  if (style === 'comma')
    return 'schrijf het getal als 1234 of 1.234,5 (komma voor decimalen, punt voor duizendtallen)';
  if (style === 'dot')
    return 'schrijf het getal als 1234 of 1234.5 (punt voor decimalen, geen scheiding van duizendtallen)';
  return 'schrijf het getal als 1234 of 1234,5 (zonder scheiding van duizendtallen)';
}

// ---------------------------------------------------------------------------------------------------------
// Breakdowns

/** Dimension code → value code. A dimension left out means "total over that dimension". */
export type Breakdown = Readonly<Record<string, string>>;

/** Canonical text key of a breakdown: `aard_geweld=kindermishandeling|melder=politie_justitie`; '' is the total. */
export function breakdownKey(breakdown: Breakdown): string {
  return Object.keys(breakdown)
    .filter((dimension) => breakdown[dimension] !== '')
    .sort()
    .map((dimension) => `${dimension}=${breakdown[dimension]}`)
    .join('|');
}

export function parseBreakdownKey(key: string): Record<string, string> {
  const breakdown: Record<string, string> = {};
  if (key === '') return breakdown;
  for (const part of key.split('|')) {
    const [dimension, value] = part.split('=');
    if (dimension && value) breakdown[dimension] = value;
  }
  return breakdown;
}

// ---------------------------------------------------------------------------------------------------------
// Validating one row

/** A cell as read from a file: the column's name as the user sees it, and the text in it. */
export type Cell = { column: string; text: string };

/** One figure as a format reader found it, before validation. */
export type RawObservation = {
  /** Row number in the file as a spreadsheet shows it (the header is row 1). */
  row: number;
  indicator: Cell;
  area: Cell;
  period: Cell;
  /** `number` when the file typed it (XLSX number cell, JSON); otherwise the text is parsed. */
  value: Cell & { number?: number };
  status: Cell | null;
  breakdown: ReadonlyArray<{ dimension: string; cell: Cell }>;
};

export type ValidObservation = {
  row: number;
  indicator: string;
  area: string;
  period: string;
  breakdown: string;
  value: number;
  status: ObservationStatus;
};

export type Severity = 'fout' | 'waarschuwing';

export type ImportProblem = {
  severity: Severity;
  row: number | null;
  column: string | null;
  value: string | null;
  message: string;
};

export type AreaFacts = {
  code: string;
  name: string;
  level: AreaLevel;
  validFrom: string;
  validTo: string | null;
};

export type ValidationContext = {
  indicators: ReadonlyMap<string, Indicator>;
  /** Dimension code → its value codes. */
  dimensions: ReadonlyMap<string, ReadonlySet<string>>;
  areas: ReadonlyMap<string, AreaFacts>;
  /** Where the territory of an ended gemeente went (merger table), as "code name" texts. */
  successorsOf(code: string): string[];
  decimalStyle: DecimalStyle;
  /** For suppliers: whether their organisation may deliver figures for this area (beheerders: always). */
  mayDeliver(code: string): boolean;
  /** The first date the shipped division is claimed for: areas "starting" then may well be older. */
  divisionKnownFrom: string;
  /** Said when `mayDeliver` refuses: which areas the user does deliver for. */
  deliveryScopeText: string;
};

const STATUS_ALIASES: Record<string, ObservationStatus> = {
  voorlopig: 'voorlopig',
  v: 'voorlopig',
  '*': 'voorlopig',
  definitief: 'definitief',
  d: 'definitief',
};

function problem(
  cell: Cell | null,
  row: number,
  message: string,
  severity: Severity = 'fout',
): ImportProblem {
  return { severity, row, column: cell?.column ?? null, value: cell?.text ?? null, message };
}

function closest(candidates: Iterable<string>, text: string): string | undefined {
  const wanted = text.toLowerCase();
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const score = editDistance(candidate, wanted);
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best !== undefined && bestScore <= Math.max(2, Math.floor(wanted.length / 3)) ? best : undefined;
}

/** Levenshtein distance, for "did you mean" hints on short codes. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0] as number;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j] as number;
      previous[j] = Math.min(
        above + 1,
        (previous[j - 1] as number) + 1,
        diagonal + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      diagonal = above;
    }
  }
  return previous[b.length] as number;
}

/** A file names a few hundred periods a million times: parse each text once (bounded, so memory stays flat). */
const periodCache = new Map<string, ReturnType<typeof parsePeriodLabel>>();
function parsePeriodCached(text: string): ReturnType<typeof parsePeriodLabel> {
  const cached = periodCache.get(text);
  if (cached !== undefined || periodCache.has(text)) return cached;
  if (periodCache.size >= 10_000) periodCache.clear();
  const parsed = parsePeriodLabel(text);
  periodCache.set(text, parsed);
  return parsed;
}

/**
 * Validates one raw row against the catalogue and the geography. Returns the observation, or every problem in
 * the row (not only the first), each saying what is wrong and how to fix it.
 */
export function validateObservation(
  raw: RawObservation,
  context: ValidationContext,
): { observation: ValidObservation; problems: [] } | { observation: null; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const row = raw.row;

  const indicatorCode = raw.indicator.text.trim();
  const indicator = context.indicators.get(indicatorCode);
  if (!indicator) {
    const hint = closest(context.indicators.keys(), indicatorCode);
    problems.push(
      problem(
        raw.indicator,
        row,
        indicatorCode === ''
          ? 'Indicator ontbreekt. Vul de code van een indicator uit de indicatorencatalogus in.'
          : `Onbekende indicator "${indicatorCode}".${hint ? ` Bedoelt u "${hint}"?` : ''} Gebruik een code uit de indicatorencatalogus (/indicatoren).`,
      ),
    );
  } else if (indicator.formula) {
    problems.push(
      problem(
        raw.indicator,
        row,
        `"${indicatorCode}" is een afgeleide indicator: die wordt berekend uit ${indicator.formula.numerator} en ${indicator.formula.denominator}. Lever die twee aan in plaats van deze.`,
      ),
    );
  }

  const period = parsePeriodCached(raw.period.text);
  if (!period) {
    problems.push(
      problem(
        raw.period,
        row,
        'Onbekende periode. Gebruik een CBS-periodecode: 2024JJ00 (jaar), 2024HJ01 (halfjaar), 2024KW03 (kwartaal) of 2024MM11 (maand).',
      ),
    );
  } else if (indicator && !indicator.periodTypes.includes(period.period.type)) {
    const allowed = indicator.periodTypes.map((type) => PERIOD_TYPE_LABELS[type]).join(', ');
    problems.push(
      problem(
        raw.period,
        row,
        `Indicator "${indicator.code}" kent geen cijfers per ${PERIOD_TYPE_LABELS[period.period.type]}. Toegestaan: ${allowed}.`,
      ),
    );
  }

  const areaCode = raw.area.text.trim().toUpperCase();
  const area = context.areas.get(areaCode);
  if (!area) {
    problems.push(
      problem(
        raw.area,
        row,
        levelOfCode(areaCode)
          ? `Onbekende gebiedscode "${areaCode}". Controleer de code in de lijst van gemeenten en regio's (/gebieden).`
          : 'Geen geldige gebiedscode. Gebruik een CBS-code: GM0363 (gemeente), VT01 (Veilig Thuis-regio), PV27 (provincie) of NL01 (Nederland).',
      ),
    );
  } else if (!context.mayDeliver(area.code)) {
    problems.push(
      problem(
        raw.area,
        row,
        `U mag geen cijfers aanleveren voor ${area.name} (${area.code}): uw organisatie levert aan voor ${context.deliveryScopeText}. Laat deze regel weg of vraag een beheerder om de import.`,
      ),
    );
  } else if (period) {
    const start = periodStart(period.period);
    const end = periodEnd(period.period);
    if (area.validTo !== null && area.validTo <= start) {
      const successors = context.successorsOf(area.code);
      problems.push(
        problem(
          raw.area,
          row,
          `${area.name} (${area.code}) bestaat sinds ${area.validTo} niet meer en heeft geen cijfers over ${periodLabel(period.period)}.${successors.length ? ` Gebruik de opvolger: ${successors.join(', ')}.` : ''}`,
        ),
      );
    } else if (
      area.level === 'gemeente' &&
      area.validFrom >= end &&
      area.validFrom === context.divisionKnownFrom
    ) {
      problems.push(
        problem(
          raw.area,
          row,
          `Ketenzicht kent de gemeentelijke indeling vanaf ${context.divisionKnownFrom}; cijfers over ${periodLabel(period.period)} kunnen nog niet worden ingelezen.`,
        ),
      );
    } else if (area.level === 'gemeente' && area.validFrom >= end) {
      // Only gemeenten come into being on a date (a merger); the shipped data's start date of regions and
      // provinces is where its claims begin, not when the region began (ADR 0002).
      problems.push(
        problem(
          raw.area,
          row,
          `${area.name} (${area.code}) bestaat pas sinds ${area.validFrom}, dus niet in ${periodLabel(period.period)}. Gebruik de gemeente(n) van toen.`,
        ),
      );
    }
  }

  const breakdown: Record<string, string> = {};
  for (const { dimension, cell } of raw.breakdown) {
    const text = cell.text.trim();
    if (text === '') continue;
    const values = context.dimensions.get(dimension);
    if (!values) continue; // the reader only passes known dimensions
    if (indicator && !indicator.breakdowns.includes(dimension)) {
      problems.push(
        problem(
          cell,
          row,
          `Indicator "${indicator.code}" heeft geen uitsplitsing naar ${dimension}. Laat deze kolom leeg voor deze indicator.`,
        ),
      );
    } else if (!values.has(text)) {
      const hint = closest(values, text);
      problems.push(
        problem(
          cell,
          row,
          `Onbekende waarde "${text}" voor ${dimension}.${hint ? ` Bedoelt u "${hint}"?` : ''} Toegestaan: ${[...values].join(', ')}.`,
        ),
      );
    } else breakdown[dimension] = text;
  }

  // A derived indicator is refused above; checking its value by unit would only add noise.
  const value = readValue(
    raw.value,
    row,
    indicator?.formula ? undefined : indicator,
    context.decimalStyle,
    problems,
  );

  let status: ObservationStatus = period?.provisional ? 'voorlopig' : 'definitief';
  if (raw.status && raw.status.text.trim() !== '') {
    const known = STATUS_ALIASES[raw.status.text.trim().toLowerCase()];
    if (!known)
      problems.push(
        problem(
          raw.status,
          row,
          `Onbekende status. Gebruik ${OBSERVATION_STATUSES.join(' of ')} (of laat leeg voor definitief).`,
        ),
      );
    else status = known;
  }

  if (problems.length > 0 || !indicator || !period || !area || value === undefined)
    return { observation: null, problems };
  return {
    observation: {
      row,
      indicator: indicator.code,
      area: area.code,
      period: formatPeriodCode(period.period),
      breakdown: breakdownKey(breakdown),
      value,
      status,
    },
    problems: [],
  };
}

function readValue(
  cell: Cell & { number?: number },
  row: number,
  indicator: Indicator | undefined,
  style: DecimalStyle,
  problems: ImportProblem[],
): number | undefined {
  const value = cell.number ?? parseDecimal(cell.text, style);
  if (value === undefined) {
    problems.push(
      problem(
        cell,
        row,
        cell.text.trim() === ''
          ? 'Waarde ontbreekt. Vul een getal in, of laat de hele regel weg als er geen cijfer is.'
          : `Geen getal. ${decimalHint(style)[0]?.toUpperCase()}${decimalHint(style).slice(1)}.`,
      ),
    );
    return undefined;
  }
  if (!indicator) return value;
  const before = problems.length;
  if (indicator.unit === 'percentage' && (value < 0 || value > 100))
    problems.push(
      problem(cell, row, 'Een percentage ligt tussen 0 en 100. Vul bijvoorbeeld 12,5 in voor 12,5%.'),
    );
  else if (indicator.unit === 'aantal' && value < 0)
    problems.push(problem(cell, row, 'Een aantal kan niet negatief zijn. Controleer het teken.'));
  else if (indicator.unit === 'aantal' && !Number.isInteger(value))
    problems.push(
      problem(cell, row, 'Een aantal is een heel getal. Controleer of de komma op de goede plaats staat.'),
    );
  else if (indicator.unit === 'dagen' && value < 0)
    problems.push(problem(cell, row, 'Een aantal dagen kan niet negatief zijn.'));
  return problems.length === before ? value : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Roll-ups

export type Origin = 'geleverd' | 'opgeteld';

export type RolledValue = {
  value: number | null;
  origin: Origin | null;
  /** Parts without a figure when a roll-up was incomplete: a missing month is not a zero. */
  missing: string[];
};

/**
 * The value of `target` from figures per period code: delivered directly, or summed from the first finer period
 * type that covers it completely. When no finer type is complete the value is unknown and the missing parts
 * of the best-covered type are named.
 */
export function rollUpPeriods(target: Period, byPeriod: ReadonlyMap<string, number>): RolledValue {
  const direct = byPeriod.get(formatPeriodCode(target));
  if (direct !== undefined) return { value: direct, origin: 'geleverd', missing: [] };
  let best: { missing: string[]; present: number } | null = null;
  for (const type of finerTypes(target.type)) {
    const parts = partsOf(target, type).map(formatPeriodCode);
    const present = parts.filter((code) => byPeriod.has(code));
    if (present.length === parts.length) {
      return {
        value: sum(present.map((code) => byPeriod.get(code) as number)),
        origin: 'opgeteld',
        missing: [],
      };
    }
    if (present.length > 0 && (!best || present.length / parts.length > best.present)) {
      best = { missing: parts.filter((code) => !byPeriod.has(code)), present: present.length / parts.length };
    }
  }
  return { value: null, origin: null, missing: best?.missing ?? [] };
}

/** Sum over parts (gemeenten of a region); unknown when any part is unknown, naming the parts that lack one. */
export function sumParts(parts: ReadonlyArray<{ code: string; value: number | null }>): RolledValue {
  const missing = parts.filter((part) => part.value === null).map((part) => part.code);
  if (parts.length === 0) return { value: null, origin: null, missing: [] };
  if (missing.length > 0) return { value: null, origin: null, missing };
  return { value: sum(parts.map((part) => part.value as number)), origin: 'opgeteld', missing: [] };
}

function sum(values: readonly number[]): number {
  // Figures are counts with at most a few decimals; rounding to 10 decimals removes binary noise like 0.30000000000000004.
  return Math.round(values.reduce((total, value) => total + value, 0) * 1e10) / 1e10;
}

export type Reconciled = {
  value: number | null;
  origin: Origin | null;
  /** The sum of the parts, when both it and a delivered figure exist. */
  computedValue: number | null;
  /** True when a source delivered a figure that differs from the sum of its parts. */
  differs: boolean;
  missing: string[];
};

/**
 * A region's figure can be delivered by a source and computed from its gemeenten. Both are kept: the delivered
 * figure is shown, the sum beside it, and a difference is flagged instead of silently choosing one.
 */
export function reconcile(delivered: number | null, computed: RolledValue): Reconciled {
  if (delivered === null) return { ...computed, computedValue: null, differs: false };
  const differs = computed.value !== null && Math.abs(computed.value - delivered) > 1e-9;
  return { value: delivered, origin: 'geleverd', computedValue: computed.value, differs, missing: [] };
}

/** A derived indicator's value from its two parts; unknown when a part is unknown or the denominator is 0. */
export function deriveValue(
  formula: Formula,
  numerator: number | null,
  denominator: number | null,
): number | null {
  if (numerator === null || denominator === null || denominator === 0) return null;
  const factor = formula.kind === 'per-1000' ? 1000 : 100;
  return (numerator / denominator) * factor;
}

/** Breakdown parts that add up to more than their total: a warning, since parts may overlap (several types). */
export function excessOverTotal(total: number, parts: readonly number[]): number | null {
  const partsSum = sum(parts);
  return partsSum > total + 1e-9 ? partsSum - total : null;
}

// ---------------------------------------------------------------------------------------------------------
// Distribution

/**
 * Splits a whole total over parts by weight so the parts are whole numbers that add up to exactly the total
 * (largest remainder: each part gets its floor, the biggest remainders get the units left over).
 */
export function distribute(total: number, weights: readonly number[]): number[] {
  if (!Number.isInteger(total) || total < 0) throw new Error('total must be a whole number ≥ 0');
  const weightSum = weights.reduce((sum, weight) => sum + Math.max(0, weight), 0);
  if (weights.length === 0) return [];
  if (weightSum === 0) return weights.map((_, index) => (index === 0 ? total : 0));
  const exact = weights.map((weight) => (Math.max(0, weight) / weightSum) * total);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((sum, part) => sum + part, 0);
  const order = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (left === 0) break;
    parts[index] = (parts[index] as number) + 1;
    left--;
  }
  return parts;
}
