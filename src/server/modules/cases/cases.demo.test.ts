import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CASE_CSV_COLUMNS, type CaseEventKind, EVENT_FIELDS } from '../../../shared/cases.ts';
import {
  DEMO_INTERVENTION_VIOLENCE,
  type DemoCase,
  type DemoGemeente,
  type DemoTeams,
  defaultLastMeldingDate,
  demoExtractText,
  demoHouseholds,
  generateDemoCases,
} from './cases.demo.ts';
import { isIsoDate } from './cases.domain.ts';
import { readCaseExtract } from './cases.extract.ts';
import { caseAnswer, summariseCase } from './cases.outcomes.ts';

const REFERENCE = path.resolve(import.meta.dirname, '../../../../reference-data');
const TODAY = '2026-03-15';

// 40 gemeenten in 4 regions; team ids as ensureDemoTeams would hand them out.
const gemeenten: DemoGemeente[] = Array.from({ length: 40 }, (_, index) => ({
  code: `GM${String(1000 + index).padStart(4, '0')}`,
  name: `Gemeente ${index}`,
  region: `VT0${(index % 4) + 1}`,
}));
const teams: DemoTeams = {
  vtByRegion: new Map(['VT01', 'VT02', 'VT03', 'VT04'].map((code, index) => [code, index + 1])),
  teamByGemeente: new Map(gemeenten.map((gemeente, index) => [gemeente.code, 101 + index])),
};
const options = { seed: 42, today: TODAY, fromYear: 2023, casesPerGemeente: 60 };
const cases = generateDemoCases(gemeenten, teams, options);
const csv = demoExtractText(cases);

function eventsOf(kind: CaseEventKind) {
  return cases.flatMap((entry) => entry.events.filter((event) => event.kind === kind));
}

function share(part: number, whole: number): number {
  return part / whole;
}

