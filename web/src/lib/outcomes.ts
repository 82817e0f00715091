// SPDX-License-Identifier: EUPL-1.2
/**
 * Texts and pure helpers of the outcome pages (/uitkomsten, /interventies): the measures and their definitions,
 * shares and Wilson intervals written the Dutch way, protected counts as "afgeschermd", group names, the cohort
 * years to offer, and the interval chart.
 */
import type { ChartOption } from '../charts/chart-option.ts';
import type { OutcomeGroupingCode, OutcomeMeasureCode, OutcomesSearch } from './cases-search.ts';
import { formatNumber } from './format.ts';

export type MeasureText = {
  label: string;
  /** Who is counted (teller) and out of whom (noemer). */
  numerator: string;
  denominator: string;
  /** For recurrence a lower share is better; the page says so. */
  lowerIsBetter: boolean;
};

export const MEASURES: Record<OutcomeMeasureCode, MeasureText> = {
  gestopt_12m: {
    label: 'Geweld gestopt na 12 maanden',
    numerator:
      'overgedragen casussen waarvan de vervolgmeting die het dichtst bij 12 maanden na de overdracht ligt (binnen het meetvenster) geen geweld meldt, en waarbij er tussendoor geen nieuwe melding voor het huishouden kwam',
    denominator: 'overgedragen casussen waarvan bekend is of het geweld na 12 maanden gestopt is',
    lowerIsBetter: false,
  },
  veilig_3m: {
    label: 'Veilig na 3 maanden',
    numerator:
      'overgedragen casussen waarvan de vervolgmeting rond 3 maanden na de overdracht (binnen het meetvenster) de situatie veilig noemt',
    denominator: 'overgedragen casussen waarvan de veiligheid na 3 maanden bekend is',
    lowerIsBetter: false,
  },
  veilig_12m: {
    label: 'Veilig na 12 maanden',
    numerator:
      'overgedragen casussen waarvan de vervolgmeting rond 12 maanden na de overdracht (binnen het meetvenster) de situatie veilig noemt',
    denominator: 'overgedragen casussen waarvan de veiligheid na 12 maanden bekend is',
    lowerIsBetter: false,
  },
  hermelding_12m: {
    label: 'Nieuwe melding binnen 12 maanden',
    numerator:
      'casussen waarbij binnen 12 maanden na de overdracht (of na de afsluiting, zonder overdracht) een nieuwe melding voor hetzelfde huishouden kwam',
    denominator: 'casussen waarvan die 12 maanden voorbij zijn of die al een nieuwe melding hadden',
    lowerIsBetter: true,
  },
  veiligheidsbeoordeling_tijdig: {
    label: 'Veiligheidsbeoordeling binnen 5 werkdagen',
    numerator: 'casussen waarin Veilig Thuis de veiligheid binnen 5 werkdagen na de melding beoordeelde',
    denominator: 'casussen met een veiligheidsbeoordeling',
    lowerIsBetter: false,
  },
  een_regisseur: {
    label: 'Eén regisseur',
    numerator: 'overgedragen casussen met precies één regisseur (team) over de hele looptijd',
    denominator: 'overgedragen casussen',
    lowerIsBetter: false,
  },
};

export const MEASURE_CODES = Object.keys(MEASURES) as OutcomeMeasureCode[];

export const GROUPINGS: Record<OutcomeGroupingCode, { label: string; column: string }> = {
  interventie: { label: 'Per interventie', column: 'Primaire interventie' },
  regio: { label: 'Per regio (benchmark van de ketens)', column: 'Veilig Thuis-regio' },
  gemeente: { label: 'Per gemeente', column: 'Gemeente' },
};

export const GROUPING_CODES = Object.keys(GROUPINGS) as OutcomeGroupingCode[];

export const HIDDEN_TEXT = 'afgeschermd';
export const NO_SHARE_TEXT = 'geen bekende uitkomst';

const percentFormat = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** 0.425 → "42,5%". */
export function formatShare(share: number): string {
  return `${percentFormat.format(share * 100)}%`;
}

