import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FOLLOW_UP_SCHEDULE } from '../../../shared/cases.ts';
import { derivableCells } from '../disclosure/disclosure.domain.ts';
import {
  addMonths,
  type CaseEvent,
  caseKey,
  easterSunday,
  followUpStatuses,
  householdPseudonym,
  keyFingerprint,
  type MeasurementEvent,
  measurementFor,
  pseudonymPrefix,
  publicHolidays,
  scheduleFollowUps,
  shortPseudonym,
  workingDaysBetween,
} from './cases.domain.ts';
import {
  addToTally,
  buildOutcomeTable,
  CASE_MIX,
  caseAnswer,
  emptyTally,
  finishTally,
  handoversPerHousehold,
  median,
  type OutcomeCount,
  resolveOutcome,
  resolveRecurrence,
  scheduleProblem,
  summariseCase,
} from './cases.outcomes.ts';

const KEY = Buffer.alloc(32, 1);

const melding = (date: string): CaseEvent => ({
  kind: 'melding',
  date,
  gemeente: 'GM0363',
  melder: 'politie',
  violenceTypes: ['partnergeweld'],
});
const measurement = (
  date: string,
  violence: 'ja' | 'nee' | 'onbekend',
  safety = 'veilig',
): MeasurementEvent => ({
  kind: 'meting',
  date,
  source: 'lokaal_team',
  violence,
  safety: safety as MeasurementEvent['safety'],
  conditionsMet: 'ja',
});

/** A case handed over on 2024-02-01: +3 months due 2024-05-01 (window 04-17…05-31), +12 due 2025-02-01 (01-02…04-02). */
function handedOver(...extra: CaseEvent[]): CaseEvent[] {
  return [
    melding('2024-01-10'),
    { kind: 'veiligheidsbeoordeling', date: '2024-01-17', assessment: 'structureel' },
    { kind: 'besluit', date: '2024-01-20', decision: 'overdracht' },
    { kind: 'overdracht', date: '2024-02-01', teamId: 7 },
    { kind: 'regisseur', date: '2024-02-01', teamId: 7 },
    { kind: 'interventie_start', date: '2024-02-10', intervention: 'wijkteam_begeleiding', primary: true },
    ...extra,
  ];
}

describe('pseudonyms', () => {
  it('are keyed: the same identifier gives the same pseudonym under one key and another under another key', () => {
    const one = householdPseudonym(KEY, 'H-17');
    expect(one).toMatch(/^[0-9a-f]{64}$/);
    expect(householdPseudonym(KEY, ' H-17 ')).toBe(one);
    expect(householdPseudonym(Buffer.alloc(32, 2), 'H-17')).not.toBe(one);
    expect(householdPseudonym(KEY, 'H-18')).not.toBe(one);
  });

  it('give case keys per supplier, so two suppliers numbering cases alike do not collide', () => {
    expect(caseKey(KEY, 1, 'C-1')).not.toBe(caseKey(KEY, 2, 'C-1'));
    expect(caseKey(KEY, 1, 'C-1')).toBe(caseKey(KEY, 1, 'C-1'));
    // A case key never equals the household pseudonym of the same text: the inputs are kept apart.
    expect(caseKey(KEY, null, 'X')).not.toBe(householdPseudonym(KEY, 'X'));
  });

  it('have a short readable form that is accepted back as a prefix', () => {
    const full = householdPseudonym(KEY, 'H-17');
    const short = shortPseudonym(full);
    expect(short).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
    expect(full.startsWith(pseudonymPrefix(short) as string)).toBe(true);
    expect(pseudonymPrefix('abc')).toBeNull();
    expect(pseudonymPrefix('1234-5678-ZZZZ')).toBeNull();
    expect(keyFingerprint(KEY)).not.toBe(keyFingerprint(Buffer.alloc(32, 2)));
  });
});