describe('demo case generator', () => {
  it('is deterministic for a seed and differs for another seed', () => {
    expect(demoExtractText(generateDemoCases(gemeenten, teams, options))).toBe(csv);
    expect(demoExtractText(generateDemoCases(gemeenten, teams, { ...options, seed: 43 }))).not.toBe(csv);
  });

  it('keeps a gemeente’s cases when other gemeenten are left out (a stream per gemeente)', () => {
    const alone = generateDemoCases([gemeenten[7] as DemoGemeente], teams, options);
    const inFull = cases.filter((entry) => entry.gemeente === gemeenten[7]?.code);
    expect(alone.map((entry) => entry.events)).toEqual(inFull.map((entry) => entry.events));
  });

  it('makes the requested number of cases per gemeente, recurrences included', () => {
    expect(cases).toHaveLength(40 * 60);
    const perGemeente = new Map<string, number>();
    for (const entry of cases) perGemeente.set(entry.gemeente, (perGemeente.get(entry.gemeente) ?? 0) + 1);
    expect([...perGemeente.values()].every((count) => count === 60)).toBe(true);
    expect(
      generateDemoCases(gemeenten.slice(0, 3), teams, { seed: 1, today: TODAY, fromYear: 2023 }),
    ).toHaveLength(24);
  });

  it('puts no event after today and none before its melding; meldingen from fromYear to a month before', () => {
    const lastMelding = defaultLastMeldingDate(TODAY);
    expect(lastMelding).toBe('2026-01-29');
    const wrong: string[] = [];
    for (const entry of cases) {
      const melding = entry.events[0];
      if (melding?.kind !== 'melding') wrong.push(`${entry.caseId}: first event ${melding?.kind}`);
      if (entry.events.filter((event) => event.kind === 'melding').length !== 1)
        wrong.push(`${entry.caseId}: not one melding`);
      if (!melding || melding.date < '2023-01-01' || melding.date > lastMelding)
        wrong.push(`${entry.caseId}: melding on ${melding?.date}`);
      for (const event of entry.events)
        if (!isIsoDate(event.date) || event.date > TODAY || event.date < (melding?.date ?? ''))
          wrong.push(`${entry.caseId}: ${event.kind} on ${event.date}`);
      const dates = entry.events.map((event) => event.date);
      if ([...dates].sort().join() !== dates.join()) wrong.push(`${entry.caseId}: not in date order`);
    }
    expect(wrong).toEqual([]);
    const meldingDates = cases.map((entry) => entry.events[0]?.date ?? '').sort();
    // Spread over the whole period, not bunched at one end.
    expect(meldingDates[0]?.slice(0, 7)).toBe('2023-01');
    expect(meldingDates.at(-1)?.slice(0, 7)).toBe('2026-01');
  });

  it('fills every field an event needs (EVENT_FIELDS) and leaves the others empty', () => {
    const records = parse(csv, { delimiter: ';' }) as string[][];
    expect(records[0]).toEqual([...CASE_CSV_COLUMNS]);
    const rows = records.slice(1);
    expect(rows.length).toBe(cases.reduce((sum, entry) => sum + entry.events.length, 0));
    const wrong: string[] = [];
    for (const row of rows) {
      const kind = row[2] as CaseEventKind;
      const needed = new Set<string>([
        'casus_id',
        'huishouden_id',
        'gebeurtenis',
        'datum',
        ...EVENT_FIELDS[kind],
      ]);
      CASE_CSV_COLUMNS.forEach((column, index) => {
        if (needed.has(column) === (row[index] === '')) wrong.push(`${kind}: ${column} = "${row[index]}"`);
      });
    }
    expect(wrong).toEqual([]);
    expect(new Set(rows.map((row) => row[2]))).toEqual(new Set(Object.keys(EVENT_FIELDS)));
  });

  it('uses synthetic identifiers and never a 9-digit number (nothing that could pass for a BSN)', () => {
    expect(csv).not.toMatch(/\d{9}/);
    for (const entry of cases) {
      expect(entry.caseId).toMatch(/^DEMO-C\d{6}$/);
      expect(entry.householdId).toMatch(/^DEMO-H\d{6}$/);
    }
    expect(new Set(cases.map((entry) => entry.caseId)).size).toBe(cases.length);
  });

  it('uses codes of the shipped reference data and the given teams only', () => {
    const catalogue = JSON.parse(readFileSync(path.join(REFERENCE, 'indicators.json'), 'utf8')) as {
      dimensions: Array<{ code: string; values: Array<{ code: string }> }>;
    };
    const values = (dimension: string) =>
      new Set(
        catalogue.dimensions.find((entry) => entry.code === dimension)?.values.map((value) => value.code),
      );
    const melders = values('melder');
    const violence = values('aard_geweld');
    const interventions = JSON.parse(
      readFileSync(path.join(REFERENCE, 'interventions.json'), 'utf8'),
    ) as Array<{
      code: string;
      violenceTypes: string[];
    }>;
    // The generator's copy of which intervention serves which violence matches the catalogue.
    expect(Object.fromEntries(interventions.map((entry) => [entry.code, entry.violenceTypes]))).toEqual(
      DEMO_INTERVENTION_VIOLENCE,
    );
    const teamIds = new Set([...teams.vtByRegion.values(), ...teams.teamByGemeente.values()]);
    for (const entry of cases)
      for (const event of entry.events) {
        if (event.kind === 'melding') {
          expect(melders.has(event.melder)).toBe(true);
          expect(event.violenceTypes.every((type) => violence.has(type))).toBe(true);
        }
        if (event.kind === 'interventie_start' || event.kind === 'interventie_einde')
          expect(DEMO_INTERVENTION_VIOLENCE[event.intervention]).toBeDefined();
        if (event.kind === 'overdracht') expect(event.teamId).toBe(teams.teamByGemeente.get(entry.gemeente));
        if (event.kind === 'regisseur') expect(teamIds.has(event.teamId)).toBe(true);
      }
  });

  it('passes the import’s own checks: no errors, no warnings, every case read back with the same events', () => {
    const catalogue = JSON.parse(readFileSync(path.join(REFERENCE, 'indicators.json'), 'utf8')) as {
      dimensions: Array<{ code: string; values: Array<{ code: string }> }>;
    };
    const values = (dimension: string) =>
      new Set(
        catalogue.dimensions.find((entry) => entry.code === dimension)?.values.map((value) => value.code),
      );
    const teamIds = [...teams.vtByRegion.values(), ...teams.teamByGemeente.values()];
    const result = readCaseExtract(parse(csv, { delimiter: ';' }) as string[][], {
      gemeenten: new Set(gemeenten.map((gemeente) => gemeente.code)),
      melderCodes: values('melder'),
      violenceTypeCodes: values('aard_geweld'),
      interventionCodes: new Set(Object.keys(DEMO_INTERVENTION_VIOLENCE)),
      teams: {
        byId: new Map(teamIds.map((id) => [id, `Team ${id}`])),
        byName: new Map(teamIds.map((id) => [`team ${id}`, id])),
      },
      today: TODAY,
    });
    expect(result.problems).toEqual([]);
    expect(result.personalData).toEqual([]);
    expect(result.cases).toHaveLength(cases.length);
    const byId = new Map(cases.map((entry) => [entry.caseId, entry]));
    for (const read of result.cases) {
      expect(read.householdRef).toBe(byId.get(read.caseRef)?.householdId);
      expect(read.events).toEqual(byId.get(read.caseRef)?.events);
    }
  });

  it('has plausible proportions of safety assessments and decisions', () => {
    const assessments = eventsOf('veiligheidsbeoordeling');
    const count = (value: string) =>
      assessments.filter((event) => event.kind === 'veiligheidsbeoordeling' && event.assessment === value)
        .length;
    expect(share(count('acuut'), assessments.length)).toBeGreaterThan(0.07);
    expect(share(count('acuut'), assessments.length)).toBeLessThan(0.13);
    expect(share(count('structureel'), assessments.length)).toBeGreaterThan(0.3);
    expect(share(count('structureel'), assessments.length)).toBeLessThan(0.4);
    const decisions = eventsOf('besluit');
    const decided = (value: string) =>
      share(
        decisions.filter((event) => event.kind === 'besluit' && event.decision === value).length,
        decisions.length,
      );
    expect(decided('overdracht')).toBeGreaterThan(0.4);
    expect(decided('overdracht')).toBeLessThan(0.5);
    expect(decided('geen_vervolg')).toBeGreaterThan(0.2);
    expect(decided('geen_vervolg')).toBeLessThan(0.3);
    expect(decided('voorwaarden_vervolg')).toBeGreaterThan(0.11);
    expect(decided('voorwaarden_vervolg')).toBeLessThan(0.19);
    expect(decided('onderzoek')).toBeGreaterThan(0.11);
    expect(decided('onderzoek')).toBeLessThan(0.19);
  });

  it('hands over 10–60 days after the melding (onderzoek later), to one director mostly, with a plan mostly', () => {
    const handedOver = cases.filter((entry) => entry.events.some((event) => event.kind === 'overdracht'));
    expect(share(handedOver.length, cases.length)).toBeGreaterThan(0.5);
    let oneDirector = 0;
    let withPlan = 0;
    let withPrimary = 0;
    for (const entry of handedOver) {
      const summary = summariseCase(entry.events, []);
      const limit = summary.decision === 'onderzoek' ? 120 : 60;
      expect(summary.daysToHandover).toBeGreaterThanOrEqual(1);
      expect(summary.daysToHandover).toBeLessThanOrEqual(limit + 1);
      if (summary.directorTeamIds.length === 1) oneDirector += 1;
      if (summary.planDate !== null) {
        withPlan += 1;
        expect(summary.daysFromHandoverToPlan).toBeGreaterThanOrEqual(5);
        expect(summary.daysFromHandoverToPlan).toBeLessThanOrEqual(40);
      }
      // Missing only while it has not started yet (recent cases) or when the family dropped out early.
      if (summary.primaryIntervention !== null) withPrimary += 1;
    }
    expect(share(withPrimary, handedOver.length)).toBeGreaterThan(0.9);
    expect(share(oneDirector, handedOver.length)).toBeGreaterThan(0.78);
    expect(share(oneDirector, handedOver.length)).toBeLessThan(0.92);
    expect(share(withPlan, handedOver.length)).toBeGreaterThan(0.75);
    expect(share(withPlan, handedOver.length)).toBeLessThan(0.95);
  });

  it('picks the primary intervention by case mix: wijkteam most, MDA++ for structural, huisverbod for acute', () => {
    const primaries = new Map<string, Map<string, number>>();
    for (const entry of cases) {
      const summary = summariseCase(entry.events, []);
      if (!summary.primaryIntervention || !summary.safetyAssessment) continue;
      const bySafety = primaries.get(summary.safetyAssessment) ?? new Map<string, number>();
      bySafety.set(summary.primaryIntervention, (bySafety.get(summary.primaryIntervention) ?? 0) + 1);
      primaries.set(summary.safetyAssessment, bySafety);
    }
    const top = (safety: string) => [...(primaries.get(safety) ?? [])].sort((a, b) => b[1] - a[1])[0]?.[0];
    expect(top('geen')).toBe('wijkteam_begeleiding');
    expect(top('acuut')).toBe('tijdelijk_huisverbod');
    const mdaShare = (safety: string) => {
      const counts = primaries.get(safety) ?? new Map<string, number>();
      const total = [...counts.values()].reduce((sum, value) => sum + value, 0);
      return (counts.get('mda_plusplus') ?? 0) / total;
    };
    expect(mdaShare('structureel')).toBeGreaterThan(3 * mdaShare('geen'));
  });

  it('stops violence at 12 months in 30–50 % of known cases, differing by intervention, with unknowns and censored ones', () => {
    const meldingen = new Map<string, string[]>();
    for (const entry of cases) {
      const list = meldingen.get(entry.householdId) ?? [];
      list.push(entry.events[0]?.date ?? '');
      meldingen.set(entry.householdId, list);
    }
    const tally = { ja: 0, nee: 0, onbekend: 0, te_jong: 0 };
    const byIntervention = new Map<string, { ja: number; known: number }>();
    for (const entry of cases) {
      const summary = summariseCase(entry.events, meldingen.get(entry.householdId) ?? []);
      const answer = caseAnswer(summary, 'gestopt_12m', TODAY);
      if (answer === null) continue;
      tally[answer] += 1;
      if (answer === 'ja' || answer === 'nee') {
        const key = summary.primaryIntervention ?? 'geen';
        const entryTally = byIntervention.get(key) ?? { ja: 0, known: 0 };
        entryTally.known += 1;
        if (answer === 'ja') entryTally.ja += 1;
        byIntervention.set(key, entryTally);
      }
    }
    const stopped = share(tally.ja, tally.ja + tally.nee);
    expect(stopped).toBeGreaterThan(0.28);
    expect(stopped).toBeLessThan(0.5);
    expect(tally.onbekend).toBeGreaterThan(0);
    expect(tally.te_jong).toBeGreaterThan(0);
    const shares = [...byIntervention.values()]
      .filter((entry) => entry.known >= 40)
      .map((entry) => entry.ja / entry.known);
    expect(Math.max(...shares) - Math.min(...shares)).toBeGreaterThan(0.05);
  });

  it('gives about 15 % of households a second case with a later melding', () => {
    const households = [...demoHouseholds(gemeenten, teams, options)];
    const twice = households.filter((household) => household.cases.length === 2);
    expect(households.every((household) => household.cases.length <= 2)).toBe(true);
    const rate = share(twice.length, households.length);
    expect(rate).toBeGreaterThan(0.1);
    expect(rate).toBeLessThan(0.2);
    for (const household of twice) {
      const [first, second] = household.cases as [DemoCase, DemoCase];
      expect(
        second.events[0]?.date && first.events[0]?.date && second.events[0].date > first.events[0].date,
      ).toBe(true);
    }
  });

  it('closes some cases with a reason, and nothing but measurements follows a closure', () => {
    const closures = eventsOf('afsluiting');
    expect(share(closures.length, cases.length)).toBeGreaterThan(0.3);
    for (const entry of cases) {
      const closure = entry.events.find((event) => event.kind === 'afsluiting');
      if (!closure) continue;
      const after = entry.events.filter((event) => event.date > closure.date && event.kind !== 'meting');
      expect(after).toEqual([]);
    }
  });

  it('has follow-up measurements near +3 and +12 months, some missed, some late, some unknown', () => {
    let on3 = 0;
    let late = 0;
    let handedOverOld = 0;
    for (const entry of cases) {
      const summary = summariseCase(entry.events, []);
      // Only cases whose 12-month window has closed by today can show a missed or late 12-month measurement.
      if (!summary.handoverDate || !summary.window12End || summary.window12End >= TODAY) continue;
      handedOverOld += 1;
      if (summary.safe3 !== null) on3 += 1;
      const measurements = entry.events.filter((event) => event.kind === 'meting');
      if (measurements.some((event) => event.date > (summary.window12End as string))) late += 1;
    }
    expect(share(on3, handedOverOld)).toBeGreaterThan(0.6);
    expect(share(on3, handedOverOld)).toBeLessThan(0.9);
    expect(late).toBeGreaterThan(0);
    const violence = eventsOf('meting').map((event) => (event.kind === 'meting' ? event.violence : ''));
    expect(violence).toContain('onbekend');
  });

  it('hands nearly every case over when the benchmark asks for it', () => {
    const bench = generateDemoCases(gemeenten.slice(0, 10), teams, { ...options, forcedHandoverShare: 0.75 });
    const handedOver = bench.filter((entry) => entry.events.some((event) => event.kind === 'overdracht'));
    expect(share(handedOver.length, bench.length)).toBeGreaterThan(0.8);
  });
});
