/**
 * Reading figures: stored values as current or "as known on date D", rolled up over periods (months → year) and
 * over areas (gemeenten → region, province, Nederland) when a source did not deliver them, with derived
 * indicators computed when read. The arithmetic is in figures.domain.ts; this file fetches and arranges.
 */
import { sql } from 'drizzle-orm';
import { type ObservationStatus, PERIOD_TYPE_LABELS } from '../../../shared/figures.ts';
import type { AreaLevel } from '../../../shared/geography.ts';
import { compareAreaNames } from '../../../shared/geography.ts';
import {
  finerTypes,
  formatPeriodCode,
  type Period,
  parsePeriodCode,
  partsOf,
  periodCodeLabel,
  periodEnd,
  periodStart,
  referenceDate,
} from '../../../shared/periods.ts';
import { type Db, selectRows, textArray } from '../../db/client.ts';
import { BadRequestError, NotFoundError } from '../../errors.ts';
import type { Indicator } from './figures.catalogue.ts';
import {
  breakdownKey,
  deriveValue,
  parseBreakdownKey,
  type Reconciled,
  reconcile,
  rollUpPeriods,
  sumParts,
} from './figures.domain.ts';
import { loadCatalogueMaps } from './figures.repo.ts';

export type ObservationQuery = {
  indicator: string;
  level?: AreaLevel;
  areas?: string[];
  periods?: string[];
  /** Absent: the total. `aard_geweld`: every value of that dimension. `aard_geweld:kindermishandeling`: one. */
  breakdown?: string;
  /** ISO date (end of that day, Dutch time) or date-time: the figures as they were known then. */
  asOf?: string;
};

export type ObservationItem = {
  indicator: string;
  areaCode: string;
  areaName: string;
  areaLevel: AreaLevel;
  period: string;
  periodLabel: string;
  breakdown: Record<string, string>;
  value: number | null;
  status: ObservationStatus | null;
  /** geleverd: as delivered; opgeteld: summed from months or gemeenten; berekend: a derived indicator. */
  origin: 'geleverd' | 'opgeteld' | 'berekend' | null;
  /** The sum of the gemeenten when a source also delivered the region's figure. */
  computedValue: number | null;
  /** True when that sum differs from the delivered figure. */
  differs: boolean;
  /** Months or gemeenten without a figure, when a roll-up was incomplete (a missing part is not a zero). */
  missing: string[];
  /** Why there is no figure when no part is merely missing (e.g. a region's gemeenten are not known then). */
  note: string | null;
  /** Set when small-number protection hid the value (only on the way out, never in storage). */
  protection?: 'afgeschermd';
};

type AreaRow = { code: string; name: string; level: AreaLevel; valid_from: string; valid_to: string | null };
type StoredRow = {
  area_code: string;
  period: string;
  breakdown: string;
  value: number;
  status: ObservationStatus;
};

type Cell = Reconciled & { status: ObservationStatus | null; note?: string | null };

function asOfBound(asOf: string | undefined) {
  if (!asOf) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(asOf))
    return sql`((${asOf}::date + 1)::timestamp at time zone 'Europe/Amsterdam')`;
  const instant = new Date(asOf);
  if (Number.isNaN(instant.getTime()))
    throw new BadRequestError('peildatum moet een datum (2025-03-01) of tijdstip zijn.');
  return sql`${instant.toISOString()}::timestamptz + interval '1 microsecond'`;
}

function versionFilter(asOf: string | undefined) {
  const bound = asOfBound(asOf);
  return bound
    ? sql`o.recorded_at < ${bound} and (o.superseded_at is null or o.superseded_at >= ${bound}) and not o.withdrawn`
    : sql`o.superseded_at is null and not o.withdrawn`;
}