describe('dates and working days', () => {
  it('knows Easter and the Dutch public holidays', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    const holidays2025 = publicHolidays(2025);
    for (const day of [
      '2025-01-01',
      '2025-04-21',
      '2025-04-26',
      '2025-05-05',
      '2025-05-29',
      '2025-06-09',
      '2025-12-25',
      '2025-12-26',
    ])
      expect(holidays2025.has(day), day).toBe(true);
    // Koningsdag 2025 fell on a Sunday and moved to Saturday the 26th; Goede Vrijdag is not a holiday.
    expect(holidays2025.has('2025-04-27')).toBe(false);
    expect(holidays2025.has('2025-04-18')).toBe(false);
  });

  it('counts working days after the melding, skipping weekends and holidays', () => {
    // Wed 2024-01-10 → Wed 2024-01-17: Thu, Fri, Mon, Tue, Wed = 5.
    expect(workingDaysBetween('2024-01-10', '2024-01-17')).toBe(5);
    expect(workingDaysBetween('2024-01-10', '2024-01-10')).toBe(0);
    // Thu 2024-03-28 → Thu 2024-04-04: Fri 29 (Goede Vrijdag, a working day), Mon 1 April (tweede paasdag, not), Tue, Wed, Thu = 4.
    expect(workingDaysBetween('2024-03-28', '2024-04-04')).toBe(4);
    // Over Christmas and New Year: Fri 2024-12-20 → Fri 2025-01-03: 23, 24, 27, 30, 31, 2, 3 = 7.
    expect(workingDaysBetween('2024-12-20', '2025-01-03')).toBe(7);
  });

  it('adds calendar months, clamping to the end of a shorter month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-11-15', 3)).toBe('2025-02-15');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
  });
});

describe('follow-up schedule', () => {
  it('schedules +3 and +12 months with their windows', () => {
    expect(scheduleFollowUps('2024-02-01', DEFAULT_FOLLOW_UP_SCHEDULE)).toEqual([
      { months: 3, due: '2024-05-01', windowStart: '2024-04-17', windowEnd: '2024-05-31' },
      { months: 12, due: '2025-02-01', windowStart: '2025-01-02', windowEnd: '2025-04-02' },
    ]);
  });

  it('takes the measurement nearest the due date inside the window, the earlier one on a tie', () => {
    const [at3] = scheduleFollowUps('2024-02-01', DEFAULT_FOLLOW_UP_SCHEDULE);
    const early = measurement('2024-04-26', 'nee');
    const late = measurement('2024-05-06', 'ja');
    const outside = measurement('2024-05-01', 'nee');
    expect(measurementFor(at3 as never, [late, early])).toBe(early);
    expect(measurementFor(at3 as never, [measurement('2024-06-01', 'nee')])).toBeNull();
    expect(measurementFor(at3 as never, [late, outside])).toBe(outside);
  });

  it('says per moment whether it is done, planned, open, late (with days) or lapsed', () => {
    const schedule = DEFAULT_FOLLOW_UP_SCHEDULE;
    const states = (today: string, closedOn: string | null = null, measured: MeasurementEvent[] = []) =>
      followUpStatuses('2024-02-01', schedule, measured, closedOn, today).map((status) => [
        status.state,
        status.daysLate,
      ]);
    expect(states('2024-03-01')).toEqual([
      ['gepland', 0],
      ['gepland', 0],
    ]);
    expect(states('2024-05-10')).toEqual([
      ['open', 0],
      ['gepland', 0],
    ]);
    // 2024-06-10 is 10 days after the 3-month window closed (2024-05-31).
    expect(states('2024-06-10')).toEqual([
      ['te_laat', 10],
      ['gepland', 0],
    ]);
    expect(states('2024-06-10', null, [measurement('2024-05-02', 'nee')])).toEqual([
      ['gedaan', 0],
      ['gepland', 0],
    ]);
    // 2025-04-12: 12-month window closed 2025-04-02 → 10 days late; the 3-month one 316 days late.
    expect(states('2025-04-12')).toEqual([
      ['te_laat', 316],
      ['te_laat', 10],
    ]);
    // Closed in September 2024: the 12-month moment lapses, the missed 3-month one stays late.
    expect(states('2025-04-12', '2024-09-01')).toEqual([
      ['te_laat', 316],
      ['vervallen', 0],
    ]);
  });

  it('refuses schedules without +3 and +12 months, duplicates, and overlapping windows', () => {
    expect(scheduleProblem(DEFAULT_FOLLOW_UP_SCHEDULE)).toBeNull();
    expect(scheduleProblem([{ months: 12, daysBefore: 30, daysAfter: 60 }])).toMatch(/3 en na 12 maanden/);
    expect(
      scheduleProblem([...DEFAULT_FOLLOW_UP_SCHEDULE, { months: 6, daysBefore: 80, daysAfter: 30 }]),
    ).toMatch(/overlappen/);
    expect(
      scheduleProblem([...DEFAULT_FOLLOW_UP_SCHEDULE, { months: 6, daysBefore: 30, daysAfter: 30 }]),
    ).toBeNull();
    expect(
      scheduleProblem([...DEFAULT_FOLLOW_UP_SCHEDULE, { months: 12, daysBefore: 1, daysAfter: 1 }]),
    ).toMatch(/twee keer/);
  });
});

