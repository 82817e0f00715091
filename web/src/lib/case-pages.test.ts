// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../api/types.ts';
import {
  caseMarkers,
  caseTeamOptions,
  checkCaseFile,
  csvColumnRows,
  daysText,
  decisionLabel,
  displayPseudonym,
  eventDetails,
  eventsNeeding,
  followUpCountsText,
  followUpStateText,
  followUpsFormProblems,
  followUpsSearchFromForm,
  maySupplyCases,
  momentText,
  normaliseGemeente,
  normaliseRegion,
  personalDataText,
  type RegisterFormValues,
  registerFormProblems,
  registerSearchFromForm,
  safetyAssessmentLabel,
  sortFollowUps,
  stoppedText,
  supplierOptions,
  windowText,
  withRegisterPage,
} from './case-pages.ts';

const EMPTY_FORM: RegisterFormValues = {
  gemeente: '',
  regio: '',
  jaar: '',
  besluit: '',
  interventie: '',
  status: '',
  huishouden: '',
};

function user(memberships: Array<Partial<SessionUser['memberships'][number]>>, isAdmin = false): SessionUser {
  return {
    id: 'u1',
    email: 'a@b.nl',
    displayName: 'A',
    isAdmin,
    memberships: memberships.map((m, index) => ({
      organisationId: index + 1,
      organisationName: `Organisatie ${index + 1}`,
      organisationKind: 'lokaal_team',
      areaCode: null,
      role: 'lezer',
      ...m,
    })),
  };
}

describe('labels and small texts', () => {
  it('labels codes and keeps unknown codes as they are', () => {
    expect(safetyAssessmentLabel('acuut')).toBe('Acute onveiligheid');
    expect(safetyAssessmentLabel(null)).toBeNull();
    expect(decisionLabel('voorwaarden_vervolg')).toBe('Voorwaarden & Vervolg');
    expect(decisionLabel('iets_nieuws')).toBe('iets_nieuws');
  });

  it('writes moments, days, counts and windows in Dutch', () => {
    expect(momentText(3)).toBe('+3 maanden');
    expect(momentText(1)).toBe('+1 maand');
    expect(daysText(1)).toBe('1 dag');
    expect(daysText(1200)).toBe('1.200 dagen');
    expect(followUpCountsText(2, 1)).toBe('2 te laat, 1 nu uit te voeren');
    expect(windowText('2024-03-01', '2024-04-15')).toBe('1 maart 2024 tot en met 15 april 2024');
  });

  it('says how late a late follow-up is, and only then', () => {
    expect(followUpStateText('te_laat', 12)).toBe('Te laat (12 dagen)');
    expect(followUpStateText('te_laat', 1)).toBe('Te laat (1 dag)');
    expect(followUpStateText('open', 0)).toBe('Nu uit te voeren');
    expect(followUpStateText('gedaan', 0)).toBe('Gedaan');
    expect(followUpStateText('vervallen', 0)).toBe('Vervallen (casus gesloten zonder meting)');
  });

  it('shows the 12-month outcome, with a dash only when there was no handover', () => {
    expect(stoppedText('ja', '2024-01-01')).toEqual({ shown: 'ja', spoken: null });
    expect(stoppedText('nee', '2024-01-01')).toEqual({ shown: 'nee', spoken: null });
    expect(stoppedText('onbekend', '2024-01-01')).toEqual({ shown: 'onbekend', spoken: null });
    expect(stoppedText(null, null)).toEqual({ shown: '—', spoken: 'niet van toepassing: geen overdracht' });
    expect(stoppedText(null, '2025-01-01').shown).toBe('nog niet bekend');
    expect(stoppedText('te_jong', '2025-01-01').shown).toBe('nog niet bekend');
  });

  it('groups a pseudonym as users read it, and leaves other text alone', () => {
    expect(displayPseudonym('1a2b3c4d5e6f7a8b')).toBe('1A2B-3C4D-5E6F');
    expect(displayPseudonym('1a2b-3c4d-5e6f')).toBe('1A2B-3C4D-5E6F');
    expect(displayPseudonym('1a2b')).toBe('1a2b');
    expect(displayPseudonym(' onzin ')).toBe('onzin');
  });
});

