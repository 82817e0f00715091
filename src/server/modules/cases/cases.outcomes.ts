/**
 * Outcome indicators of the case register as plain functions: what one case's history says (its summary), and
 * how summaries add up to a share with its interval. The summary holds only what does not change with the
 * passing of time; the one rule that does (a case whose window has not closed is too young: censored) is applied
 * when counting, with the day of counting as input, so figures never need a nightly rewrite of every case.
 */
import {
  type ClosureReason,
  DEFAULT_FOLLOW_UP_SCHEDULE,
  type FollowUpDecision,
  type FollowUpMoment,
  SAFETY_ASSESSMENT_NORM_WORKING_DAYS,
  type SafetyAssessment,
} from '../../../shared/cases.ts';
import { wilsonInterval } from '../dashboards/dashboards.domain.ts';
import { type ProtectionRule, protectCounts, type SumGroup } from '../disclosure/disclosure.domain.ts';
import {
  addMonths,
  type CaseEvent,
  daysBetween,
  type IsoDate,
  type MeasurementEvent,
  measurementFor,
  scheduleFollowUps,
  workingDaysBetween,
} from './cases.domain.ts';

/**
 * A case's answer to one outcome question: `ja`/`nee`, `onbekend` (a measurement said so), or null: not
 * decided by the events yet. Null turns into "too young" (censored) while the window is open, and afterwards
 * into unknown (outcomes) or `nee` (recurrence: no new melding came).
 */
export type Answer = 'ja' | 'nee' | 'onbekend' | null;

export type CaseSummary = {
  gemeente: string;
  meldingDate: IsoDate;
  melder: string;
  violenceTypes: string[];
  safetyAssessment: SafetyAssessment | null;
  assessmentDate: IsoDate | null;
  decision: FollowUpDecision | null;
  decisionDate: IsoDate | null;
  /** The first handover to the local field; follow-ups are scheduled from it. */
  handoverDate: IsoDate | null;
  receivingTeamId: number | null;
  handoverCount: number;
  /** Distinct directing teams in order of taking over. */
  directorTeamIds: number[];
  planDate: IsoDate | null;
  closureDate: IsoDate | null;
  closureReason: ClosureReason | null;
  primaryIntervention: string | null;
  /** Every organisation involved as receiving team or director (the supplier is added by the caller). */
  involvedTeamIds: number[];
  /** Outcome cohort: the year of handover. */
  cohortYear: number | null;
  stopped12: Answer;
  safe3: Answer;
  safe12: Answer;
  window3End: IsoDate | null;
  window12End: IsoDate | null;
  /** A new melding for the household within 12 months of handover (or closure, when never handed over). */
  recurrence12: Answer;
  recurrenceFrom: IsoDate | null;
  recurrenceWindowEnd: IsoDate | null;
  workingDaysToAssessment: number | null;
  daysToHandover: number | null;
  daysFromHandoverToPlan: number | null;
};

export class CaseShapeError extends Error {}

/** The schedule must keep +3 and +12 months: the outcome indicators are defined on them. */
export function scheduleProblem(schedule: readonly FollowUpMoment[]): string | null {
  const months = schedule.map((moment) => moment.months);
  if (!months.includes(3) || !months.includes(12))
    return 'Het schema moet een meetmoment na 3 en na 12 maanden houden: de uitkomstindicatoren zijn daarop gedefinieerd.';
  if (new Set(months).size !== months.length) return 'Een meetmoment komt twee keer voor.';
  for (const moment of schedule) {
    if (!Number.isInteger(moment.months) || moment.months < 1 || moment.months > 60)
      return 'Een meetmoment ligt tussen 1 en 60 maanden na de overdracht.';
    for (const days of [moment.daysBefore, moment.daysAfter]) {
      if (!Number.isInteger(days) || days < 0 || days > 120)
        return 'Een venster loopt hoogstens 120 dagen voor en na het meetmoment.';
    }
  }
  const sorted = [...schedule].sort((a, b) => a.months - b.months);
  for (let index = 1; index < sorted.length; index += 1) {
    const previous = sorted[index - 1] as FollowUpMoment;
    const current = sorted[index] as FollowUpMoment;
    if (previous.months * 30.4 + previous.daysAfter >= current.months * 30.4 - current.daysBefore)
      return `De vensters van ${previous.months} en ${current.months} maanden overlappen: een meting zou voor beide tellen.`;
  }
  return null;
}

