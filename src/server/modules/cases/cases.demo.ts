/**
 * `ketenzicht demo` for the case register: SYNTHETIC cases for every current gemeente, with plausible safety
 * assessments, decisions, handovers to a (synthetic) local team, interventions from the catalogue, follow-up
 * measurements at +3 and +12 months and some recurrences. Written as case extracts, one per Veilig
 * Thuis-regio with that region's (synthetic) Veilig Thuis organisation as supplier, and loaded through the
 * normal import pipeline, so they are checked, pseudonymised, versioned and undoable like any other extract.
 * The file name marks them synthetic. The generator is deterministic (seeded), so a second run changes nothing.
 *
 * Identifiers look like `DEMO-C000123` / `DEMO-H000123`: never a 9-digit number, which could pass for a BSN.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import {
  CASE_CSV_COLUMNS,
  type CaseCsvColumn,
  type ClosureReason,
  type ConditionsMet,
  DEMO_CASES_FILE_NAME,
  type FollowUpDecision,
  type MeasurementSource,
  type SafetyAssessment,
  type SafetyStatus,
  type YesNoUnknown,
} from '../../../shared/cases.ts';
import { type Db, selectRows } from '../../db/client.ts';
import type { RequestContext } from '../audit/audit.service.ts';
import { addDays, addMonths, type CaseEvent, type IsoDate, isWorkingDay } from './cases.domain.ts';
import { type CaseImportReport, importCases } from './cases.import.ts';
import type { PseudonymKeySource } from './cases.key.ts';

// ---------------------------------------------------------------------------------------------------------
// Random numbers

/** mulberry32: small, fast and the same on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed from a number and a text (FNV-1a): each gemeente gets its own stream, stable when others change. */
export function mixSeed(seed: number, text: string): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash | 0;
}

