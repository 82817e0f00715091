/**
 * The protected tables behind every dashboard view. One table per indicator and period holds every area (all
 * levels) and every breakdown, protected together (dashboards.domain.ts); the map, the profile, the series, the
 * exports, the PDF and the figures API all read from it. Tables are kept in memory by data version: the version
 * changes with every import, undo, catalogue or geography change, so new figures show as soon as they commit.
 */
import { sql } from 'drizzle-orm';
import type { AreaLevel } from '../../../shared/geography.ts';
import { NETHERLANDS_CODE } from '../../../shared/geography.ts';
import {
  containingPeriod,
  finerTypes,
  formatPeriodCode,
  type Period,
  parsePeriodCode,
  partsOf,
  periodEnd,
  periodStart,
  referenceDate,
} from '../../../shared/periods.ts';
import { type Db, selectRows, textArray } from '../../db/client.ts';
import { readSettings } from '../access/access.service.ts';
import { DEFAULT_RULE, type ProtectionRule } from '../disclosure/disclosure.domain.ts';
import type { Indicator } from '../figures/figures.catalogue.ts';
import { breakdownKey, reconcile, rollUpPeriods, sumParts } from '../figures/figures.domain.ts';
import { type CatalogueMaps, listDimensions, loadCatalogueMaps } from '../figures/figures.repo.ts';
import { successorsOn } from '../geography/geography.domain.ts';
import {
  cellId,
  type ProtectedTableCell,
  protectionRuleFor,
  protectTable,
  type RawCell,
} from './dashboards.domain.ts';

export type AreaInfo = {
  code: string;
  name: string;
  level: AreaLevel;
  validFrom: string;
  validTo: string | null;
};

export type ProtectedTable = {
  indicator: string;
  period: string;
  rule: ProtectionRule | null;
  cells: Map<string, ProtectedTableCell>;
  /** Parent → gemeenten on the period's reference date (what the parent's sum is made of). */
  members: Map<string, string[]>;
  /** Parent levels whose division on the reference date was not recorded and was carried back (see notes). */
  carriedBack: AreaLevel[];
};

type Geography = {
  areas: Map<string, AreaInfo>;
  memberships: Array<{
    parent: string;
    child: string;
    level: string;
    validFrom: string;
    validTo: string | null;
  }>;
  mergers: Array<{ oldCode: string; newCode: string; effectiveDate: string; populationShare: number | null }>;
};

export type Context = {
  version: string;
  /** The installation's protection rule for indicators without their own (beheer → instellingen). */
  rule: ProtectionRule;
  catalogue: CatalogueMaps;
  partsAddUp: Set<string>;
  geography: Geography;
};

const MAX_CACHED_TABLES = 2_000;