describe('register filters', () => {
  it('accepts an empty form and normalises codes', () => {
    expect(registerFormProblems(EMPTY_FORM)).toEqual([]);
    expect(normaliseGemeente('363')).toBe('GM0363');
    expect(normaliseGemeente(' gm0344 ')).toBe('GM0344');
    expect(normaliseRegion('3')).toBe('VT03');
    expect(normaliseRegion('vt13')).toBe('VT13');
  });

  it('names each wrong field', () => {
    const problems = registerFormProblems({
      ...EMPTY_FORM,
      gemeente: 'Amsterdam',
      regio: 'VT123',
      jaar: '1999',
      huishouden: 'Jan Jansen',
    });
    expect(problems.map((problem) => problem.field)).toEqual(['gemeente', 'regio', 'jaar', 'huishouden']);
    expect(registerFormProblems({ ...EMPTY_FORM, jaar: '2024' })).toEqual([]);
  });

  it('turns the form into the URL search on page 1, leaving out empty fields', () => {
    expect(
      registerSearchFromForm({
        ...EMPTY_FORM,
        gemeente: '363',
        regio: 'vt13',
        jaar: '2024',
        besluit: 'overdracht',
        status: 'lopend',
        huishouden: 'ab12-cd34-ef56',
      }),
    ).toEqual({
      pagina: 1,
      gemeente: 'GM0363',
      regio: 'VT13',
      jaar: 2024,
      besluit: 'overdracht',
      status: 'lopend',
      huishouden: 'AB12-CD34-EF56',
    });
    expect(registerSearchFromForm(EMPTY_FORM)).toEqual({ pagina: 1 });
    expect(withRegisterPage({ pagina: 1, jaar: 2024 }, 3)).toEqual({ pagina: 3, jaar: 2024 });
    expect(withRegisterPage({ pagina: 2 }, 0)).toEqual({ pagina: 1 });
  });

  it('does the same for the follow-up filters', () => {
    expect(followUpsFormProblems({ team: '', gemeente: 'x', regio: '', status: '' })).toHaveLength(1);
    expect(followUpsSearchFromForm({ team: '7', gemeente: '', regio: '25', status: 'te_laat' })).toEqual({
      team: 7,
      regio: 'VT25',
      status: 'te_laat',
    });
  });
});

describe('organisations of the user', () => {
  const signedIn = user([
    { organisationName: 'Wijkteam Zuid', role: 'casusregie' },
    { organisationName: 'Gemeente Amsterdam', organisationKind: 'gemeente', role: 'aanleverancier' },
    { organisationName: 'Veilig Thuis Amsterdam', organisationKind: 'veilig_thuis', role: 'aanleverancier' },
    { organisationName: 'Wijkteam Noord', role: 'lezer' },
  ]);

  it('offers the teams whose cases the user reads, by name: Veilig Thuis and local teams only', () => {
    expect(caseTeamOptions(signedIn)).toEqual([
      { value: '3', label: 'Veilig Thuis Amsterdam' },
      { value: '1', label: 'Wijkteam Zuid' },
    ]);
    expect(caseTeamOptions(null)).toEqual([]);
  });

  it('offers as supplier only Veilig Thuis and local teams, as the server decides', () => {
    expect(supplierOptions(signedIn)).toEqual([
      { value: '3', label: 'Veilig Thuis Amsterdam' },
      { value: '1', label: 'Wijkteam Zuid' },
    ]);
    expect(maySupplyCases(signedIn)).toBe(true);
    expect(maySupplyCases(user([{ role: 'lezer' }]))).toBe(false);
    expect(maySupplyCases(user([], true))).toBe(true);
    expect(maySupplyCases(undefined)).toBe(false);
  });
});