class Draw {
  constructor(private readonly next: () => number) {}
  unit(): number {
    return this.next();
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  /** An integer from min to max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T extends string>(weights: ReadonlyArray<readonly [T, number]>): T {
    const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
    let point = this.next() * total;
    for (const [value, weight] of weights) {
      point -= weight;
      if (point < 0) return value;
    }
    return (weights.at(-1) as readonly [T, number])[0];
  }
}

// ---------------------------------------------------------------------------------------------------------
// Shares (synthetic, near the national picture of DOMAIN.md §1–§3)

const MELDER_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['justitie_veiligheid', 66],
  ['gezondheidszorg', 8],
  ['ggz', 2],
  ['jeugdzorg', 3],
  ['onderwijs', 4],
  ['leerplicht', 0.5],
  ['kinderopvang', 0.5],
  ['veilig_thuis_andere_regio', 2],
  ['veilig_thuis_regionaal_maatwerk', 0.5],
  ['overig_professioneel', 4.5],
  ['niet_beroepsmatig', 8],
  ['onbekend', 1],
];

const VIOLENCE_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['kindermishandeling', 50],
  ['partnergeweld', 26],
  ['ex_partnergeweld', 12],
  ['ouderenmishandeling', 2],
  ['geweld_tegen_ouders', 3],
  ['eergerelateerd_geweld', 0.5],
  ['overig', 6.5],
];

const SAFETY_WEIGHTS: ReadonlyArray<readonly [SafetyAssessment, number]> = [
  ['acuut', 10],
  ['structureel', 35],
  ['geen', 55],
];

/**
 * Decisions by safety assessment; over the assessment mix above they come to about overdracht 45 %,
 * geen vervolg 24 %, Voorwaarden & Vervolg 15 % and onderzoek 15 %.
 */
const DECISION_WEIGHTS: Record<SafetyAssessment, ReadonlyArray<readonly [FollowUpDecision, number]>> = {
  geen: [
    ['geen_vervolg', 35],
    ['overdracht', 45],
    ['voorwaarden_vervolg', 10],
    ['onderzoek', 10],
  ],
  structureel: [
    ['geen_vervolg', 12],
    ['overdracht', 48],
    ['voorwaarden_vervolg', 20],
    ['onderzoek', 20],
  ],
  acuut: [
    ['geen_vervolg', 5],
    ['overdracht', 35],
    ['voorwaarden_vervolg', 30],
    ['onderzoek', 30],
  ],
};

/** Which types of violence each intervention of the shipped catalogue serves (reference-data/interventions.json). */
export const DEMO_INTERVENTION_VIOLENCE: Readonly<Record<string, readonly string[]>> = {
  wijkteam_begeleiding: [
    'kindermishandeling',
    'partnergeweld',
    'ex_partnergeweld',
    'ouderenmishandeling',
    'geweld_tegen_ouders',
    'eergerelateerd_geweld',
    'overig',
  ],
  tijdelijk_huisverbod: [
    'kindermishandeling',
    'partnergeweld',
    'ex_partnergeweld',
    'ouderenmishandeling',
    'geweld_tegen_ouders',
  ],
  mda_plusplus: [
    'kindermishandeling',
    'partnergeweld',
    'ex_partnergeweld',
    'ouderenmishandeling',
    'geweld_tegen_ouders',
    'eergerelateerd_geweld',
    'overig',
  ],
  vrouwenopvang: ['partnergeweld', 'ex_partnergeweld', 'eergerelateerd_geweld'],
  daderhulp: ['kindermishandeling', 'partnergeweld', 'ex_partnergeweld', 'ouderenmishandeling'],
  ondertoezichtstelling: ['kindermishandeling'],
  traumatherapie: [
    'kindermishandeling',
    'partnergeweld',
    'ex_partnergeweld',
    'ouderenmishandeling',
    'geweld_tegen_ouders',
    'eergerelateerd_geweld',
    'overig',
  ],
  systeemtherapie: ['kindermishandeling', 'partnergeweld', 'geweld_tegen_ouders'],
};

/** The primary intervention by safety assessment: local support most often, MDA++ more for structural cases. */
const INTERVENTION_WEIGHTS: Record<SafetyAssessment, ReadonlyArray<readonly [string, number]>> = {
  geen: [
    ['wijkteam_begeleiding', 65],
    ['systeemtherapie', 8],
    ['traumatherapie', 6],
    ['daderhulp', 6],
    ['mda_plusplus', 5],
    ['vrouwenopvang', 4],
    ['ondertoezichtstelling', 3],
  ],
  structureel: [
    ['wijkteam_begeleiding', 38],
    ['mda_plusplus', 30],
    ['systeemtherapie', 8],
    ['traumatherapie', 7],
    ['daderhulp', 7],
    ['ondertoezichtstelling', 6],
    ['vrouwenopvang', 4],
  ],
  acuut: [
    ['wijkteam_begeleiding', 30],
    ['mda_plusplus', 30],
    ['vrouwenopvang', 15],
    ['ondertoezichtstelling', 10],
    ['daderhulp', 10],
    ['traumatherapie', 5],
  ],
};

/** Chance that violence has stopped at 12 months, by primary intervention (synthetic, 30–50 %). */
const STOPPED_BASE: Readonly<Record<string, number>> = {
  wijkteam_begeleiding: 0.36,
  mda_plusplus: 0.46,
  tijdelijk_huisverbod: 0.3,
  vrouwenopvang: 0.42,
  daderhulp: 0.4,
  ondertoezichtstelling: 0.33,
  traumatherapie: 0.44,
  systeemtherapie: 0.48,
};
const STOPPED_BY_SAFETY: Record<SafetyAssessment, number> = { acuut: -0.06, structureel: -0.04, geen: 0.03 };

// ---------------------------------------------------------------------------------------------------------
// Generating cases

export type DemoGemeente = {
  code: string;
  name: string;
  region: string | null;
  /** Latest population; the number of cases follows it, so large gemeenten and regions have figures to show. */
  inhabitants?: number | null;
};

/** Demo cases per 1,000 inhabitants over the whole period (about 0.25 a year from 2023): ~14,000 in all. */
export const DEMO_CASES_PER_THOUSAND = 0.8;
export type DemoTeams = {
  vtByRegion: ReadonlyMap<string, number>;
  teamByGemeente: ReadonlyMap<string, number>;
};

export type DemoOptions = {
  seed: number;
  /** No event lies after this day. */
  today: IsoDate;
  /** Cases per gemeente, recurrences included; by default by population (DEMO_CASES_PER_THOUSAND, at least 4). */
  casesPerGemeente?: number;
  /** Meldingen from 1 January of this year … */
  fromYear: number;
  /** … up to this day; by default a month before the start of today's month. */
  lastMeldingDate?: IsoDate;
  /**
   * Share of cases decided "overdracht" regardless of the assessment (the benchmark wants nearly every case
   * handed over, so it has the full set of events); by default the decision follows the assessment.
   */
  forcedHandoverShare?: number;
};

export type DemoCase = {
  caseId: string;
  householdId: string;
  gemeente: string;
  region: string | null;
  /** In date order (file order within a day). */
  events: CaseEvent[];
};

/** One household's cases: one, or two when a new melding came later (recurrence). */
export type DemoHousehold = { householdId: string; cases: DemoCase[] };

type Built = { events: CaseEvent[]; handedOver: boolean; stopped: boolean };

function addWorkingDays(date: IsoDate, days: number): IsoDate {
  let day = date;
  let left = days;
  while (left > 0) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) left -= 1;
  }
  return day;
}

