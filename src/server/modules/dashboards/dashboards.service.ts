/**
 * The dashboard views: the overview map (also the indicator page), an area's profile with its comparisons, and
 * areas side by side over time. Each view reads the protected tables (dashboards.tables.ts) and turns cells into
 * the measure asked for; nothing here sees an unprotected count except to compute a rate of a shown one.
 */
import {
  COMPARISON_GROUP_LABELS,
  type ComparisonGroupKind,
  type Division,
  KEY_FIGURES,
  type Measure,
  SIZE_CLASSES,
  TREND_YEARS,
} from '../../../shared/dashboards.ts';
import { SOURCE_LABELS } from '../../../shared/figures.ts';
import { type AreaLevel, compareAreaNames, NETHERLANDS_CODE } from '../../../shared/geography.ts';
import { formatPeriodCode, type Period, parsePeriodCode, periodCodeLabel } from '../../../shared/periods.ts';
import type { Db } from '../../db/client.ts';
import { BadRequestError, NotFoundError } from '../../errors.ts';
import { DEFAULT_RULE, type ProtectionRule } from '../disclosure/disclosure.domain.ts';
import type { Indicator } from '../figures/figures.catalogue.ts';
import { hasSyntheticData } from '../figures/figures.repo.ts';
import { successorsOn } from '../geography/geography.domain.ts';
import {
  allowedMeasures,
  cellId,
  compareWithReference,
  defaultMeasure,
  funnelCurve,
  groupFigure,
  measureLabel,
  onCurrentDivision,
  type ProtectedTableCell,
  type RateKind,
  rankDescending,
  rateInterval,
  sizeClassIndex,
} from './dashboards.domain.ts';
import type {
  IndicatorSummary,
  KeyFigure,
  MapItem,
  MapResponse,
  ProfileResponse,
  ProtectedFigure,
  SeriesResponse,
} from './dashboards.schemas.ts';
import {
  type AreaInfo,
  availablePeriods,
  type Context,
  createTableStore,
  type ProtectedTable,
} from './dashboards.tables.ts';

const LEVEL_PLURALS: Record<AreaLevel, string> = {
  land: 'Nederland',
  provincie: 'provincies',
  veiligthuisregio: "Veilig Thuis-regio's",
  gemeente: 'gemeenten',
};

/** A figure with what it is made of: the shown count and the base of a rate or percentage. */
type Resolved = ProtectedFigure & { count: number | null; base: number | null };

const NONE: Resolved = {
  value: null,
  status: 'geen gegevens',
  reason: null,
  provisional: false,
  count: null,
  base: null,
};

const round = (value: number, digits = 4) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The tables one measure of one indicator needs for some periods, and how to read a figure from them. */
type MeasureReader = {
  indicator: Indicator;
  measure: Measure;
  rateKind: RateKind | null;
  figure(period: string, area: string, breakdown?: string): Resolved;
  tables(period: string): ProtectedTable[];
};

export type MapQuery = { indicator: string; period?: string; level?: AreaLevel; measure?: Measure };
export type ProfileQuery = { period?: string; group?: ComparisonGroupKind; groupAreas?: string[] };
export type SeriesQuery = {
  indicator: string;
  areas: string[];
  measure?: Measure;
  division?: Division;
  changedSince?: string;
};