function measurementAnswer(measurement: MeasurementEvent | null, field: 'violence' | 'safety'): Answer {
  if (!measurement) return null;
  if (field === 'violence')
    return measurement.violence === 'nee' ? 'ja' : measurement.violence === 'ja' ? 'nee' : 'onbekend';
  return measurement.safety === 'veilig' ? 'ja' : measurement.safety === 'onveilig' ? 'nee' : 'onbekend';
}

/**
 * Summarises one case. `laterMeldingen` are the melding dates of the household's other cases (any order; only
 * those after this case's melding matter): a new melding is what "recurrence" means, and it ends "stopped".
 */
export function summariseCase(
  events: readonly CaseEvent[],
  laterMeldingen: readonly IsoDate[],
  schedule: readonly FollowUpMoment[] = DEFAULT_FOLLOW_UP_SCHEDULE,
): CaseSummary {
  const melding = events.find((event) => event.kind === 'melding');
  if (melding?.kind !== 'melding') throw new CaseShapeError('Een casus heeft precies één melding.');
  const first = <K extends CaseEvent['kind']>(kind: K) =>
    events.find((event): event is Extract<CaseEvent, { kind: K }> => event.kind === kind) ?? null;
  const all = <K extends CaseEvent['kind']>(kind: K) =>
    events.filter((event): event is Extract<CaseEvent, { kind: K }> => event.kind === kind);

  const assessment = first('veiligheidsbeoordeling');
  const decision = all('besluit').at(-1) ?? null;
  const handovers = all('overdracht');
  const handover = handovers[0] ?? null;
  const directors: number[] = [];
  for (const event of all('regisseur')) {
    if (directors.at(-1) !== event.teamId) directors.push(event.teamId);
  }
  const plan = first('plan');
  const closure = first('afsluiting');
  const primary = all('interventie_start').find((event) => event.primary) ?? null;
  const measurements = all('meting');
  const involved = new Set<number>([...handovers.map((event) => event.teamId), ...directors]);
  const later = laterMeldingen.filter((date) => date > melding.date).sort();

  let stopped12: Answer = null;
  let safe3: Answer = null;
  let safe12: Answer = null;
  let window3End: IsoDate | null = null;
  let window12End: IsoDate | null = null;
  if (handover) {
    const moments = scheduleFollowUps(handover.date, schedule);
    const at3 = moments.find((moment) => moment.months === 3);
    const at12 = moments.find((moment) => moment.months === 12);
    if (!at3 || !at12) throw new CaseShapeError('Het vervolgschema mist het meetmoment van 3 of 12 maanden.');
    window3End = at3.windowEnd;
    window12End = at12.windowEnd;
    const measurement3 = measurementFor(at3, measurements);
    const measurement12 = measurementFor(at12, measurements);
    safe3 = measurementAnswer(measurement3, 'safety');
    safe12 = measurementAnswer(measurement12, 'safety');
    // A new melding between handover and the 12-month measurement (or the window's end) means it did not stop.
    const until = measurement12?.date ?? at12.windowEnd;
    const recurredBefore = later.some((date) => date > handover.date && date <= until);
    stopped12 = recurredBefore ? 'nee' : measurementAnswer(measurement12, 'violence');
  }

  const recurrenceFrom = handover?.date ?? closure?.date ?? null;
  const recurrenceWindowEnd = recurrenceFrom ? addMonths(recurrenceFrom, 12) : null;
  const recurrence12: Answer =
    recurrenceFrom && recurrenceWindowEnd
      ? later.some((date) => date > recurrenceFrom && date <= recurrenceWindowEnd)
        ? 'ja'
        : null
      : null;

  return {
    gemeente: melding.gemeente,
    meldingDate: melding.date,
    melder: melding.melder,
    violenceTypes: melding.violenceTypes,
    safetyAssessment: assessment?.assessment ?? null,
    assessmentDate: assessment?.date ?? null,
    decision: decision?.decision ?? null,
    decisionDate: decision?.date ?? null,
    handoverDate: handover?.date ?? null,
    receivingTeamId: handover?.teamId ?? null,
    handoverCount: handovers.length,
    directorTeamIds: directors,
    planDate: plan?.date ?? null,
    closureDate: closure?.date ?? null,
    closureReason: closure?.reason ?? null,
    primaryIntervention: primary?.intervention ?? null,
    involvedTeamIds: [...involved].sort((a, b) => a - b),
    cohortYear: handover ? Number(handover.date.slice(0, 4)) : null,
    stopped12,
    safe3,
    safe12,
    window3End,
    window12End,
    recurrence12,
    recurrenceFrom,
    recurrenceWindowEnd,
    workingDaysToAssessment: assessment ? workingDaysBetween(melding.date, assessment.date) : null,
    daysToHandover: handover ? daysBetween(melding.date, handover.date) : null,
    daysFromHandoverToPlan: handover && plan ? daysBetween(handover.date, plan.date) : null,
  };
}