/** {low: 0.381, high: 0.469} → "38,1–46,9%" (en dash, one percent sign). */
export function formatInterval(interval: { low: number; high: number }): string {
  return `${percentFormat.format(interval.low * 100)}–${percentFormat.format(interval.high * 100)}%`;
}

/** A count as published: null (small-number protection) is "afgeschermd", in words, not only in style. */
export function countText(value: number | null): string {
  return value === null ? HIDDEN_TEXT : formatNumber(value);
}

type ShareLike = { known: number | null; share: number | null };

/** The share of a tally: "afgeschermd" when protected, a dash-free phrase when nothing is known yet. */
export function shareText(tally: ShareLike): string {
  if (tally.share !== null) return formatShare(tally.share);
  return tally.known === null ? HIDDEN_TEXT : NO_SHARE_TEXT;
}

export function intervalText(tally: ShareLike & { interval: { low: number; high: number } | null }): string {
  if (tally.interval) return formatInterval(tally.interval);
  return tally.known === null ? HIDDEN_TEXT : NO_SHARE_TEXT;
}

/** A case-mix cell: the stratum's share and its number of known cases, e.g. "45,0% (n = 20)". */
export function caseMixText(tally: ShareLike): string {
  if (tally.known === null) return HIDDEN_TEXT;
  if (tally.known === 0 || tally.share === null) return 'n = 0';
  return `${formatShare(tally.share)} (n = ${formatNumber(tally.known)})`;
}

/**
 * The name of a group: an intervention, region or gemeente by its code; 'geen' (no primary intervention) and
 * 'onbekend' (no region) in words; an unknown code as itself.
 */
export function groupName(key: string, by: OutcomeGroupingCode, names: ReadonlyMap<string, string>): string {
  const name = names.get(key);
  if (name) return name;
  if (by === 'interventie' && key === 'geen') return 'Geen primaire interventie';
  if (key === 'onbekend') return by === 'regio' ? 'Regio onbekend' : 'Onbekend';
  return key;
}

/** The cohort years to offer: this year and the five before, newest first, plus a chosen year outside them. */
export function cohortYears(currentYear: number, chosen?: number, count = 6): number[] {
  const years = Array.from({ length: count }, (_, index) => currentYear - index);
  if (chosen !== undefined && !years.includes(chosen)) years.push(chosen);
  return years.sort((a, b) => b - a);
}

/** The search with one thing changed; clearing the year or region removes it from the URL. */
export function withOutcomeChoice(
  search: OutcomesSearch,
  change: Partial<{
    maat: OutcomeMeasureCode;
    per: OutcomeGroupingCode;
    jaar: number | null;
    regio: string | null;
  }>,
): OutcomesSearch {
  const next: OutcomesSearch = {
    maat: change.maat ?? search.maat,
    per: change.per ?? search.per,
  };
  const jaar = change.jaar === undefined ? search.jaar : change.jaar;
  const regio = change.regio === undefined ? search.regio : change.regio;
  if (jaar !== null && jaar !== undefined) next.jaar = jaar;
  if (regio) next.regio = regio;
  return next;
}

/** The caption's description of the selection, e.g. "per interventie, cohort 2024, Veilig Thuis Utrecht". */
export function selectionText(search: OutcomesSearch, regionName: string | undefined): string {
  const parts = [
    search.per === 'interventie' ? 'per primaire interventie' : `per ${search.per}`,
    search.jaar !== undefined ? `jaar ${search.jaar}` : 'alle jaren',
    search.regio ? (regionName ?? search.regio) : 'heel Nederland',
  ];
  return parts.join(', ');
}

type PublishedCounts = { known: number | null; unknown: number | null; censored: number | null };

/** Whether small-number protection hid any count of these rows (their own or a case-mix split). */
export function hasProtectedCounts(
  rows: ReadonlyArray<{ tally: PublishedCounts; caseMix: Record<string, PublishedCounts> }>,
): boolean {
  const hidden = (tally: PublishedCounts) =>
    tally.known === null || tally.unknown === null || tally.censored === null;
  return rows.some((row) => hidden(row.tally) || Object.values(row.caseMix).some(hidden));
}