export function createTableStore(db: Db, fallbackRule: ProtectionRule = DEFAULT_RULE) {
  let context: Context | null = null;
  const tables = new Map<string, ProtectedTable>();
  const periodLists = new Map<string, string[]>();

  /** One cheap query that changes whenever anything the tables are made of changes. */
  async function dataVersion(): Promise<string> {
    const [row] = await selectRows<{ version: string }>(
      db,
      sql`select concat_ws('/', (select coalesce(max(id), 0) from import_batch),
            (select count(*) from indicator), (select max(updated_at) from indicator),
            (select count(*) from area), (select count(*) from area_membership),
            (select count(*) from municipal_merger), (select max(updated_at) from setting),
            -- Imports can commit out of order on PostgreSQL, and a geography reload can change rows in place.
            (select count(*) from import_batch), (select max(loaded_at) from reference_data_load)) as version`,
    );
    return row?.version ?? '';
  }

  /** The catalogue and geography of the current data version; clears the tables when the version moved on. */
  async function current(): Promise<Context> {
    const version = await dataVersion();
    if (context?.version === version) return context;
    const [settings, catalogue, dimensions, areaRows, membershipRows, mergerRows] = await Promise.all([
      readSettings(db),
      loadCatalogueMaps(db),
      listDimensions(db),
      selectRows<{
        code: string;
        name: string;
        level: AreaLevel;
        valid_from: string;
        valid_to: string | null;
      }>(db, sql`select code, name, level, valid_from::text, valid_to::text from area`),
      selectRows<{
        parent_code: string;
        child_code: string;
        parent_level: string;
        valid_from: string;
        valid_to: string | null;
      }>(
        db,
        sql`select parent_code, child_code, parent_level, valid_from::text, valid_to::text from area_membership`,
      ),
      selectRows<{
        old_code: string;
        new_code: string;
        effective_date: string;
        population_share: string | null;
      }>(
        db,
        sql`select old_code, new_code, effective_date::text, population_share::text from municipal_merger`,
      ),
    ]);
    tables.clear();
    periodLists.clear();
    context = {
      version,
      rule: { ...fallbackRule, threshold: settings.disclosureThreshold, roundTo: settings.disclosureRoundTo },
      catalogue,
      partsAddUp: new Set(
        dimensions.filter((dimension) => dimension.partsAddUp).map((dimension) => dimension.code),
      ),
      geography: {
        areas: new Map(
          areaRows.map((row) => [
            row.code,
            {
              code: row.code,
              name: row.name,
              level: row.level,
              validFrom: row.valid_from,
              validTo: row.valid_to,
            },
          ]),
        ),
        memberships: membershipRows.map((row) => ({
          parent: row.parent_code,
          child: row.child_code,
          level: row.parent_level,
          validFrom: row.valid_from,
          validTo: row.valid_to,
        })),
        mergers: mergerRows.map((row) => ({
          oldCode: row.old_code,
          newCode: row.new_code,
          effectiveDate: row.effective_date,
          populationShare: row.population_share === null ? null : Number(row.population_share),
        })),
      },
    };
    return context;
  }

  /** Period codes with current figures of a stored indicator, newest first. */
  async function storedPeriods(ctx: Context, indicatorCode: string): Promise<string[]> {
    const cached = periodLists.get(indicatorCode);
    if (cached) return cached;
    const rows = await selectRows<{ period: string }>(
      db,
      // A skip scan over observation_current_key: one index probe per period instead of reading every current
      // row of the indicator (a parallel seq scan of the table at 10M rows).
      sql`with recursive p(period) as (
            (select period from observation where indicator_code = ${indicatorCode} and superseded_at is null
              order by period limit 1)
            union all
            select (select o.period from observation o where o.indicator_code = ${indicatorCode}
                      and o.superseded_at is null and o.period > p.period order by o.period limit 1)
            from p where p.period is not null)
          select period from p where period is not null
            and exists (select 1 from observation o where o.indicator_code = ${indicatorCode} and o.period = p.period
                          and o.superseded_at is null and not o.withdrawn)`,
    );
    const periods = rows.map((row) => row.period).sort((a, b) => b.localeCompare(a));
    if (context === ctx) periodLists.set(indicatorCode, periods);
    return periods;
  }

  /**
   * Protected tables of a stored indicator for the given periods, as known now or at `asOf` (a date, end of
   * that Dutch day). Missing tables are computed together from one query.
   */
  async function tablesFor(
    ctx: Context,
    indicator: Indicator,
    periods: readonly Period[],
    asOf?: string,
  ): Promise<Map<string, ProtectedTable>> {
    const result = new Map<string, ProtectedTable>();
    const missing: Period[] = [];
    for (const period of periods) {
      const key = `${indicator.code}|${formatPeriodCode(period)}|${asOf ?? ''}`;
      const table = tables.get(key);
      if (table) result.set(formatPeriodCode(period), table);
      else missing.push(period);
    }
    if (missing.length === 0) return result;
    const computed = await computeTables(db, ctx, indicator, missing, ctx.rule, asOf);
    for (const [code, table] of computed) {
      result.set(code, table);
      if (context === ctx) {
        if (tables.size >= MAX_CACHED_TABLES) tables.delete(tables.keys().next().value as string);
        tables.set(`${indicator.code}|${code}|${asOf ?? ''}`, table);
      }
    }
    return result;
  }

  return { current, storedPeriods, tablesFor, dataVersion };
}

export type TableStore = ReturnType<typeof createTableStore>;

function asOfFilter(asOf: string | undefined) {
  return asOf
    ? sql`o.recorded_at < ((${asOf}::date + 1)::timestamp at time zone 'Europe/Amsterdam')
        and (o.superseded_at is null or o.superseded_at >= ((${asOf}::date + 1)::timestamp at time zone 'Europe/Amsterdam'))
        and not o.withdrawn`
    : sql`o.superseded_at is null and not o.withdrawn`;
}

/** Whether an area stopped existing on or before `end` (the last day of a period). */
const endsWithin = (area: AreaInfo | undefined, end: string) =>
  area?.validTo !== null && area?.validTo !== undefined && area.validTo <= end;

const isValidOn = (from: string, to: string | null, date: string) =>
  from <= date && (to === null || to > date);

/**
 * The gemeenten of each parent on a date. Where no division of a parent level was recorded for that date (the
 * Veilig Thuis-regio's before 2025, provinces before 2023), the earliest recorded division is carried back:
 * each gemeente of then goes to the parent of the gemeente it became.
 */