// ---- Counting ----

/** What an answer means on the day of counting. */
export type Resolved = 'ja' | 'nee' | 'onbekend' | 'te_jong';

/** For outcomes: undecided after the window closed is unknown; before, the case is too young (censored). */
export function resolveOutcome(answer: Answer, windowEnd: IsoDate | null, today: IsoDate): Resolved | null {
  if (windowEnd === null) return null;
  if (answer !== null) return answer;
  return today > windowEnd ? 'onbekend' : 'te_jong';
}

/** For recurrence: no new melding by the window's end means none came. */
export function resolveRecurrence(
  answer: Answer,
  windowEnd: IsoDate | null,
  today: IsoDate,
): Resolved | null {
  if (windowEnd === null) return null;
  if (answer !== null) return answer;
  return today > windowEnd ? 'nee' : 'te_jong';
}

export type ShareTally = {
  /** Cases with "ja" (e.g. violence stopped). */
  yes: number;
  /** Cases whose status is known (ja + nee): the denominator. */
  known: number;
  /** Reported beside the share, never folded into it. */
  unknown: number;
  /** Too young: window still open and nothing decided. */
  censored: number;
  share: number | null;
  interval: { low: number; high: number } | null;
};

export function emptyTally(): Omit<ShareTally, 'share' | 'interval'> {
  return { yes: 0, known: 0, unknown: 0, censored: 0 };
}

export function addToTally(tally: Omit<ShareTally, 'share' | 'interval'>, resolved: Resolved | null): void {
  if (resolved === null) return;
  if (resolved === 'ja') {
    tally.yes += 1;
    tally.known += 1;
  } else if (resolved === 'nee') tally.known += 1;
  else if (resolved === 'onbekend') tally.unknown += 1;
  else tally.censored += 1;
}

/** The share yes ÷ known with its 95% Wilson interval; null when nothing is known. */
export function finishTally(tally: Omit<ShareTally, 'share' | 'interval'>): ShareTally {
  return {
    ...tally,
    share: tally.known > 0 ? tally.yes / tally.known : null,
    interval: wilsonInterval(tally.yes, tally.known),
  };
}

export const OUTCOME_MEASURES = [
  'gestopt_12m',
  'veilig_3m',
  'veilig_12m',
  'hermelding_12m',
  'veiligheidsbeoordeling_tijdig',
  'een_regisseur',
] as const;
export type OutcomeMeasure = (typeof OUTCOME_MEASURES)[number];

/**
 * The answer of one case to one measure on a day. `hermelding_12m` counts cases with a new melding (lower is
 * better); the others count the good outcome. Timeliness and one director concern every case handed over
 * (or assessed) and are never too young.
 */