describe('a case summary', () => {
  it('says violence stopped when the 12-month measurement reports none and no new melding came', () => {
    const summary = summariseCase(
      handedOver(measurement('2024-05-02', 'nee'), measurement('2025-02-10', 'nee')),
      [],
    );
    expect(summary).toMatchObject({
      handoverDate: '2024-02-01',
      cohortYear: 2024,
      primaryIntervention: 'wijkteam_begeleiding',
      safetyAssessment: 'structureel',
      stopped12: 'ja',
      safe3: 'ja',
      safe12: 'ja',
      window12End: '2025-04-02',
      workingDaysToAssessment: 5,
      daysToHandover: 22,
      directorTeamIds: [7],
      involvedTeamIds: [7],
    });
    expect(caseAnswer(summary, 'gestopt_12m', '2025-02-11')).toBe('ja');
    expect(caseAnswer(summary, 'veiligheidsbeoordeling_tijdig', '2025-02-11')).toBe('ja');
    expect(caseAnswer(summary, 'een_regisseur', '2025-02-11')).toBe('ja');
  });

  it('says not stopped when violence is reported, or when a new melding came before the measurement', () => {
    expect(summariseCase(handedOver(measurement('2025-02-10', 'ja')), []).stopped12).toBe('nee');
    // A new melding for the household in October 2024, then a measurement that says "no violence": not stopped.
    const recurred = summariseCase(handedOver(measurement('2025-02-10', 'nee')), ['2024-10-01']);
    expect(recurred.stopped12).toBe('nee');
    expect(recurred.recurrence12).toBe('ja');
    // A new melding after the measurement does not change the 12-month answer, but is a recurrence within 12
    // months of handover only when it falls before 2025-02-01.
    const after = summariseCase(handedOver(measurement('2025-01-20', 'nee')), ['2025-01-25']);
    expect(after.stopped12).toBe('ja');
    expect(after.recurrence12).toBe('ja');
    // Meldingen before this case's own melding are history, not recurrence.
    expect(summariseCase(handedOver(measurement('2025-02-10', 'nee')), ['2023-05-01']).stopped12).toBe('ja');
  });

  it('leaves the answer open without a measurement in the window: too young first, unknown after', () => {
    const summary = summariseCase(handedOver(measurement('2025-06-01', 'nee')), []);
    expect(summary.stopped12).toBeNull();
    expect(caseAnswer(summary, 'gestopt_12m', '2025-03-01')).toBe('te_jong');
    expect(caseAnswer(summary, 'gestopt_12m', '2025-04-02')).toBe('te_jong');
    expect(caseAnswer(summary, 'gestopt_12m', '2025-04-03')).toBe('onbekend');
    expect(summariseCase(handedOver(measurement('2025-02-01', 'onbekend')), []).stopped12).toBe('onbekend');
  });

  it('has no outcome without a handover, and counts recurrence from closure then', () => {
    const events: CaseEvent[] = [
      melding('2024-01-10'),
      { kind: 'besluit', date: '2024-01-20', decision: 'geen_vervolg' },
      { kind: 'afsluiting', date: '2024-01-25', reason: 'overig' },
    ];
    const summary = summariseCase(events, []);
    expect(summary.cohortYear).toBeNull();
    expect(caseAnswer(summary, 'gestopt_12m', '2026-01-01')).toBeNull();
    expect(caseAnswer(summary, 'een_regisseur', '2026-01-01')).toBeNull();
    expect(summary.recurrenceWindowEnd).toBe('2025-01-25');
    expect(caseAnswer(summary, 'hermelding_12m', '2024-12-01')).toBe('te_jong');
    expect(caseAnswer(summary, 'hermelding_12m', '2025-01-26')).toBe('nee');
    expect(caseAnswer(summariseCase(events, ['2024-11-30']), 'hermelding_12m', '2024-12-01')).toBe('ja');
  });

  it('counts directors and handovers', () => {
    const summary = summariseCase(
      handedOver(
        { kind: 'regisseur', date: '2024-03-01', teamId: 9 },
        { kind: 'overdracht', date: '2024-04-01', teamId: 9 },
        { kind: 'plan', date: '2024-02-15' },
      ),
      [],
    );
    expect(summary.directorTeamIds).toEqual([7, 9]);
    expect(summary.handoverCount).toBe(2);
    expect(summary.daysFromHandoverToPlan).toBe(14);
    expect(summary.involvedTeamIds).toEqual([7, 9]);
    expect(caseAnswer(summary, 'een_regisseur', '2025-01-01')).toBe('nee');
    expect(caseAnswer(summary, 'veiligheidsbeoordeling_tijdig', '2025-01-01')).toBe('ja');
  });

  it('refuses a case without a melding', () => {
    expect(() => summariseCase([{ kind: 'plan', date: '2024-01-01' }], [])).toThrow(/melding/);
  });
});