const later = (a: IsoDate, b: IsoDate) => (a > b ? a : b);

function regionShift(seed: number, region: string | null): number {
  // ±0.08 around the intervention's base: regions differ, so the benchmark page has something to compare.
  return (seededRandom(mixSeed(seed, `region:${region ?? '-'}`))() - 0.5) * 0.16;
}

function buildCase(
  draw: Draw,
  gemeente: DemoGemeente,
  teams: DemoTeams,
  melding: IsoDate,
  shift: number,
  forcedHandoverShare: number,
): Built {
  const events: CaseEvent[] = [];
  const firstViolence = draw.pick(VIOLENCE_WEIGHTS);
  const violenceTypes = [firstViolence];
  if (draw.chance(0.2)) {
    const second = draw.pick(VIOLENCE_WEIGHTS);
    if (second !== firstViolence) violenceTypes.push(second);
  }
  events.push({
    kind: 'melding',
    date: melding,
    gemeente: gemeente.code,
    melder: draw.pick(MELDER_WEIGHTS),
    violenceTypes,
  });

  const safety = draw.pick(SAFETY_WEIGHTS);
  // Norm: 5 working days; acute cases the same or next day; about 1 in 7 others late.
  const assessmentDays =
    safety === 'acuut' ? draw.int(0, 1) : draw.chance(0.86) ? draw.int(1, 5) : draw.int(6, 14);
  const assessed = addWorkingDays(melding, assessmentDays);
  events.push({ kind: 'veiligheidsbeoordeling', date: assessed, assessment: safety });

  const decision: FollowUpDecision =
    forcedHandoverShare > 0 && draw.chance(forcedHandoverShare)
      ? 'overdracht'
      : draw.pick(DECISION_WEIGHTS[safety]);
  const decided = addDays(assessed, safety === 'acuut' ? draw.int(0, 2) : draw.int(0, 10));
  events.push({ kind: 'besluit', date: decided, decision });

  const localTeam = teams.teamByGemeente.get(gemeente.code);
  const vt = gemeente.region !== null ? teams.vtByRegion.get(gemeente.region) : undefined;
  const compatible = (code: string) =>
    violenceTypes.some((type) => DEMO_INTERVENTION_VIOLENCE[code]?.includes(type) ?? false);

  // An acute case often gets a temporary restraining order (tijdelijk huisverbod) right away.
  const restrainingOrder = safety === 'acuut' && draw.chance(0.5) && compatible('tijdelijk_huisverbod');
  const handedOver =
    localTeam !== undefined &&
    (decision === 'overdracht' ||
      (decision === 'voorwaarden_vervolg' && draw.chance(0.6)) ||
      (decision === 'onderzoek' && draw.chance(0.5)));

  if (!handedOver) {
    if (restrainingOrder) {
      const start = addDays(melding, draw.int(0, 2));
      events.push({
        kind: 'interventie_start',
        date: start,
        intervention: 'tijdelijk_huisverbod',
        primary: true,
      });
      events.push({
        kind: 'interventie_einde',
        date: addDays(start, draw.chance(0.6) ? 10 : 28),
        intervention: 'tijdelijk_huisverbod',
      });
    }
    if (decision !== 'geen_vervolg' && vt !== undefined)
      events.push({ kind: 'regisseur', date: decided, teamId: vt });
    const lastDate = events.reduce((max, event) => later(max, event.date), melding);
    if (decision === 'geen_vervolg')
      events.push({
        kind: 'afsluiting',
        date: later(lastDate, addDays(decided, draw.int(0, 5))),
        reason: draw.pick([
          ['veiligheid_hersteld', 1],
          ['overig', 1],
        ]),
      });
    else if (draw.chance(0.8))
      events.push({
        kind: 'afsluiting',
        date: later(lastDate, addDays(decided, draw.int(60, 200))),
        reason: draw.pick([
          ['doelen_bereikt', 3],
          ['veiligheid_hersteld', 3],
          ['overgedragen', 2],
          ['verhuisd', 1],
        ]),
      });
    return { events, handedOver: false, stopped: false };
  }

  const team = localTeam as number;
  const handover = later(
    addDays(decided, 1),
    decision === 'onderzoek' ? addDays(melding, draw.int(50, 120)) : addDays(melding, draw.int(10, 60)),
  );
  // One director usually: the local team; about 15 % change (Veilig Thuis first, or escalation back to it).
  const directorChange = vt !== undefined && draw.chance(0.15);
  const escalation = directorChange && draw.chance(0.5);
  if (directorChange && !escalation) events.push({ kind: 'regisseur', date: decided, teamId: vt as number });
  events.push({ kind: 'overdracht', date: handover, teamId: team });
  events.push({ kind: 'regisseur', date: handover, teamId: team });
  const plan = draw.chance(0.85) ? addDays(handover, draw.int(5, 40)) : null;
  if (plan) events.push({ kind: 'plan', date: plan });

  let primary: string;
  let start: IsoDate;
  if (restrainingOrder) {
    primary = 'tijdelijk_huisverbod';
    start = addDays(melding, draw.int(0, 2));
  } else {
    const options = INTERVENTION_WEIGHTS[safety].filter(([code]) => compatible(code));
    primary = options.length > 0 ? draw.pick(options) : 'wijkteam_begeleiding';
    start = addDays(plan ?? handover, draw.int(0, 14));
  }
  const duration = primary === 'tijdelijk_huisverbod' ? (draw.chance(0.6) ? 10 : 28) : draw.int(60, 300);
  const interventions: Array<{ code: string; start: IsoDate; end: IsoDate | null; primary: boolean }> = [
    { code: primary, start, end: draw.chance(0.85) ? addDays(start, duration) : null, primary: true },
  ];
  if (draw.chance(0.25)) {
    const options = INTERVENTION_WEIGHTS[safety].filter(([code]) => code !== primary && compatible(code));
    if (options.length > 0) {
      const secondStart = addDays(later(start, handover), draw.int(0, 60));
      interventions.push({
        code: draw.pick(options),
        start: secondStart,
        end: draw.chance(0.7) ? addDays(secondStart, draw.int(60, 240)) : null,
        primary: false,
      });
    }
  }

  const stoppedChance = (STOPPED_BASE[primary] ?? 0.38) + shift + STOPPED_BY_SAFETY[safety];
  const stopped = draw.chance(stoppedChance);
  const conditions = (): ConditionsMet =>
    decision === 'voorwaarden_vervolg' ? (draw.chance(stopped ? 0.85 : 0.55) ? 'ja' : 'nee') : 'nvt';
  const source = (): MeasurementSource =>
    draw.pick([
      ['lokaal_team', 6],
      ['veilig_thuis', 3],
      ['gezin', 1],
    ]);
  const safetyStatus = (violence: YesNoUnknown): SafetyStatus => {
    if (violence === 'onbekend') return draw.chance(0.7) ? 'onbekend' : 'onveilig';
    if (violence === 'nee') return draw.chance(0.88) ? 'veilig' : 'onbekend';
    return draw.chance(0.7) ? 'onveilig' : 'veilig';
  };

  // A few families drop out early (moved, not co-operating): no measurements, closed before the first one.
  const earlyClosure = draw.chance(0.05) ? addDays(handover, draw.int(20, 70)) : null;
  const measurements: CaseEvent[] = [];
  if (!earlyClosure) {
    if (draw.chance(0.85)) {
      const due = addMonths(handover, 3);
      // Mostly inside the window (−14…+30 days); some too late to count.
      const date = addDays(due, draw.chance(0.9) ? draw.int(-14, 30) : draw.int(31, 70));
      const violence: YesNoUnknown = draw.chance(0.07)
        ? 'onbekend'
        : draw.chance(stopped ? 0.7 : 0.25)
          ? 'nee'
          : 'ja';
      measurements.push({
        kind: 'meting',
        date,
        source: source(),
        violence,
        safety: safetyStatus(violence),
        conditionsMet: conditions(),
      });
    }
    if (draw.chance(0.82)) {
      const due = addMonths(handover, 12);
      const date = addDays(due, draw.chance(0.9) ? draw.int(-30, 60) : draw.int(61, 120));
      const violence: YesNoUnknown = draw.chance(0.06) ? 'onbekend' : stopped ? 'nee' : 'ja';
      measurements.push({
        kind: 'meting',
        date,
        source: source(),
        violence,
        safety: safetyStatus(violence),
        conditionsMet: conditions(),
      });
    }
  }

  if (directorChange && escalation) {
    const date = addDays(handover, draw.int(60, 200));
    if (!earlyClosure || date <= earlyClosure) events.push({ kind: 'regisseur', date, teamId: vt as number });
  }
  for (const intervention of interventions) {
    if (earlyClosure && intervention.start > earlyClosure) continue;
    events.push({
      kind: 'interventie_start',
      date: intervention.start,
      intervention: intervention.code,
      primary: intervention.primary,
    });
    // Nothing but measurements after a closure: an intervention still running then ends on that day.
    const end =
      earlyClosure && (intervention.end === null || intervention.end > earlyClosure)
        ? earlyClosure
        : intervention.end;
    if (end !== null) events.push({ kind: 'interventie_einde', date: end, intervention: intervention.code });
  }
  events.push(...measurements);

  const lastNonMeasurement = events
    .filter((event) => event.kind !== 'meting')
    .reduce((max, event) => later(max, event.date), melding);
  if (earlyClosure) {
    events.push({
      kind: 'afsluiting',
      date: later(lastNonMeasurement, earlyClosure),
      reason: draw.pick([
        ['gezin_wil_niet', 2],
        ['verhuisd', 1],
      ]),
    });
  } else if (draw.chance(0.65) && interventions.every((intervention) => intervention.end !== null)) {
    const lastMeasurement = measurements.reduce((max, event) => later(max, event.date), handover);
    events.push({
      kind: 'afsluiting',
      date: addDays(later(lastNonMeasurement, lastMeasurement), draw.int(0, 60)),
      reason: stopped
        ? draw.pick([
            ['doelen_bereikt', 3],
            ['veiligheid_hersteld', 2],
          ])
        : draw.pick([
            ['overgedragen', 3],
            ['gezin_wil_niet', 2],
            ['verhuisd', 1],
            ['overig', 1],
          ]),
    });
  }
  return { events, handedOver: true, stopped };
}