describe('timeline', () => {
  const names = {
    melder: new Map([['justitie_veiligheid', 'Justitie en veiligheid (o.a. politie)']]),
    violence: new Map([
      ['kindermishandeling', 'Kindermishandeling'],
      ['partnergeweld', 'Partnergeweld'],
    ]),
    interventions: new Map([['daderhulp', 'Daderhulp']]),
  };

  it('gives each event its details with Dutch terms and labels', () => {
    expect(
      eventDetails(
        {
          kind: 'melding',
          date: '2024-01-02',
          gemeente: 'GM0363',
          melder: 'justitie_veiligheid',
          violenceTypes: ['kindermishandeling', 'partnergeweld'],
        },
        names,
      ),
    ).toEqual([
      { term: 'Melder', value: 'Justitie en veiligheid (o.a. politie)' },
      { term: 'Aard van het geweld', value: 'Kindermishandeling, Partnergeweld' },
    ]);
    expect(
      eventDetails({ kind: 'overdracht', date: '2024-01-10', teamId: 4, teamName: 'Wijkteam Zuid' }),
    ).toEqual([{ term: 'Ontvangend team', value: 'Wijkteam Zuid' }]);
    expect(eventDetails({ kind: 'regisseur', date: '2024-01-10', teamId: 4 })).toEqual([
      { term: 'Regisseur', value: 'organisatie 4' },
    ]);
    expect(
      eventDetails(
        { kind: 'interventie_start', date: '2024-01-12', intervention: 'daderhulp', primary: true },
        names,
      ),
    ).toEqual([{ term: 'Interventie', value: 'Daderhulp (primair)' }]);
    expect(
      eventDetails({
        kind: 'meting',
        date: '2024-04-10',
        source: 'lokaal_team',
        violence: 'nee',
        safety: 'veilig',
        conditionsMet: 'nvt',
      }),
    ).toEqual([
      { term: 'Bron', value: 'Lokaal team' },
      { term: 'Geweld sinds vorige meting', value: 'nee' },
      { term: 'Veiligheidsstatus', value: 'veilig' },
      { term: 'Voorwaarden nageleefd', value: 'niet van toepassing' },
    ]);
    expect(eventDetails({ kind: 'afsluiting', date: '2024-06-01', reason: 'doelen_bereikt' })).toEqual([
      { term: 'Reden', value: 'Doelen bereikt' },
    ]);
    expect(eventDetails({ kind: 'besluit', date: '2024-01-05', decision: 'overdracht' })).toEqual([
      { term: 'Besluit', value: 'Overdracht' },
    ]);
    expect(eventDetails({ kind: 'plan', date: '2024-01-20' })).toEqual([]);
  });

  it('numbers the cases of a household in the order given', () => {
    expect([...caseMarkers([{ pseudonym: 'A' }, { pseudonym: 'B' }])]).toEqual([
      ['A', 'Casus 1'],
      ['B', 'Casus 2'],
    ]);
  });
});

describe('follow-up list order', () => {
  it('puts the most overdue first, then the earliest window end', () => {
    const items = [
      { household: 'B', daysLate: 0, windowEnd: '2025-03-01', months: 3 },
      { household: 'A', daysLate: 10, windowEnd: '2025-01-01', months: 12 },
      { household: 'C', daysLate: 0, windowEnd: '2025-02-01', months: 3 },
      { household: 'D', daysLate: 40, windowEnd: '2024-12-01', months: 3 },
    ];
    expect(sortFollowUps(items).map((item) => item.household)).toEqual(['D', 'A', 'C', 'B']);
    expect(items[0]?.household).toBe('B');
  });
});

describe('case import', () => {
  it('refuses a missing, empty or too large file', () => {
    expect(checkCaseFile(null, 100)?.message).toBe('Kies een CSV-bestand met casussen.');
    const empty = new File([], 'leeg.csv');
    expect(checkCaseFile(empty, 100)?.message).toBe('leeg.csv is leeg. Kies een CSV-bestand met casussen.');
    const big = new File(['x'.repeat(3 * 1024 * 1024)], 'groot.csv');
    expect(checkCaseFile(big, 2 * 1024 * 1024)?.message).toContain('groter dan 2 MB');
    expect(checkCaseFile(new File(['a'], 'ok.csv'), 100)).toBeNull();
  });

  it('names the column, first row and count of personal data, never the value', () => {
    expect(personalDataText({ column: 'huishouden_id', kind: 'bsn', firstRow: 2, count: 3 })).toBe(
      'Kolom “huishouden_id” bevat BSN-nummers (eerste rij 2, 3 keer).',
    );
    expect(personalDataText({ column: 'melder', kind: 'email', firstRow: 5, count: 1 })).toBe(
      'Kolom “melder” bevat e-mailadressen (eerste rij 5, 1 keer).',
    );
    expect(personalDataText({ column: 'Achternaam', kind: 'naam', firstRow: null, count: 4 })).toBe(
      'Kolom “Achternaam” is een kolom met persoonsgegevens (namen): haal de kolom uit het bestand.',
    );
  });

  it('lists for each column the events that need it', () => {
    expect(eventsNeeding('datum')).toBe('alle');
    expect(eventsNeeding('team')).toEqual(['overdracht', 'regisseur']);
    expect(eventsNeeding('interventie')).toEqual(['interventie_start', 'interventie_einde']);
    expect(eventsNeeding('reden')).toEqual(['afsluiting']);
    const rows = csvColumnRows();
    expect(rows).toHaveLength(17);
    expect(rows[0]).toEqual({ column: 'casus_id', neededBy: 'alle' });
    // Every column but the base four is needed by at least one event.
    expect(rows.filter((row) => row.neededBy !== 'alle' && row.neededBy.length === 0)).toEqual([]);
  });
});