export function caseAnswer(summary: CaseSummary, measure: OutcomeMeasure, today: IsoDate): Resolved | null {
  switch (measure) {
    case 'gestopt_12m':
      return resolveOutcome(summary.stopped12, summary.window12End, today);
    case 'veilig_3m':
      return resolveOutcome(summary.safe3, summary.window3End, today);
    case 'veilig_12m':
      return resolveOutcome(summary.safe12, summary.window12End, today);
    case 'hermelding_12m':
      return resolveRecurrence(summary.recurrence12, summary.recurrenceWindowEnd, today);
    case 'veiligheidsbeoordeling_tijdig':
      if (summary.workingDaysToAssessment === null) return null;
      return summary.workingDaysToAssessment <= SAFETY_ASSESSMENT_NORM_WORKING_DAYS ? 'ja' : 'nee';
    case 'een_regisseur':
      if (summary.handoverDate === null) return null;
      return summary.directorTeamIds.length === 1 ? 'ja' : 'nee';
  }
}

/** Middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * Handovers per household ("heen en weer geschoven"): over all cases of a household, how often it was handed
 * over. Input: household → its cases' handover counts.
 */
export function handoversPerHousehold(households: ReadonlyMap<string, readonly number[]>): {
  households: number;
  mean: number | null;
  moreThanOne: number;
} {
  let total = 0;
  let counted = 0;
  let moreThanOne = 0;
  for (const counts of households.values()) {
    const sum = counts.reduce((a, b) => a + b, 0);
    if (sum === 0) continue;
    counted += 1;
    total += sum;
    if (sum > 1) moreThanOne += 1;
  }
  return { households: counted, mean: counted > 0 ? total / counted : null, moreThanOne };
}

// ---- The published outcome table ----

/**
 * Outcome counts leave the server rounded to a multiple of 5 (or the installation's coarser rounding), besides
 * hiding counts below the threshold. The same cases appear in many overlapping views (per intervention, region,
 * year, safety assessment, and across measures that share their cases); suppression protects each view, and the
 * rounding, as CBS rounds Veilig Thuis counts, keeps differences between views from giving an exact small count.
 */
export const OUTCOME_ROUNDING = 5;

export function outcomeRule(settings: {
  disclosureThreshold: number;
  disclosureRoundTo: number | null;
}): ProtectionRule {
  return {
    threshold: settings.disclosureThreshold,
    roundTo: Math.max(OUTCOME_ROUNDING, settings.disclosureRoundTo ?? 0),
    suppressZero: false,
  };
}

/** One group of cases from the SQL scan (`outcomeCounts`): how many answer a measure how. */
export type OutcomeCount = {
  intervention: string;
  region: string | null;
  gemeente: string;
  year: number | null;
  safety: string | null;
  answer: Resolved;
  cases: number;
};

export const OUTCOME_GROUPINGS = ['interventie', 'regio', 'gemeente'] as const;
export type OutcomeGrouping = (typeof OUTCOME_GROUPINGS)[number];

export const CASE_MIX = ['acuut', 'structureel', 'geen', 'onbekend'] as const;

/** A tally as published: a count hidden by small-number protection is null, and so is a share made from it. */
export type PublishedTally = {
  [K in keyof ShareTally]: K extends 'share' | 'interval' ? ShareTally[K] : number | null;
};

export type OutcomeRow = {
  key: string;
  tally: PublishedTally;
  /** The same share per safety assessment (case mix), so groups are not compared on different populations. */
  caseMix: Record<(typeof CASE_MIX)[number], PublishedTally>;
  /** Which counts are hidden by small-number protection (the share then is hidden too). */
  hidden: boolean;
};

export type OutcomeTable = { rows: OutcomeRow[]; total: OutcomeRow };

type Counts = { yes: number; no: number; unknown: number; censored: number };

function emptyCounts(): Counts {
  return { yes: 0, no: 0, unknown: 0, censored: 0 };
}

/**
 * Folds counts into a table by grouping, then protects it: yes/no/unknown/too-young counts of each group and
 * case-mix split are one protected table, with the splits adding up to the group and the groups to the total,
 * so a hidden count cannot be derived by subtraction. A share is shown only when its yes and no counts are.
 */