export function createDashboardsService(db: Db, options: { rule?: ProtectionRule } = {}) {
  const store = createTableStore(db, options.rule ?? DEFAULT_RULE);

  function indicatorOf(ctx: Context, code: string): Indicator {
    const indicator = ctx.catalogue.indicators.get(code);
    if (!indicator) throw new NotFoundError(`Indicator "${code}" bestaat niet. Zie /api/indicators.`);
    return indicator;
  }

  function summary(indicator: Indicator): IndicatorSummary {
    return {
      code: indicator.code,
      name: indicator.name,
      definition: indicator.definition,
      unit: indicator.unit,
      source: indicator.source,
      sourceLabel: SOURCE_LABELS[indicator.source],
      higherIsBetter: indicator.higherIsBetter,
    };
  }

  /** The stored indicator whose periods an indicator has (the numerator of a derived one). */
  function storedBase(ctx: Context, indicator: Indicator): Indicator {
    return indicator.formula ? indicatorOf(ctx, indicator.formula.numerator) : indicator;
  }

  async function periodsOf(ctx: Context, indicator: Indicator): Promise<string[]> {
    return availablePeriods(indicator, await store.storedPeriods(ctx, storedBase(ctx, indicator).code));
  }

  function chooseMeasure(indicator: Indicator, requested: Measure | undefined): Measure {
    const measure = requested ?? defaultMeasure(indicator);
    const allowed = allowedMeasures(indicator);
    if (!allowed.includes(measure))
      throw new BadRequestError(
        `Indicator "${indicator.code}" kan niet als "${measure}" worden getoond; wel als ${allowed.join(' of ')}.`,
        'measure',
      );
    return measure;
  }

  function parsePeriod(indicator: Indicator, code: string): Period {
    const period = parsePeriodCode(code) as Period;
    if (!indicator.periodTypes.includes(period.type))
      throw new BadRequestError(
        `Indicator "${indicator.code}" kent geen cijfers per ${period.type === 'JJ' ? 'jaar' : 'deze periode'} (${code}).`,
        'period',
      );
    return period;
  }

  /** Loads the tables a measure needs for the periods and returns a reader over them. */
  async function reader(
    ctx: Context,
    indicator: Indicator,
    measure: Measure,
    periods: readonly Period[],
    asOf?: string,
  ): Promise<MeasureReader> {
    const yearOf = (period: Period): Period => ({ year: period.year, type: 'JJ', index: 0 });
    if (indicator.formula) {
      const numerator = indicatorOf(ctx, indicator.formula.numerator);
      const denominator = indicatorOf(ctx, indicator.formula.denominator);
      const denominatorPeriod = (period: Period) =>
        denominator.periodTypes.includes(period.type) ? period : yearOf(period);
      const [top, bottom] = await Promise.all([
        store.tablesFor(ctx, numerator, periods, asOf),
        store.tablesFor(ctx, denominator, periods.map(denominatorPeriod), asOf),
      ]);
      const kind: RateKind = indicator.formula.kind === 'per-1000' ? 'per1000' : 'percentage';
      const bottomCode = (code: string) =>
        formatPeriodCode(denominatorPeriod(parsePeriodCode(code) as Period));
      return {
        indicator,
        measure,
        rateKind: kind,
        tables: (code) =>
          [top.get(code), bottom.get(bottomCode(code))].filter((table) => table !== undefined),
        figure(code, area, breakdown = '') {
          const n = top.get(code)?.cells.get(cellId(area, breakdown));
          // A rate of a breakdown uses the denominator's total when the denominator has no such breakdown.
          const d =
            bottom.get(bottomCode(code))?.cells.get(cellId(area, breakdown)) ??
            bottom.get(bottomCode(code))?.cells.get(cellId(area, ''));
          return ratio(kind, n, d);
        },
      };
    }
    const own = await store.tablesFor(ctx, indicator, periods, asOf);
    if (measure !== 'per1000') {
      return {
        indicator,
        measure,
        rateKind: null,
        tables: (code) => [own.get(code)].filter((table) => table !== undefined),
        figure(code, area, breakdown = '') {
          const cell = own.get(code)?.cells.get(cellId(area, breakdown));
          return cell ? { ...shown(cell), count: cell.value, base: null } : NONE;
        },
      };
    }
    const population = indicatorOf(ctx, 'inwoners');
    const inhabitants = await store.tablesFor(ctx, population, periods.map(yearOf), asOf);
    return {
      indicator,
      measure,
      rateKind: 'per1000',
      tables: (code) =>
        [own.get(code), inhabitants.get(formatPeriodCode(yearOf(parsePeriodCode(code) as Period)))].filter(
          (table) => table !== undefined,
        ),
      figure(code, area, breakdown = '') {
        const count = own.get(code)?.cells.get(cellId(area, breakdown));
        const base = inhabitants
          .get(formatPeriodCode(yearOf(parsePeriodCode(code) as Period)))
          ?.cells.get(cellId(area, ''));
        return ratio('per1000', count, base);
      },
    };
  }

  function notesFor(read: MeasureReader, tables: readonly ProtectedTable[]): string[] {
    const notes: string[] = [];
    const rule = tables.find((table) => table.rule !== null)?.rule;
    if (rule) {
      notes.push(
        `Kleine aantallen zijn afgeschermd: aantallen van 1 tot en met ${rule.threshold - 1}, en cijfers waaruit die af te leiden zijn (bijvoorbeeld een regiototaal min de andere gemeenten).${rule.roundTo ? ` Getoonde aantallen zijn afgerond op ${rule.roundTo}-tallen.` : ''}`,
      );
    }
    if (read.measure === 'per1000' && !read.indicator.formula)
      notes.push(
        'Per 1.000 inwoners: het aantal gedeeld door het aantal inwoners op 1 januari van het jaar (CBS), maal 1.000. Een cijfer per 1.000 van een afgeschermd aantal is ook afgeschermd.',
      );
    if (read.rateKind !== null)
      notes.push(
        'Het interval is het 95%-betrouwbaarheidsinterval; gebieden met minder dan 10 verwachte gevallen zijn te klein om te vergelijken en krijgen geen rangnummer.',
      );
    const carried = new Set(tables.flatMap((table) => table.carriedBack));
    if (carried.has('veiligthuisregio'))
      notes.push(
        "Welke gemeenten in die periode bij een Veilig Thuis-regio hoorden, is niet vastgelegd: de regio's zijn opgeteld volgens de eerste vastgelegde indeling, met samengevoegde gemeenten bij de regio van hun opvolger.",
      );
    if (carried.has('provincie'))
      notes.push(
        'Provincies van die periode zijn opgeteld volgens de eerste vastgelegde provincie-indeling.',
      );
    if (tables.some((table) => [...table.cells.values()].some((cell) => cell.provisional)))
      notes.push('Cijfers met (voorlopig) kunnen nog veranderen.');
    return notes;
  }

  function sourcesFor(read: MeasureReader, ctx: Context): string[] {
    const labels = new Set<string>([`Bron: ${SOURCE_LABELS[read.indicator.source]}`]);
    if (read.indicator.formula) {
      labels.add(`Bron: ${SOURCE_LABELS[indicatorOf(ctx, read.indicator.formula.numerator).source]}`);
      labels.add(`Bron: ${SOURCE_LABELS[indicatorOf(ctx, read.indicator.formula.denominator).source]}`);
    }
    if (read.measure === 'per1000') labels.add('Bron: CBS (inwoners op 1 januari)');
    labels.add('Bewerking: Ketenzicht');
    return [...labels];
  }

  function areasOfLevel(ctx: Context, level: AreaLevel, table: ProtectedTable | undefined): AreaInfo[] {
    const inTable = (code: string) => table?.cells.has(cellId(code, '')) ?? false;
    return [...ctx.geography.areas.values()]
      .filter((area) => area.level === level && inTable(area.code))
      .sort((a, b) => compareAreaNames(a.name, b.name));
  }

  // Finished map responses of the current data version: a warm request costs one data-version query.
  // Finished map responses of the current data version, also as JSON text: the overview map is the most asked
  // for view, and a warm request then costs one data-version query and no serialisation.
  const mapResponses = new Map<string, { response: MapResponse; json: string }>();
  let mapResponsesVersion = '';
  async function cachedMap(query: MapQuery): Promise<{ response: MapResponse; json: string }> {
    const ctx = await store.current();
    if (mapResponsesVersion !== ctx.version) {
      mapResponses.clear();
      mapResponsesVersion = ctx.version;
    }
    const key = JSON.stringify([query.indicator, query.period, query.level, query.measure]);
    const cached = mapResponses.get(key);
    if (cached) return cached;
    const response = await buildMap(ctx, query);
    const entry = { response, json: JSON.stringify(response) };
    if (mapResponsesVersion === ctx.version && mapResponses.size < 500) mapResponses.set(key, entry);
    return entry;
  }

  /** The map of one indicator, period and level; `generatedAt` is when its figures were computed. */
  async function map(query: MapQuery): Promise<MapResponse> {
    return (await cachedMap(query)).response;
  }

  /** The same, as the JSON text the API sends. */
  async function mapJson(query: MapQuery): Promise<string> {
    return (await cachedMap(query)).json;
  }

  async function buildMap(ctx: Context, query: MapQuery): Promise<MapResponse> {
    const indicator = indicatorOf(ctx, query.indicator);
    const measure = chooseMeasure(indicator, query.measure);
    const periods = await periodsOf(ctx, indicator);
    const periodCode = query.period ?? periods.find((code) => code.endsWith('JJ00')) ?? periods[0];
    if (!periodCode) throw new NotFoundError(`Er zijn nog geen cijfers van "${indicator.name}".`);
    const period = parsePeriod(indicator, periodCode);
    const level = query.level ?? 'gemeente';
    const read = await reader(ctx, indicator, measure, [period]);
    const tables = read.tables(periodCode);
    const areas = areasOfLevel(ctx, level, tables[0]);
    const reference = read.figure(periodCode, NETHERLANDS_CODE);
    const figures = areas.map((area) => ({ area, figure: read.figure(periodCode, area.code) }));
    const comparisons = new Map(
      figures.map(({ area, figure }) => [
        area.code,
        read.rateKind === null
          ? null
          : compareWithReference(read.rateKind, figure.value, figure.base, reference.value),
      ]),
    );
    const rankable = new Map<string, number>();
    for (const { area, figure } of figures)
      if (figure.value !== null && comparisons.get(area.code) !== 'te weinig')
        rankable.set(area.code, figure.value);
    const ranks = rankDescending(rankable);
    const items: MapItem[] = figures.map(({ area, figure }) => ({
      areaCode: area.code,
      areaName: area.name,
      value: figure.value,
      status: figure.status,
      reason: figure.reason,
      provisional: figure.provisional,
      count: figure.count,
      base: figure.base,
      interval:
        read.rateKind !== null && figure.count !== null && figure.base !== null && figure.value !== null
          ? rateInterval(read.rateKind, figure.count, figure.base)
          : null,
      comparison: comparisons.get(area.code) ?? null,
      rank: ranks.get(area.code) ?? null,
    }));
    const bases = items.map((item) => item.base).filter((base): base is number => base !== null && base > 0);
    return {
      indicator: summary(indicator),
      period: periodCode,
      periodLabel: periodCodeLabel(periodCode),
      periods: periods.map((code) => ({ code, label: periodCodeLabel(code) })),
      level,
      measure,
      measureLabel: measureLabel(indicator, measure),
      reference: { ...stripResolved(reference), label: 'Nederland' },
      funnel:
        read.rateKind !== null && reference.value !== null && bases.length > 0
          ? funnelCurve(read.rateKind, reference.value, Math.min(...bases), Math.max(...bases))
          : [],
      items,
      protection: {
        threshold: tables.find((table) => table.rule)?.rule?.threshold ?? 0,
        roundTo: tables.find((table) => table.rule)?.rule?.roundTo ?? null,
        hiddenCount: items.filter((item) => item.status === 'afgeschermd').length,
      },
      notes: notesFor(read, tables),
      sources: sourcesFor(read, ctx),
      syntheticData: await hasSyntheticData(db),
      generatedAt: new Date().toISOString(),
    };
  }

  /** The gemeenten of a comparison group for a gemeente, and how the group is described. */
  function comparisonGroup(
    ctx: Context,
    area: AreaInfo,
    kind: ComparisonGroupKind,
    chosen: readonly string[] | undefined,
    table: ProtectedTable | undefined,
    population: (code: string) => number | null,
    year: number,
  ): { codes: string[]; label: string; description: string } {
    if (area.level !== 'gemeente') {
      const peers = areasOfLevel(ctx, area.level, table).map((peer) => peer.code);
      const label = area.level === 'land' ? 'Nederland' : `Alle ${LEVEL_PLURALS[area.level]}`;
      return { codes: peers, label, description: `Alle gebieden van dit niveau (${peers.length}).` };
    }
    const parentOf = (level: 'provincie' | 'veiligthuisregio') =>
      [...(table?.members.entries() ?? [])].find(
        ([parent, children]) =>
          ctx.geography.areas.get(parent)?.level === level && children.includes(area.code),
      );
    const shareNote =
      'Het groepscijfer telt de getoonde cijfers van deze gemeenten op; afgeschermde cijfers tellen niet mee.';
    switch (kind) {
      case 'provincie':
      case 'veiligthuisregio': {
        const parent = parentOf(kind);
        if (!parent)
          return {
            codes: [],
            label: COMPARISON_GROUP_LABELS[kind],
            description: 'Niet vastgelegd voor deze periode.',
          };
        const name = ctx.geography.areas.get(parent[0])?.name ?? parent[0];
        return {
          codes: parent[1],
          label: `Gemeenten in ${name}`,
          description: `${parent[1].length} gemeenten in ${kind === 'provincie' ? 'de provincie' : 'de Veilig Thuis-regio'} ${name}. ${shareNote}`,
        };
      }
      case 'eigen': {
        const codes = [...new Set([area.code, ...(chosen ?? [])])];
        for (const code of codes)
          if (ctx.geography.areas.get(code)?.level !== 'gemeente')
            throw new BadRequestError(
              `"${code}" is geen gemeente; een eigen groep bestaat uit gemeenten.`,
              'groupAreas',
            );
        if (codes.length < 2)
          throw new BadRequestError(
            'Kies voor een eigen groep minstens één andere gemeente (groupAreas).',
            'groupAreas',
          );
        return {
          codes,
          label: COMPARISON_GROUP_LABELS.eigen,
          description: `${codes.length} zelf gekozen gemeenten. ${shareNote}`,
        };
      }
      default: {
        const own = population(area.code);
        if (own === null)
          return {
            codes: [],
            label: COMPARISON_GROUP_LABELS.grootteklasse,
            description: 'Het inwonertal is niet bekend.',
          };
        const index = sizeClassIndex(own);
        const codes = (table?.members.get(NETHERLANDS_CODE) ?? []).filter((code) => {
          const inhabitants = population(code);
          return inhabitants !== null && sizeClassIndex(inhabitants) === index;
        });
        const size = SIZE_CLASSES[index] ?? SIZE_CLASSES[0];
        return {
          codes,
          label: `Gemeenten met ${size.label}`,
          description: `${codes.length} gemeenten met ${size.label} op 1 januari ${year} (CBS). ${shareNote}`,
        };
      }
    }
  }

  async function profile(code: string, query: ProfileQuery = {}): Promise<ProfileResponse> {
    const ctx = await store.current();
    const area = ctx.geography.areas.get(code);
    if (!area) throw new NotFoundError(`Onbekend gebied: ${code}.`);
    const keyIndicators = KEY_FIGURES.map((key) => ctx.catalogue.indicators.get(key)).filter(
      (indicator): indicator is Indicator => indicator !== undefined,
    );
    const years = new Set<string>();
    const periodsByIndicator = new Map<string, string[]>();
    for (const indicator of keyIndicators) {
      const periods = (await periodsOf(ctx, indicator)).filter((period) => period.endsWith('JJ00'));
      periodsByIndicator.set(indicator.code, periods);
      for (const period of periods) years.add(period);
    }
    const periodOptions = [...years].sort((a, b) => b.localeCompare(a));
    const periodCode = query.period ?? periodOptions[0];
    if (!periodCode) throw new NotFoundError('Er zijn nog geen jaarcijfers om een profiel van te maken.');
    const period = parsePeriodCode(periodCode) as Period;
    if (period.type !== 'JJ')
      throw new BadRequestError('Een profiel is er per jaar: gebruik een periode als 2024JJ00.', 'period');
    const trendPeriods = Array.from({ length: TREND_YEARS }, (_, index) => ({
      year: period.year - TREND_YEARS + 1 + index,
      type: 'JJ' as const,
      index: 0,
    }));

    const inhabitants = await store.tablesFor(ctx, indicatorOf(ctx, 'inwoners'), [period]);
    const populationTable = inhabitants.get(periodCode);
    const population = (areaCode: string) => populationTable?.cells.get(cellId(areaCode, ''))?.value ?? null;
    const group = comparisonGroup(
      ctx,
      area,
      query.group ?? 'grootteklasse',
      query.groupAreas,
      populationTable,
      population,
      period.year,
    );
    const regionCode =
      area.level === 'gemeente'
        ? [...(populationTable?.members.entries() ?? [])].find(
            ([parent, children]) =>
              ctx.geography.areas.get(parent)?.level === 'veiligthuisregio' && children.includes(code),
          )?.[0]
        : undefined;

    const keyFigures: KeyFigure[] = [];
    const notes = new Set<string>();
    const sources = new Set<string>();
    const readers: MeasureReader[] = [];
    for (const indicator of keyIndicators) {
      const available = new Set(periodsByIndicator.get(indicator.code) ?? []);
      const wanted = trendPeriods.filter((candidate) => available.has(formatPeriodCode(candidate)));
      if (!available.has(periodCode)) continue;
      const read = await reader(ctx, indicator, defaultMeasure(indicator), wanted);
      readers.push(read);
      const own = read.figure(periodCode, code);
      const comparisons: KeyFigure['comparisons'] = [];
      if (regionCode) {
        comparisons.push({
          code: regionCode,
          label: ctx.geography.areas.get(regionCode)?.name ?? regionCode,
          ...stripResolved(read.figure(periodCode, regionCode)),
        });
      }
      if (area.level !== 'land')
        comparisons.push({
          code: NETHERLANDS_CODE,
          label: 'Nederland',
          ...stripResolved(read.figure(periodCode, NETHERLANDS_CODE)),
        });
      if (group.codes.length > 0) {
        const members = group.codes.map((member) => read.figure(periodCode, member));
        const combined = groupFigure(read.measure, members, read.rateKind);
        comparisons.push({
          code: null,
          label: group.label,
          value: combined.value === null ? null : round(combined.value),
          status: combined.value === null ? 'geen gegevens' : 'getoond',
          reason: null,
          provisional: members.some((member) => member.provisional),
        });
      }
      keyFigures.push({
        indicator: summary(indicator),
        measure: read.measure,
        measureLabel: measureLabel(indicator, read.measure),
        area: { ...stripResolved(own), count: own.count },
        comparisons,
        trend: wanted.map((candidate) => {
          const candidateCode = formatPeriodCode(candidate);
          return {
            period: candidateCode,
            periodLabel: periodCodeLabel(candidateCode),
            ...stripResolved(read.figure(candidateCode, code)),
          };
        }),
      });
      for (const note of notesFor(read, read.tables(periodCode))) notes.add(note);
      for (const source of sourcesFor(read, ctx)) sources.add(source);
    }

    let members: ProfileResponse['members'] = null;
    const children = populationTable?.members.get(code);
    if (area.level !== 'gemeente' && children && readers.length > 0) {
      members = {
        columns: readers.map((read) => ({
          indicator: read.indicator.code,
          name: read.indicator.name,
          measureLabel: measureLabel(read.indicator, read.measure),
        })),
        rows: children
          .map((child) => ctx.geography.areas.get(child))
          .filter((child): child is AreaInfo => child !== undefined)
          .sort((a, b) => compareAreaNames(a.name, b.name))
          .map((child) => ({
            areaCode: child.code,
            areaName: child.name,
            values: readers.map((read) => stripResolved(read.figure(periodCode, child.code))),
          })),
      };
    }

    return {
      area: { code: area.code, name: area.name, level: area.level },
      period: periodCode,
      periodLabel: periodCodeLabel(periodCode),
      periods: periodOptions.map((option) => ({ code: option, label: periodCodeLabel(option) })),
      group: {
        kind: query.group ?? 'grootteklasse',
        label: group.label,
        description: group.description,
        areas: group.codes
          .map((member) => ({ code: member, name: ctx.geography.areas.get(member)?.name ?? member }))
          .sort((a, b) => compareAreaNames(a.name, b.name)),
      },
      keyFigures,
      members,
      notes: [...notes],
      sources: [...sources],
      syntheticData: await hasSyntheticData(db),
      generatedAt: new Date().toISOString(),
    };
  }

  async function series(query: SeriesQuery): Promise<SeriesResponse> {
    const ctx = await store.current();
    const indicator = indicatorOf(ctx, query.indicator);
    const measure = chooseMeasure(indicator, query.measure);
    const division = query.division ?? 'historisch';
    const areas = query.areas.map((code) => {
      const area = ctx.geography.areas.get(code);
      if (!area) throw new NotFoundError(`Onbekend gebied: ${code}.`);
      return area;
    });
    const type = indicator.periodTypes.includes('JJ') ? 'JJ' : indicator.periodTypes[0];
    const periods = (await periodsOf(ctx, indicator))
      .map((code) => parsePeriodCode(code) as Period)
      .filter((period) => period.type === type)
      .reverse();
    const read = await reader(ctx, indicator, measure, periods);
    const before = query.changedSince
      ? await reader(ctx, indicator, measure, periods, query.changedSince)
      : null;
    const today = new Date().toISOString().slice(0, 10);
    const notes = new Set<string>();
    const mergersUsed = new Set<string>();

    /** A figure of today's gemeente: its predecessors' shown counts and bases, summed. */
    const onToday = (source: MeasureReader, periodCode: string, area: AreaInfo): Resolved => {
      if (area.level !== 'gemeente' || area.validTo !== null) return source.figure(periodCode, area.code);
      const table = source.tables(periodCode)[0];
      const period = parsePeriodCode(periodCode) as Period;
      const start = `${period.year}-01-01`;
      const parts: Array<{ code: string; share: number; figure: Resolved; endedDuring: boolean }> = [];
      for (const candidate of ctx.geography.areas.values()) {
        if (candidate.level !== 'gemeente' || !table?.cells.has(cellId(candidate.code, ''))) continue;
        const share =
          candidate.code === area.code
            ? 1
            : (successorsOn(candidate.code, today, ctx.geography.mergers).successors.find(
                (successor) => successor.code === area.code,
              )?.share ?? 0);
        if (share <= 0) continue;
        const endedDuring =
          candidate.validTo !== null &&
          candidate.validTo > start &&
          candidate.validTo <= referenceEnd(period);
        parts.push({
          code: candidate.code,
          share,
          figure: source.figure(periodCode, candidate.code),
          endedDuring,
        });
      }
      if (parts.length === 1 && parts[0]?.code === area.code) return parts[0].figure;
      for (const part of parts) if (part.code !== area.code) mergersUsed.add(part.code);
      // A gemeente that ended during the period often has no figure of its own for it; its successor's covers it.
      const counted = parts.filter((part) => !(part.endedDuring && part.figure.status === 'geen gegevens'));
      if (source.rateKind === null) {
        const sum = onCurrentDivision(
          counted.map((part) => ({
            share: part.share,
            value: part.figure.value,
            status: part.figure.status,
          })),
        );
        return {
          ...NONE,
          ...sum,
          reason: null,
          count: sum.value,
          provisional: counted.some((part) => part.figure.provisional),
        };
      }
      const count = onCurrentDivision(
        counted.map((part) => ({ share: part.share, value: part.figure.count, status: part.figure.status })),
      );
      const base = onCurrentDivision(
        counted.map((part) => ({
          share: part.share,
          value: part.figure.base,
          status: part.figure.base === null ? 'geen gegevens' : 'getoond',
        })),
      );
      if (count.status !== 'getoond')
        return {
          ...NONE,
          status: count.status,
          reason: null,
        };
      if (base.value === null || base.value <= 0) return NONE;
      const factor = source.rateKind === 'per1000' ? 1000 : 100;
      return {
        value: round(((count.value as number) / base.value) * factor),
        status: 'getoond',
        reason: null,
        provisional: counted.some((part) => part.figure.provisional),
        count: count.value,
        base: base.value,
      };
    };
    const figureOf = (source: MeasureReader, periodCode: string, area: AreaInfo) =>
      division === 'huidig' ? onToday(source, periodCode, area) : source.figure(periodCode, area.code);

    const result = areas.map((area) => {
      if (division === 'huidig' && (area.level !== 'gemeente' || area.validTo !== null))
        notes.add(
          `${area.name}: op huidige indeling kan alleen voor een bestaande gemeente; getoond zoals geleverd.`,
        );
      return {
        areaCode: area.code,
        areaName: area.name,
        level: area.level,
        points: periods.map((period) => {
          const code = formatPeriodCode(period);
          const now = figureOf(read, code, area);
          const then = before ? figureOf(before, code, area) : null;
          // Only a shown figure is marked, and only a shown earlier value is given: an old value of a cell hidden
          // now would undo its protection.
          const changed =
            then !== null &&
            now.status === 'getoond' &&
            (then.value !== now.value || then.status !== now.status);
          return {
            period: code,
            periodLabel: periodCodeLabel(code),
            ...stripResolved(now),
            changed,
            previousValue: changed && then?.status === 'getoond' ? then.value : null,
          };
        }),
      };
    });
    for (const period of periods)
      for (const note of notesFor(read, read.tables(formatPeriodCode(period)))) notes.add(note);
    const merged = [...mergersUsed]
      .map((code) => ctx.geography.areas.get(code)?.name ?? code)
      .sort(compareAreaNames);
    return {
      indicator: summary(indicator),
      measure,
      measureLabel: measureLabel(indicator, measure),
      division,
      method:
        division === 'huidig'
          ? `Op huidige indeling (${today.split('-').reverse().join('-')}): cijfers van gemeenten die later zijn samengevoegd, zijn opgeteld bij de gemeente waarin ze nu liggen, volgens de herindelingstabel; bij een splitsing naar rato van het inwonertal. Cijfers per 1.000 inwoners en percentages zijn berekend uit de opgetelde aantallen. Is een van de delen afgeschermd, dan is de som ook afgeschermd.${merged.length > 0 ? ` Meegeteld: ${merged.join(', ')}.` : ' In deze periodes zijn de gekozen gemeenten niet heringedeeld.'}`
          : null,
      changedSince: query.changedSince ?? null,
      series: result,
      notes: [...notes],
      sources: sourcesFor(read, ctx),
      syntheticData: await hasSyntheticData(db),
      generatedAt: new Date().toISOString(),
    };
  }

  /** Protected figures of stored cells for the figures API: id `area|breakdown` per period. */
  async function protectedCells(indicatorCode: string, periodCodes: readonly string[], asOf?: string) {
    // The tables know dates; an instant is read as its Dutch day (protection as known at the end of that day).
    const asOfDay = asOf?.slice(0, 10);
    const ctx = await store.current();
    const indicator = indicatorOf(ctx, indicatorCode);
    const periods = periodCodes.map((code) => parsePeriodCode(code) as Period);
    const read = await reader(ctx, indicator, indicator.formula ? 'waarde' : 'aantal', periods, asOfDay);
    return (period: string, area: string, breakdown: string) =>
      stripResolved(read.figure(period, area, breakdown));
  }

  return { map, mapJson, profile, series, protectedCells, dataVersion: store.dataVersion };
}