/** Drops events after today and sorts by date; stable, so a day's events keep the order they were made in. */
function finish(events: CaseEvent[], today: IsoDate): CaseEvent[] {
  return events
    .map((event, order) => ({ event, order }))
    .filter(({ event }) => event.date <= today)
    .sort((a, b) => (a.event.date < b.event.date ? -1 : a.event.date > b.event.date ? 1 : a.order - b.order))
    .map(({ event }) => event);
}

const pad = (value: number) => String(value).padStart(6, '0');

/** The last melding date by default: a month before the first day of today's month, so reruns in a month agree. */
export function defaultLastMeldingDate(today: IsoDate): IsoDate {
  return addDays(`${today.slice(0, 7)}-01`, -31);
}

/**
 * Households with their cases, gemeente by gemeente (in the order given), each gemeente from a random stream
 * of its own. Streams, so the benchmark can make millions without holding them.
 */
export function* demoHouseholds(
  gemeenten: readonly DemoGemeente[],
  teams: DemoTeams,
  options: DemoOptions,
): Generator<DemoHousehold> {
  const casesFor = (gemeente: DemoGemeente) =>
    options.casesPerGemeente ??
    (gemeente.inhabitants
      ? Math.max(4, Math.round((gemeente.inhabitants / 1000) * DEMO_CASES_PER_THOUSAND))
      : 8);
  const first = `${options.fromYear}-01-01`;
  const last = options.lastMeldingDate ?? defaultLastMeldingDate(options.today);
  if (last < first) throw new Error(`De laatste meldingsdatum ${last} ligt vóór ${first}.`);
  const span = (Date.parse(last) - Date.parse(first)) / 86_400_000;
  const forced = options.forcedHandoverShare ?? 0;
  const shifts = new Map<string | null, number>();
  let caseNumber = 0;
  let householdNumber = 0;
  for (const gemeente of gemeenten) {
    const perGemeente = casesFor(gemeente);
    const draw = new Draw(seededRandom(mixSeed(options.seed, gemeente.code)));
    let shift = shifts.get(gemeente.region);
    if (shift === undefined) {
      shift = regionShift(options.seed, gemeente.region);
      shifts.set(gemeente.region, shift);
    }
    let made = 0;
    while (made < perGemeente) {
      householdNumber += 1;
      const householdId = `DEMO-H${pad(householdNumber)}`;
      const melding = addDays(first, Math.floor(draw.unit() * (span + 1)));
      const built = buildCase(draw, gemeente, teams, melding, shift, forced);
      const cases: DemoCase[] = [];
      caseNumber += 1;
      cases.push({
        caseId: `DEMO-C${pad(caseNumber)}`,
        householdId,
        gemeente: gemeente.code,
        region: gemeente.region,
        events: finish(built.events, options.today),
      });
      made += 1;
      // A new melding for the household: more often when the violence went on.
      const recurrence = built.handedOver ? (built.stopped ? 0.06 : 0.25) : 0.15;
      if (made < perGemeente && draw.chance(recurrence)) {
        const next = addDays(melding, draw.int(60, 540));
        if (next <= last) {
          const again = buildCase(draw, gemeente, teams, next, shift, forced);
          caseNumber += 1;
          cases.push({
            caseId: `DEMO-C${pad(caseNumber)}`,
            householdId,
            gemeente: gemeente.code,
            region: gemeente.region,
            events: finish(again.events, options.today),
          });
          made += 1;
        }
      }
      yield { householdId, cases };
    }
  }
}