export async function readObservations(
  db: Db,
  query: ObservationQuery,
): Promise<{ indicator: Indicator; items: ObservationItem[] }> {
  const catalogue = await loadCatalogueMaps(db);
  const indicator = catalogue.indicators.get(query.indicator);
  if (!indicator)
    throw new NotFoundError(`Indicator "${query.indicator}" bestaat niet. Zie /api/indicators.`);

  const breakdowns = resolveBreakdowns(indicator, query.breakdown, catalogue.dimensions);
  const stored = indicator.formula ? catalogue.indicators.get(indicator.formula.numerator) : indicator;
  if (!stored) throw new NotFoundError(`Indicator "${indicator.formula?.numerator}" bestaat niet.`);
  const periods = await resolvePeriods(db, indicator, stored, query);
  if (periods.length === 0) return { indicator, items: [] };

  const items: ObservationItem[] = [];
  for (const period of periods) {
    const targets = await resolveTargets(db, query, period);
    if (targets.length === 0) continue;
    let cells: Map<string, Cell>;
    if (indicator.formula) {
      const numerator = await storedCells(db, stored, targets, period, breakdowns, query.asOf);
      const denominatorIndicator = catalogue.indicators.get(indicator.formula.denominator);
      if (!denominatorIndicator)
        throw new NotFoundError(`Indicator "${indicator.formula.denominator}" bestaat niet.`);
      const denominatorPeriod = denominatorIndicator.periodTypes.includes(period.type)
        ? period
        : (parsePeriodCode(`${period.year}JJ00`) as Period);
      const denominatorBreakdowns = breakdowns.map((key) =>
        Object.keys(parseBreakdownKey(key)).every((dimension) =>
          denominatorIndicator.breakdowns.includes(dimension),
        )
          ? key
          : '',
      );
      const denominator = await storedCells(
        db,
        denominatorIndicator,
        targets,
        denominatorPeriod,
        [...new Set(denominatorBreakdowns)],
        query.asOf,
      );
      cells = new Map();
      for (const target of targets) {
        breakdowns.forEach((key, index) => {
          const top = numerator.get(`${target.code}|${key}`);
          const bottom = denominator.get(`${target.code}|${denominatorBreakdowns[index]}`);
          const value = deriveValue(
            indicator.formula as NonNullable<Indicator['formula']>,
            top?.value ?? null,
            bottom?.value ?? null,
          );
          const status =
            top?.status === 'voorlopig' || bottom?.status === 'voorlopig'
              ? 'voorlopig'
              : value === null
                ? null
                : 'definitief';
          cells.set(`${target.code}|${key}`, {
            value: value === null ? null : Math.round(value * 1e6) / 1e6,
            origin: value === null ? null : 'geleverd',
            computedValue: null,
            differs: false,
            missing: [...(top?.missing ?? []), ...(bottom?.missing ?? [])],
            status,
          });
        });
      }
    } else {
      cells = await storedCells(db, indicator, targets, period, breakdowns, query.asOf);
    }
    const code = formatPeriodCode(period);
    for (const target of targets) {
      for (const key of breakdowns) {
        const cell = cells.get(`${target.code}|${key}`);
        items.push({
          indicator: indicator.code,
          areaCode: target.code,
          areaName: target.name,
          areaLevel: target.level,
          period: code,
          periodLabel: periodCodeLabel(code),
          breakdown: parseBreakdownKey(key),
          value: cell?.value ?? null,
          status: cell?.value === null || cell === undefined ? null : cell.status,
          origin:
            cell?.value === null || cell === undefined ? null : indicator.formula ? 'berekend' : cell.origin,
          computedValue: cell?.computedValue ?? null,
          differs: cell?.differs ?? false,
          missing: cell?.missing ?? [],
          note: cell?.value === null || cell === undefined ? (cell?.note ?? null) : null,
        });
      }
    }
  }
  return { indicator, items };
}

function resolveBreakdowns(
  indicator: Indicator,
  requested: string | undefined,
  dimensions: ReadonlyMap<string, ReadonlySet<string>>,
): string[] {
  if (!requested) return [''];
  const [dimension, value] = requested.split(':');
  const values = dimension ? dimensions.get(dimension) : undefined;
  if (!dimension || !values || !indicator.breakdowns.includes(dimension))
    throw new BadRequestError(
      `Indicator "${indicator.code}" heeft geen uitsplitsing "${dimension}". Mogelijk: ${indicator.breakdowns.join(', ') || 'geen'}.`,
    );
  if (value === undefined) return [...values].map((code) => breakdownKey({ [dimension]: code }));
  if (!values.has(value)) throw new BadRequestError(`Onbekende waarde "${value}" voor ${dimension}.`);
  return [breakdownKey({ [dimension]: value })];
}