export type DashboardsService = ReturnType<typeof createDashboardsService>;

function referenceEnd(period: Period): string {
  return `${period.year + 1}-01-01`;
}

/**
 * A published figure. The reason a cell is hidden stays inside: "klein aantal" would tell a reader the value is
 * 1–4, and with the other hidden cells of a sum that can pin it down.
 */
function shown(cell: ProtectedTableCell): ProtectedFigure {
  return { value: cell.value, status: cell.status, reason: null, provisional: cell.provisional };
}

function stripResolved(figure: Resolved): ProtectedFigure {
  return {
    value: figure.value,
    status: figure.status,
    reason: figure.reason,
    provisional: figure.provisional,
  };
}

/** A rate or percentage of two protected cells: hidden when either is hidden, from the shown values otherwise. */
function ratio(
  kind: RateKind,
  top: ProtectedTableCell | undefined,
  bottom: ProtectedTableCell | undefined,
): Resolved {
  const provisional = Boolean(top?.provisional || bottom?.provisional);
  if (top?.status === 'afgeschermd' || bottom?.status === 'afgeschermd')
    return {
      ...NONE,
      status: 'afgeschermd',
      reason: null,
      provisional,
    };
  if (top?.value == null || bottom?.value == null || bottom.value === 0) return NONE;
  const factor = kind === 'per1000' ? 1000 : 100;
  return {
    value: round((top.value / bottom.value) * factor),
    status: 'getoond',
    reason: null,
    provisional,
    count: top.value,
    base: bottom.value,
  };
}