describe('tallies', () => {
  it('divide yes by known, report unknown and too young beside it, with the Wilson interval', () => {
    // Hand count: 3 stopped, 2 not stopped, 4 unknown, 6 too young → 3/5 = 60%.
    const tally = emptyTally();
    for (const answer of [
      'ja',
      'ja',
      'ja',
      'nee',
      'nee',
      'onbekend',
      'onbekend',
      'onbekend',
      'onbekend',
      'te_jong',
      'te_jong',
      'te_jong',
      'te_jong',
      'te_jong',
      'te_jong',
      null,
    ] as const)
      addToTally(tally, answer);
    const finished = finishTally(tally);
    expect(finished).toMatchObject({ yes: 3, known: 5, unknown: 4, censored: 6, share: 0.6 });
    // Wilson 95% for 3/5: (0.2307, 0.8824), by hand from the formula.
    expect(finished.interval?.low).toBeCloseTo(0.2307, 3);
    expect(finished.interval?.high).toBeCloseTo(0.8824, 3);
    expect(finishTally(emptyTally())).toMatchObject({ share: null, interval: null });
  });

  it('property: unknown and too-young cases never move the share', () => {
    fc.assert(
      fc.property(fc.nat(50), fc.nat(50), fc.nat(50), fc.nat(50), (yes, no, unknown, young) => {
        const base = emptyTally();
        for (let i = 0; i < yes; i += 1) addToTally(base, 'ja');
        for (let i = 0; i < no; i += 1) addToTally(base, 'nee');
        const withOthers = { ...base };
        for (let i = 0; i < unknown; i += 1) addToTally(withOthers, 'onbekend');
        for (let i = 0; i < young; i += 1) addToTally(withOthers, 'te_jong');
        expect(finishTally(withOthers).share).toBe(finishTally(base).share);
        expect(withOthers.known).toBe(yes + no);
      }),
    );
  });

  it('resolve open answers by the window and the day', () => {
    expect(resolveOutcome(null, null, '2025-01-01')).toBeNull();
    expect(resolveOutcome('nee', '2025-01-01', '2024-01-01')).toBe('nee');
    expect(resolveOutcome(null, '2025-01-01', '2025-01-01')).toBe('te_jong');
    expect(resolveOutcome(null, '2025-01-01', '2025-01-02')).toBe('onbekend');
    expect(resolveRecurrence(null, '2025-01-01', '2025-01-02')).toBe('nee');
  });

  it('median and handovers per household', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(
      handoversPerHousehold(
        new Map([
          ['a', [1, 1]],
          ['b', [1]],
          ['c', [0]],
        ]),
      ),
    ).toEqual({ households: 2, mean: 1.5, moreThanOne: 1 });
  });
});