/** All demo cases (for the demo's few thousand; the benchmark streams `demoHouseholds`). */
export function generateDemoCases(
  gemeenten: readonly DemoGemeente[],
  teams: DemoTeams,
  options: DemoOptions,
): DemoCase[] {
  const cases: DemoCase[] = [];
  for (const household of demoHouseholds(gemeenten, teams, options)) cases.push(...household.cases);
  return cases;
}

// ---------------------------------------------------------------------------------------------------------
// As an extract

/** The CSV row (cells in CASE_CSV_COLUMNS order) of one event. */
export function eventRow(caseId: string, householdId: string, event: CaseEvent): string[] {
  const cells: Partial<Record<CaseCsvColumn, string>> = {
    casus_id: caseId,
    huishouden_id: householdId,
    gebeurtenis: event.kind,
    datum: event.date,
  };
  switch (event.kind) {
    case 'melding':
      cells.gemeente = event.gemeente;
      cells.melder = event.melder;
      cells.aard_geweld = event.violenceTypes.join('|');
      break;
    case 'veiligheidsbeoordeling':
      cells.veiligheid = event.assessment;
      break;
    case 'besluit':
      cells.besluit = event.decision;
      break;
    case 'overdracht':
    case 'regisseur':
      cells.team = String(event.teamId);
      break;
    case 'plan':
      break;
    case 'interventie_start':
      cells.interventie = event.intervention;
      cells.primair = event.primary ? 'ja' : 'nee';
      break;
    case 'interventie_einde':
      cells.interventie = event.intervention;
      break;
    case 'meting':
      cells.bron = event.source;
      cells.geweld = event.violence;
      cells.veiligheidsstatus = event.safety;
      cells.voorwaarden = event.conditionsMet;
      break;
    case 'afsluiting':
      cells.reden = event.reason satisfies ClosureReason;
      break;
  }
  return CASE_CSV_COLUMNS.map((column) => cells[column] ?? '');
}