export function membersOn(
  geography: Geography,
  date: string,
): { members: Map<string, string[]>; carriedBack: AreaLevel[] } {
  const members = new Map<string, string[]>();
  const carriedBack: AreaLevel[] = [];
  const gemeenten = [...geography.areas.values()].filter(
    (area) => area.level === 'gemeente' && isValidOn(area.validFrom, area.validTo, date),
  );
  for (const level of ['veiligthuisregio', 'provincie'] as const) {
    const rows = geography.memberships.filter((row) => row.level === level);
    let valid = rows.filter((row) => isValidOn(row.validFrom, row.validTo, date));
    if (valid.length === 0 && rows.length > 0) {
      const first = rows.reduce(
        (min, row) => (row.validFrom < min ? row.validFrom : min),
        rows[0]?.validFrom ?? date,
      );
      if (first > date) {
        const parentOn = new Map(
          rows
            .filter((row) => isValidOn(row.validFrom, row.validTo, first))
            .map((row) => [row.child, row.parent]),
        );
        valid = [];
        for (const gemeente of gemeenten) {
          let parent = parentOn.get(gemeente.code);
          if (parent === undefined) {
            const { successors } = successorsOn(gemeente.code, first, geography.mergers);
            const largest = [...successors].sort((a, b) => b.share - a.share)[0];
            parent = largest ? parentOn.get(largest.code) : undefined;
          }
          if (parent !== undefined)
            valid.push({ parent, child: gemeente.code, level, validFrom: date, validTo: null });
        }
        carriedBack.push(level);
      }
    }
    for (const row of valid) {
      if (!geography.areas.has(row.child)) continue;
      members.set(row.parent, [...(members.get(row.parent) ?? []), row.child]);
    }
  }
  if (geography.areas.has(NETHERLANDS_CODE))
    members.set(
      NETHERLANDS_CODE,
      gemeenten.map((gemeente) => gemeente.code),
    );
  return { members, carriedBack };
}

/** Every breakdown key of an indicator: '' (the total) and each value of each of its dimensions. */
export function breakdownKeysOf(indicator: Indicator, catalogue: CatalogueMaps): string[][] {
  return indicator.breakdowns.map((dimension) =>
    [...(catalogue.dimensions.get(dimension) ?? [])].map((value) => breakdownKey({ [dimension]: value })),
  );
}