/** The requested periods (of a type the indicator has), or every period with stored figures. */
async function resolvePeriods(
  db: Db,
  requested: Indicator,
  indicator: Indicator,
  query: ObservationQuery,
): Promise<Period[]> {
  if (query.periods && query.periods.length > 0) {
    return query.periods.map((code) => {
      const period = parsePeriodCode(code);
      if (!period)
        throw new BadRequestError(`Onbekende periode "${code}". Gebruik bijvoorbeeld 2024JJ00 of 2024KW03.`);
      if (!requested.periodTypes.includes(period.type))
        throw new BadRequestError(
          `Indicator "${requested.code}" kent geen cijfers per ${PERIOD_TYPE_LABELS[period.type]}; wel per ${requested.periodTypes.map((type) => PERIOD_TYPE_LABELS[type]).join(', ')}.`,
          'period',
        );
      return period;
    });
  }
  const rows = await selectRows<{ period: string }>(
    db,
    sql`select distinct period from observation where indicator_code = ${indicator.code} and superseded_at is null
        and not withdrawn order by period`,
  );
  return rows
    .map((row) => parsePeriodCode(row.period))
    .filter(
      (period): period is Period => period !== undefined && requested.periodTypes.includes(period.type),
    );
}

async function resolveTargets(db: Db, query: ObservationQuery, period: Period): Promise<AreaRow[]> {
  const start = periodStart(period);
  const end = periodEnd(period);
  const rows =
    query.areas && query.areas.length > 0
      ? await selectRows<AreaRow>(
          db,
          sql`select code, name, level, valid_from::text, valid_to::text from area where code = any(${textArray(query.areas)}::text[])`,
        )
      : await selectRows<AreaRow>(
          db,
          sql`select code, name, level, valid_from::text, valid_to::text from area
            where level = ${query.level ?? 'gemeente'} and (level <> 'gemeente' or valid_from < ${end}::date)
              and (valid_to is null or valid_to > ${start}::date)`,
        );
  if (query.areas) {
    const known = new Set(rows.map((row) => row.code));
    const unknown = query.areas.filter((code) => !known.has(code));
    if (unknown.length > 0) throw new NotFoundError(`Onbekend gebied: ${unknown.join(', ')}.`);
  }
  return rows.sort((a, b) => compareAreaNames(a.name, b.name));
}

/** Gemeenten that made up each target on the period's reference date (1 January). */
async function membersOf(
  db: Db,
  targets: readonly AreaRow[],
  period: Period,
): Promise<Map<string, string[]>> {
  const date = referenceDate(period);
  const members = new Map<string, string[]>();
  const parents = targets.filter(
    (target) => target.level === 'provincie' || target.level === 'veiligthuisregio',
  );
  if (parents.length > 0) {
    const rows = await selectRows<{ parent_code: string; child_code: string }>(
      db,
      sql`select m.parent_code, m.child_code from area_membership m
          where m.parent_code = any(${textArray(parents.map((target) => target.code))}::text[])
            and m.valid_from <= ${date}::date and (m.valid_to is null or m.valid_to > ${date}::date)`,
    );
    for (const row of rows)
      members.set(row.parent_code, [...(members.get(row.parent_code) ?? []), row.child_code]);
  }
  const lands = targets.filter((target) => target.level === 'land');
  if (lands.length > 0) {
    const rows = await selectRows<{ code: string }>(
      db,
      sql`select code from area where level = 'gemeente' and valid_from <= ${date}::date
          and (valid_to is null or valid_to > ${date}::date)`,
    );
    for (const land of lands)
      members.set(
        land.code,
        rows.map((row) => row.code),
      );
  }
  return members;
}

/**
 * Values of a stored indicator for each target × breakdown in one period: delivered, or rolled up from finer
 * periods; for regions, provinces and Nederland also summed from their gemeenten and reconciled.
 */