describe('the published outcome table', () => {
  const count = (
    intervention: string,
    safety: string | null,
    answer: OutcomeCount['answer'],
    cases: number,
  ): OutcomeCount => ({
    intervention,
    region: 'VT01',
    gemeente: 'GM0363',
    year: 2024,
    safety,
    answer,
    cases,
  });

  it('groups by intervention with the case-mix split and a total, unprotected for the system', () => {
    const table = buildOutcomeTable(
      [
        count('mda_plusplus', 'structureel', 'ja', 12),
        count('mda_plusplus', 'structureel', 'nee', 8),
        count('mda_plusplus', 'acuut', 'nee', 10),
        count('mda_plusplus', 'acuut', 'onbekend', 6),
        count('wijkteam_begeleiding', 'geen', 'ja', 30),
        count('wijkteam_begeleiding', 'geen', 'nee', 10),
        count('wijkteam_begeleiding', null, 'te_jong', 7),
      ],
      'interventie',
      null,
    );
    expect(table.rows.map((row) => row.key)).toEqual(['mda_plusplus', 'wijkteam_begeleiding']);
    const mda = table.rows[0];
    // 12 stopped of 30 known (12 + 8 + 10); 6 unknown beside it.
    expect(mda?.tally).toMatchObject({ yes: 12, known: 30, unknown: 6, censored: 0, share: 0.4 });
    expect(mda?.caseMix.structureel).toMatchObject({ yes: 12, known: 20, share: 0.6 });
    expect(mda?.caseMix.acuut).toMatchObject({ yes: 0, known: 10, share: 0 });
    expect(table.rows[1]?.caseMix.onbekend).toMatchObject({ censored: 7, known: 0, share: null });
    expect(table.total.tally).toMatchObject({ yes: 42, known: 70, unknown: 6, censored: 7, share: 0.6 });
  });

  it('hides small counts and what would give them away, and then the share', () => {
    const table = buildOutcomeTable(
      [
        count('mda_plusplus', 'structureel', 'ja', 20),
        count('mda_plusplus', 'structureel', 'nee', 20),
        count('mda_plusplus', 'acuut', 'ja', 2),
        count('mda_plusplus', 'acuut', 'nee', 30),
        count('wijkteam_begeleiding', 'geen', 'ja', 40),
        count('wijkteam_begeleiding', 'geen', 'nee', 20),
      ],
      'interventie',
      { threshold: 5, roundTo: null, suppressZero: false },
    );
    const mda = table.rows.find((row) => row.key === 'mda_plusplus');
    expect(mda?.caseMix.acuut).toMatchObject({ yes: null, known: null, share: null, interval: null });
    // The intervention's total "ja" (22) minus the structureel split would reveal the acute 2: the smallest other
    // non-zero part (structureel, 20) is hidden too, and the total stays shown.
    expect(mda?.caseMix.structureel).toMatchObject({ yes: null, share: null });
    expect(mda?.tally).toMatchObject({ yes: 22, known: 72 });
    expect(mda?.hidden).toBe(false);
    expect(table.rows.find((row) => row.key === 'wijkteam_begeleiding')?.tally).toMatchObject({
      yes: 40,
      known: 60,
    });
  });

  it('property: whatever the counts, no hidden count can be worked out from the shown ones', () => {
    const interventions = ['a', 'b', 'c'];
    const safeties = ['acuut', 'structureel', 'geen', null];
    const answers: OutcomeCount['answer'][] = ['ja', 'nee', 'onbekend', 'te_jong'];
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 12 }), {
          minLength: interventions.length * safeties.length * answers.length,
          maxLength: interventions.length * safeties.length * answers.length,
        }),
        (values) => {
          const counts: OutcomeCount[] = [];
          let index = 0;
          for (const intervention of interventions)
            for (const safety of safeties)
              for (const answer of answers) {
                const cases = values[index++] as number;
                if (cases > 0) counts.push(count(intervention, safety, answer, cases));
              }
          const table = buildOutcomeTable(counts, 'interventie', {
            threshold: 5,
            roundTo: null,
            suppressZero: false,
          });
          // Rebuild the published cells: a count is known when shown; sums run over the case mix and the groups.
          const fields = ['yes', 'no', 'unknown', 'censored'] as const;
          const known = new Set<string>();
          const groups: { total: string; parts: string[] }[] = [];
          const rows = [...table.rows, { ...table.total, key: '*' }];
          for (const row of rows) {
            for (const mix of ['*', ...CASE_MIX] as const) {
              const tally = mix === '*' ? row.tally : row.caseMix[mix];
              const shown = {
                yes: tally.yes,
                no: tally.yes === null || tally.known === null ? null : tally.known - tally.yes,
                unknown: tally.unknown,
                censored: tally.censored,
              };
              for (const field of fields) if (shown[field] !== null) known.add(`${row.key}|${mix}|${field}`);
            }
            for (const field of fields)
              groups.push({
                total: `${row.key}|*|${field}`,
                parts: CASE_MIX.map((mix) => `${row.key}|${mix}|${field}`),
              });
          }
          const keys = table.rows.map((row) => row.key);
          for (const mix of ['*', ...CASE_MIX])
            for (const field of fields)
              groups.push({ total: `*|${mix}|${field}`, parts: keys.map((key) => `${key}|${mix}|${field}`) });
          const { derived } = derivableCells(known, groups);
          // Every derivable cell must be one whose true value is not small (0 or ≥ 5).
          const truth = new Map<string, number>();
          for (const c of counts) {
            const field =
              c.answer === 'ja'
                ? 'yes'
                : c.answer === 'nee'
                  ? 'no'
                  : c.answer === 'onbekend'
                    ? 'unknown'
                    : 'censored';
            for (const key of [c.intervention, '*'])
              for (const mix of [c.safety ?? 'onbekend', '*']) {
                const id = `${key}|${mix}|${field}`;
                truth.set(id, (truth.get(id) ?? 0) + c.cases);
              }
          }
          for (const id of derived) {
            const value = truth.get(id) ?? 0;
            expect(value === 0 || value >= 5, `${id} = ${value} can be derived`).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