export function buildOutcomeTable(
  counts: readonly OutcomeCount[],
  by: OutcomeGrouping,
  rule: ProtectionRule | null,
): OutcomeTable {
  const keyOf = (count: OutcomeCount) =>
    by === 'interventie'
      ? count.intervention
      : by === 'regio'
        ? (count.region ?? 'onbekend')
        : count.gemeente;
  const groups = new Map<string, Map<string, Counts>>();
  const add = (group: string, mix: string, count: OutcomeCount) => {
    const byMix = groups.get(group) ?? new Map<string, Counts>();
    groups.set(group, byMix);
    const target = byMix.get(mix) ?? emptyCounts();
    byMix.set(mix, target);
    if (count.answer === 'ja') target.yes += count.cases;
    else if (count.answer === 'nee') target.no += count.cases;
    else if (count.answer === 'onbekend') target.unknown += count.cases;
    else target.censored += count.cases;
  };
  for (const count of counts) {
    const mix = count.safety ?? 'onbekend';
    for (const group of [keyOf(count), '*']) {
      add(group, mix, count);
      add(group, '*', count);
    }
  }
  const fields = ['yes', 'no', 'unknown', 'censored'] as const;
  const cells: Array<{ id: string; value: number | null }> = [];
  const sumGroups: SumGroup[] = [];
  const keys = [...groups.keys()].filter((key) => key !== '*');
  for (const [group, byMix] of groups) {
    for (const mix of ['*', ...CASE_MIX]) {
      const tally = byMix.get(mix) ?? emptyCounts();
      for (const field of fields) cells.push({ id: `${group}|${mix}|${field}`, value: tally[field] });
    }
    for (const field of fields)
      sumGroups.push({
        total: `${group}|*|${field}`,
        parts: CASE_MIX.map((mix) => `${group}|${mix}|${field}`),
      });
  }
  for (const mix of ['*', ...CASE_MIX])
    for (const field of fields)
      sumGroups.push({ total: `*|${mix}|${field}`, parts: keys.map((key) => `${key}|${mix}|${field}`) });
  const protectedCells = rule ? protectCounts(cells, sumGroups, rule) : null;
  const shown = (id: string, value: number) => {
    const cell = protectedCells?.get(id);
    if (!cell) return { value, hidden: false };
    return { value: cell.value ?? 0, hidden: cell.status === 'afgeschermd' };
  };
  const tallyOf = (group: string, mix: string): { tally: PublishedTally; hidden: boolean } => {
    const raw = groups.get(group)?.get(mix) ?? emptyCounts();
    const yes = shown(`${group}|${mix}|yes`, raw.yes);
    const no = shown(`${group}|${mix}|no`, raw.no);
    const unknown = shown(`${group}|${mix}|unknown`, raw.unknown);
    const censored = shown(`${group}|${mix}|censored`, raw.censored);
    const hidden = yes.hidden || no.hidden;
    const finished = finishTally({
      yes: yes.value,
      known: yes.value + no.value,
      unknown: unknown.value,
      censored: censored.value,
    });
    if (!hidden && !unknown.hidden && !censored.hidden) return { tally: finished, hidden: false };
    return {
      tally: {
        yes: hidden ? null : finished.yes,
        known: hidden ? null : finished.known,
        unknown: unknown.hidden ? null : finished.unknown,
        censored: censored.hidden ? null : finished.censored,
        share: hidden ? null : finished.share,
        interval: hidden ? null : finished.interval,
      },
      hidden: true,
    };
  };
  const rowOf = (key: string): OutcomeRow => {
    const main = tallyOf(key, '*');
    const caseMix = Object.fromEntries(
      CASE_MIX.map((mix) => [mix, tallyOf(key, mix).tally]),
    ) as OutcomeRow['caseMix'];
    return { key, tally: main.tally, caseMix, hidden: main.hidden };
  };
  return {
    rows: keys.sort().map(rowOf),
    total: rowOf('*'),
  };
}