async function storedCells(
  db: Db,
  indicator: Indicator,
  targets: readonly AreaRow[],
  period: Period,
  breakdowns: readonly string[],
  asOf: string | undefined,
): Promise<Map<string, Cell>> {
  const additive = indicator.aggregation === 'sum';
  const members = additive ? await membersOf(db, targets, period) : new Map<string, string[]>();
  const areaCodes = new Set(targets.map((target) => target.code));
  for (const list of members.values()) for (const code of list) areaCodes.add(code);
  const periodCodes = [formatPeriodCode(period)];
  if (additive)
    for (const type of finerTypes(period.type))
      periodCodes.push(...partsOf(period, type).map(formatPeriodCode));
  const rows = await selectRows<StoredRow>(
    db,
    sql`select o.area_code, o.period, o.breakdown, o.value, o.status from observation o
        where o.indicator_code = ${indicator.code}
          and o.period = any(${textArray(periodCodes)}::text[])
          and o.breakdown = any(${textArray(breakdowns)}::text[])
          and o.area_code = any(${textArray([...areaCodes])}::text[])
          and ${versionFilter(asOf)}`,
  );
  const byAreaBreakdown = new Map<string, { values: Map<string, number>; provisional: boolean }>();
  for (const row of rows) {
    const key = `${row.area_code}|${row.breakdown}`;
    const entry = byAreaBreakdown.get(key) ?? { values: new Map(), provisional: false };
    entry.values.set(row.period, Number(row.value));
    if (row.status === 'voorlopig') entry.provisional = true;
    byAreaBreakdown.set(key, entry);
  }
  const own = (code: string, key: string) => {
    const entry = byAreaBreakdown.get(`${code}|${key}`);
    if (!entry) return { value: null, origin: null, missing: [] as string[], provisional: false };
    const rolled = additive
      ? rollUpPeriods(period, entry.values)
      : {
          value: entry.values.get(formatPeriodCode(period)) ?? null,
          origin: 'geleverd' as const,
          missing: [],
        };
    return { ...rolled, provisional: entry.provisional };
  };
  const cells = new Map<string, Cell>();
  for (const target of targets) {
    for (const key of breakdowns) {
      const delivered = own(target.code, key);
      const parts = members.get(target.code);
      if (!parts || parts.length === 0 || target.level === 'gemeente') {
        const unknownDivision = additive && target.level !== 'gemeente' && delivered.value === null;
        cells.set(`${target.code}|${key}`, {
          value: delivered.value,
          origin: delivered.origin,
          computedValue: null,
          differs: false,
          missing: delivered.missing,
          status: delivered.provisional ? 'voorlopig' : 'definitief',
          note: unknownDivision
            ? `Welke gemeenten op ${referenceDate(period)} bij ${target.name} hoorden, is niet vastgelegd: alleen een geleverd cijfer kan hier staan.`
            : null,
        });
        continue;
      }
      const partValues = parts.map((code) => ({ code, ...own(code, key) }));
      const computed = sumParts(partValues);
      const reconciled = reconcile(delivered.value, computed);
      const provisional =
        delivered.value !== null ? delivered.provisional : partValues.some((part) => part.provisional);
      cells.set(`${target.code}|${key}`, { ...reconciled, status: provisional ? 'voorlopig' : 'definitief' });
    }
  }
  return cells;
}

export type ObservationVersion = {
  version: number;
  value: number | null;
  status: ObservationStatus;
  withdrawn: boolean;
  importId: number;
  importKind: 'import' | 'undo';
  fileName: string;
  actorLabel: string;
  recordedAt: string;
  supersededAt: string | null;
};

/** Every version of one figure, newest first: what was delivered, by which import, and when it was replaced. */
export async function observationHistory(
  db: Db,
  key: { indicator: string; area: string; period: string; breakdown: string },
): Promise<ObservationVersion[]> {
  const rows = await selectRows<Record<string, unknown>>(
    db,
    sql`select o.version, o.value, o.status, o.withdrawn, o.import_id, b.kind, b.file_name, b.actor_label,
          o.recorded_at, o.superseded_at
        from observation o join import_batch b on b.id = o.import_id
        where o.indicator_code = ${key.indicator} and o.area_code = ${key.area} and o.period = ${key.period}
          and o.breakdown = ${key.breakdown}
        order by o.version desc`,
  );
  return rows.map((row) => ({
    version: Number(row.version),
    value: row.value === null ? null : Number(row.value),
    status: row.status as ObservationStatus,
    withdrawn: Boolean(row.withdrawn),
    importId: Number(row.import_id),
    importKind: row.kind as 'import' | 'undo',
    fileName: String(row.file_name),
    actorLabel: String(row.actor_label),
    recordedAt: new Date(row.recorded_at as string).toISOString(),
    supersededAt: row.superseded_at === null ? null : new Date(row.superseded_at as string).toISOString(),
  }));
}

/** CSV of figures for Excel: `;`-separated, decimal comma, UTF-8 with BOM; formula-like text neutralised. */
export function observationsCsv(
  items: readonly ObservationItem[],
  dimensionCodes: readonly string[],
): string {
  const header = [
    'indicator',
    'gebied',
    'gebiedsnaam',
    'periode',
    ...dimensionCodes,
    'waarde',
    'status',
    'herkomst',
    'ontbreekt',
  ];
  const cell = (text: string) => {
    const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
    return /[;"\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  const lines = [header.join(';')];
  for (const item of items) {
    lines.push(
      [
        item.indicator,
        item.areaCode,
        item.areaName,
        item.period,
        ...dimensionCodes.map((dimension) => item.breakdown[dimension] ?? ''),
        item.value === null ? '' : String(item.value).replace('.', ','),
        item.protection ?? item.status ?? '',
        item.origin ?? '',
        item.missing.join(' '),
      ]
        .map(cell)
        .join(';'),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