/** A case extract (`;`-separated, one row per event) of these cases. Codes and dates only: nothing to quote. */
export function demoExtractText(cases: readonly DemoCase[]): string {
  const lines = [CASE_CSV_COLUMNS.join(';')];
  for (const entry of cases)
    for (const event of entry.events) lines.push(eventRow(entry.caseId, entry.householdId, event).join(';'));
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------------------
// Database

/** Current gemeenten with their Veilig Thuis-regio (the latest on record). */
export async function demoGemeenten(db: Db): Promise<DemoGemeente[]> {
  return selectRows<DemoGemeente>(
    db,
    sql`select a.code, a.name,
          (select m.parent_code from area_membership m
           where m.child_code = a.code and m.parent_level = 'veiligthuisregio'
           order by m.valid_from desc limit 1) as region,
          (select p.inhabitants from population p where p.area_code = a.code
           order by p.reference_date desc limit 1) as inhabitants
        from area a where a.level = 'gemeente' and a.valid_to is null order by a.code`,
  );
}

/**
 * Synthetic organisations to hand cases to: one Veilig Thuis organisation per region and one local team per
 * current gemeente, found again by name on a second run.
 */
export async function ensureDemoTeams(
  db: Db,
): Promise<{ vtByRegion: Map<string, number>; teamByGemeente: Map<string, number> }> {
  await db.execute(sql`insert into organisation (kind, name, area_code)
      select 'veilig_thuis', 'Veilig Thuis ' || name || ' (synthetisch)', code
      from area where level = 'veiligthuisregio' and valid_to is null order by code
      on conflict (name) do nothing`);
  await db.execute(sql`insert into organisation (kind, name, area_code)
      select 'lokaal_team', 'Lokaal team ' || name || ' (synthetisch)', code
      from area where level = 'gemeente' and valid_to is null order by code
      on conflict (name) do nothing`);
  const rows = await selectRows<{ id: number; kind: string; area_code: string }>(
    db,
    sql`select o.id, o.kind, a.code as area_code from organisation o
        join area a on o.name = case when a.level = 'veiligthuisregio' then 'Veilig Thuis ' || a.name || ' (synthetisch)'
                                     else 'Lokaal team ' || a.name || ' (synthetisch)' end
        where a.valid_to is null and a.level in ('veiligthuisregio', 'gemeente')
          and o.kind in ('veilig_thuis', 'lokaal_team')`,
  );
  const vtByRegion = new Map<string, number>();
  const teamByGemeente = new Map<string, number>();
  for (const row of rows) {
    if (row.kind === 'veilig_thuis') vtByRegion.set(row.area_code, row.id);
    else teamByGemeente.set(row.area_code, row.id);
  }
  return { vtByRegion, teamByGemeente };
}

export type CaseDemoOptions = {
  seed?: number;
  today?: IsoDate;
  casesPerGemeente?: number;
  fromYear?: number;
};

const DEFAULT_SEED = 20_250_701;
const DEFAULT_FROM_YEAR = 2023;

function todayIso(): IsoDate {
  return new Date().toISOString().slice(0, 10);
}

/** The whole synthetic extract (all regions in one file), e.g. to look at or to import by hand. */
export async function demoCasesCsv(
  db: Db,
  options: { seed: number; today: IsoDate; casesPerGemeente?: number; fromYear: number },
): Promise<string> {
  const teams = await ensureDemoTeams(db);
  return demoExtractText(generateDemoCases(await demoGemeenten(db), teams, options));
}

export type CaseDemoResult = {
  imports: Array<CaseImportReport & { region: string }>;
  cases: number;
  households: number;
};

/**
 * Loads the demo cases: one extract per Veilig Thuis-regio, supplied by that region's synthetic Veilig Thuis
 * organisation, each through `importCases` under the demo file name (which marks it synthetic).
 */
export async function loadCaseDemo(
  db: Db,
  context: RequestContext,
  keySource: PseudonymKeySource | undefined,
  options: CaseDemoOptions = {},
): Promise<CaseDemoResult> {
  const today = options.today ?? todayIso();
  const teams = await ensureDemoTeams(db);
  const cases = generateDemoCases(await demoGemeenten(db), teams, {
    seed: options.seed ?? DEFAULT_SEED,
    today,
    fromYear: options.fromYear ?? DEFAULT_FROM_YEAR,
    ...(options.casesPerGemeente !== undefined ? { casesPerGemeente: options.casesPerGemeente } : {}),
  });
  const byRegion = new Map<string, DemoCase[]>();
  for (const entry of cases) {
    // A gemeente without a region has no supplier here; the shipped geography gives every one a region.
    if (entry.region === null) continue;
    const list = byRegion.get(entry.region) ?? [];
    list.push(entry);
    byRegion.set(entry.region, list);
  }
  const folder = await mkdtemp(path.join(tmpdir(), 'ketenzicht-casusdemo-'));
  const imports: CaseDemoResult['imports'] = [];
  try {
    const file = path.join(folder, DEMO_CASES_FILE_NAME);
    for (const [region, regionCases] of [...byRegion].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const supplierId = teams.vtByRegion.get(region);
      if (supplierId === undefined) continue;
      await writeFile(file, demoExtractText(regionCases));
      const report = await importCases(db, context, keySource, {
        path: file,
        fileName: DEMO_CASES_FILE_NAME,
        dryRun: false,
        supplierId,
        today,
      });
      if (report.outcome === 'geweigerd') {
        const first = report.problems
          .slice(0, 5)
          .map((problem) => problem.message)
          .join('\n  ');
        throw new Error(
          `De synthetische casussen van ${region} werden geweigerd (een fout in de demo):\n  ${first}`,
        );
      }
      imports.push({ ...report, region });
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  const counted = cases.filter((entry) => entry.region !== null && teams.vtByRegion.has(entry.region));
  return {
    imports,
    cases: counted.length,
    households: new Set(counted.map((entry) => entry.householdId)).size,
  };
}