async function computeTables(
  db: Db,
  ctx: Context,
  indicator: Indicator,
  periods: readonly Period[],
  fallbackRule: ProtectionRule,
  asOf: string | undefined,
): Promise<Map<string, ProtectedTable>> {
  const additive = indicator.aggregation === 'sum';
  type Row = { area_code: string; period: string; breakdown: string; value: number; status: string };
  const requested = periods.map(formatPeriodCode);
  const fetch = (codes: readonly string[], areaCodes?: readonly string[]) =>
    selectRows<Row>(
      db,
      sql`select o.area_code, o.period, o.breakdown, o.value, o.status from observation o
          where o.indicator_code = ${indicator.code} and o.period = any(${textArray(codes)}::text[])
            ${areaCodes ? sql`and o.area_code = any(${textArray(areaCodes)}::text[])` : sql``}
            and ${asOfFilter(asOf)}`,
    );
  // The requested periods first; finer periods (to roll up) only for areas that lack a delivered figure.
  const rows = await fetch(requested);
  if (additive) {
    const finer = new Set<string>();
    for (const period of periods)
      for (const type of finerTypes(period.type))
        for (const part of partsOf(period, type)) finer.add(formatPeriodCode(part));
    if (finer.size > 0) {
      const keys = ['', ...breakdownKeysOf(indicator, ctx.catalogue).flat()];
      const delivered = new Set(rows.map((row) => `${row.area_code}|${row.breakdown}|${row.period}`));
      const lacking = [...ctx.geography.areas.keys()].filter((area) =>
        requested.some((code) => keys.some((key) => !delivered.has(`${area}|${key}|${code}`))),
      );
      if (lacking.length > 0) rows.push(...(await fetch([...finer], lacking)));
    }
  }
  // area|breakdown → period → value, and which of them are provisional
  const stored = new Map<string, Map<string, number>>();
  const provisional = new Set<string>();
  for (const row of rows) {
    const key = cellId(row.area_code, row.breakdown);
    let byPeriod = stored.get(key);
    if (!byPeriod) {
      byPeriod = new Map();
      stored.set(key, byPeriod);
    }
    byPeriod.set(row.period, Number(row.value));
    if (row.status === 'voorlopig') provisional.add(`${key}|${row.period}`);
  }
  const dimensionKeys = breakdownKeysOf(indicator, ctx.catalogue);
  const breakdowns = ['', ...dimensionKeys.flat()];
  const additiveBreakdowns = indicator.breakdowns
    .map((dimension, index) => (ctx.partsAddUp.has(dimension) ? dimensionKeys[index] : null))
    .filter((keys): keys is string[] => keys !== null && keys !== undefined);
  const rule = protectionRuleFor(indicator, fallbackRule);

  const result = new Map<string, ProtectedTable>();
  for (const period of periods) {
    const code = formatPeriodCode(period);
    const start = periodStart(period);
    const end = periodEnd(period);
    const { members, carriedBack } = membersOn(ctx.geography, referenceDate(period));
    const periodCodes = [code];
    if (additive)
      for (const type of finerTypes(period.type))
        periodCodes.push(...partsOf(period, type).map(formatPeriodCode));
    // Each gemeente's figure is needed for itself and for every parent it belongs to: work it out once.
    const known = new Map<string, { value: number | null; provisional: boolean }>();
    const own = (area: string, breakdown: string) => {
      const id = cellId(area, breakdown);
      const cached = known.get(id);
      if (cached) return cached;
      const byPeriod = stored.get(id);
      let result: { value: number | null; provisional: boolean };
      if (!byPeriod) result = { value: null, provisional: false };
      else {
        const rolled = additive ? rollUpPeriods(period, byPeriod) : { value: byPeriod.get(code) ?? null };
        result = {
          value: rolled.value,
          provisional: periodCodes.some((part) => provisional.has(`${id}|${part}`)),
        };
      }
      known.set(id, result);
      return result;
    };
    const raw: RawCell[] = [];
    for (const area of ctx.geography.areas.values()) {
      if (area.level === 'gemeente') {
        // Gemeenten that existed at some time during the period.
        if (!(area.validFrom <= end && (area.validTo === null || area.validTo > start))) continue;
        for (const breakdown of breakdowns)
          raw.push({ area: area.code, breakdown, ...own(area.code, breakdown) });
        continue;
      }
      const parts = members.get(area.code);
      for (const breakdown of breakdowns) {
        const delivered = own(area.code, breakdown);
        if (!additive || !parts || parts.length === 0) {
          raw.push({ area: area.code, breakdown, ...delivered });
          continue;
        }
        // A gemeente that ended during the period (Weesp, March 2022) is counted by its successor when it has no
        // figure of its own for the period; it is not a missing part.
        const partValues = parts
          .map((child) => ({ code: child, ...own(child, breakdown) }))
          .filter((part) => part.value !== null || !endsWithin(ctx.geography.areas.get(part.code), end));
        const reconciled = reconcile(delivered.value, sumParts(partValues));
        raw.push({
          area: area.code,
          breakdown,
          value: reconciled.value,
          provisional:
            delivered.value !== null ? delivered.provisional : partValues.some((part) => part.provisional),
        });
      }
    }
    result.set(code, {
      indicator: indicator.code,
      period: code,
      rule,
      cells: protectTable(raw, { members: additive ? members : new Map(), additiveBreakdowns }, rule),
      members,
      carriedBack,
    });
  }
  return result;
}

/** Periods in which an indicator has figures or can be rolled up to, newest first (years before their parts). */
export function availablePeriods(indicator: Indicator, storedCodes: readonly string[]): string[] {
  const codes = new Set<string>();
  const stored = new Set(storedCodes);
  for (const code of storedCodes) {
    const period = parsePeriodCode(code);
    if (!period) continue;
    if (indicator.periodTypes.includes(period.type)) codes.add(code);
    if (indicator.aggregation === 'sum')
      for (const type of indicator.periodTypes) {
        if (!finerTypes(type).includes(period.type)) continue;
        // Only a period whose parts are all there can be rolled up: a lone first quarter makes no year.
        const containing = containingPeriod(period, type);
        if (partsOf(containing, period.type).every((part) => stored.has(formatPeriodCode(part))))
          codes.add(formatPeriodCode(containing));
      }
  }
  const order = { JJ: 0, HJ: 1, KW: 2, MM: 3 } as const;
  return [...codes].sort((a, b) => {
    const pa = parsePeriodCode(a) as Period;
    const pb = parsePeriodCode(b) as Period;
    return pb.year - pa.year || order[pa.type] - order[pb.type] || pb.index - pa.index;
  });
}