export type ChartItem = { name: string; share: number; low: number; high: number };

/**
 * A horizontal dot chart with interval whiskers: an invisible bar up to the lower bound, a thin bar for the
 * interval on top of it (stacked), and a dot at the share. Groups without a share are left out (the table lists
 * them). Values are percentages.
 */
export function outcomeChartOption(items: readonly ChartItem[], measureLabel: string): ChartOption {
  const names = items.map((item) => item.name);
  const percent = (value: number) => Math.round(value * 1000) / 10;
  return {
    grid: { left: 8, right: 24, top: 8, bottom: 32, containLabel: true },
    xAxis: {
      type: 'value',
      min: 0,
      max: 100,
      name: `${measureLabel} (%)`,
      nameLocation: 'middle',
      nameGap: 24,
    },
    yAxis: { type: 'category', data: names, inverse: true, axisTick: { show: false } },
    tooltip: { trigger: 'item' },
    series: [
      {
        type: 'bar',
        stack: 'interval',
        silent: true,
        itemStyle: { color: 'transparent' },
        barWidth: 4,
        data: items.map((item) => percent(item.low)),
        tooltip: { show: false },
      },
      {
        type: 'bar',
        stack: 'interval',
        name: '95%-interval',
        barWidth: 4,
        itemStyle: { color: '#5b6b80' },
        data: items.map((item) => percent(item.high) - percent(item.low)),
        tooltip: { show: false },
      },
      {
        type: 'scatter',
        name: measureLabel,
        symbolSize: 12,
        itemStyle: { color: '#154273' },
        data: items.map((item) => percent(item.share)),
      },
    ],
  };
}

// ---- Lead times and handovers (GET /api/outcomes/process) ----

/** A median or mean over nothing: not hidden, there is simply nothing to summarise. */
export const NO_CASES_TEXT = 'geen casussen';

const daysFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
const meanFormat = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A median number of days with at most one decimal: 12 → "12", 12.5 → "12,5", 1234 → "1.234". */
export function formatDays(value: number): string {
  return daysFormat.format(value);
}

/** A mean with two decimals: 13/12 → "1,08", 1 → "1,00". */
export function formatMean(value: number): string {
  return meanFormat.format(value);
}

/**
 * A median or mean cell: null is "afgeschermd" (a hidden count, or fewer cases than the threshold), unless the
 * count it summarises is 0 — then nothing is hidden and the cell says so.
 */
export function summaryText(value: number | null, basis: number | null, format: (value: number) => string) {
  if (value !== null) return format(value);
  return basis === 0 ? NO_CASES_TEXT : HIDDEN_TEXT;
}

export type ProcessFigures = {
  handedOver: number | null;
  medianDaysToHandover: number | null;
  withPlan: number | null;
  medianDaysHandoverToPlan: number | null;
  households: number | null;
  handoversPerHousehold: number | null;
  householdsHandedOverMoreThanOnce: number | null;
};

/** The column headers after the group column, in the order of `processCells`. */
export const PROCESS_COLUMNS = [
  'Overdrachten',
  'Dagen van melding tot overdracht (mediaan)',
  'Met plan',
  'Dagen van overdracht tot plan (mediaan)',
  'Huishoudens',
  'Overdrachten per huishouden',
  'Huishoudens vaker dan één keer overgedragen',
] as const;

/** The texts of one row's cells after its group name. */
export function processCells(row: ProcessFigures): string[] {
  return [
    countText(row.handedOver),
    summaryText(row.medianDaysToHandover, row.handedOver, formatDays),
    countText(row.withPlan),
    summaryText(row.medianDaysHandoverToPlan, row.withPlan, formatDays),
    countText(row.households),
    summaryText(row.handoversPerHousehold, row.households, formatMean),
    countText(row.householdsHandedOverMoreThanOnce),
  ];
}
