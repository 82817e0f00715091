// SPDX-License-Identifier: EUPL-1.2
/**
 * Pure helpers of the case-level pages (register, household timeline, follow-up list, case import): the Dutch
 * texts built from API values, the filters of the forms, and which of the user's organisations fit a choice.
 * No I/O, so each is tested on hand-computed cases.
 */
import type { CaseEvent } from '../../../src/server/modules/cases/cases.domain.ts';
import {
  CASE_CSV_COLUMNS,
  CASE_EVENT_KINDS,
  type CaseCsvColumn,
  type CaseEventKind,
  CLOSURE_REASON_LABELS,
  type ClosureReason,
  EVENT_FIELDS,
  FOLLOW_UP_DECISION_LABELS,
  FOLLOW_UP_STATE_LABELS,
  type FollowUpDecision,
  type FollowUpState,
  MEASUREMENT_SOURCE_LABELS,
  type MeasurementSource,
  SAFETY_ASSESSMENT_LABELS,
  type SafetyAssessment,
} from '../../../src/shared/cases.ts';
import type { SessionUser } from '../api/types.ts';
import {
  type FollowUpsSearch,
  parseFollowUpsSearch,
  parseRegisterSearch,
  type RegisterSearch,
} from './cases-search.ts';
import { type FormError, type FormErrors, NO_ERRORS } from './form-errors.ts';
import { formatDate, formatNumber } from './format.ts';

// ---- Labels of codes ----

const labelOf = <T extends string>(labels: Record<T, string>, code: string | null): string | null =>
  code === null ? null : ((labels as Record<string, string>)[code] ?? code);

export const safetyAssessmentLabel = (code: string | null) =>
  labelOf<SafetyAssessment>(SAFETY_ASSESSMENT_LABELS, code);
export const decisionLabel = (code: string | null) =>
  labelOf<FollowUpDecision>(FOLLOW_UP_DECISION_LABELS, code);

/** "+3 maanden", "+1 maand": a follow-up moment after the handover. */
export function momentText(months: number): string {
  return months === 1 ? '+1 maand' : `+${formatNumber(months)} maanden`;
}

export function daysText(days: number): string {
  return days === 1 ? '1 dag' : `${formatNumber(days)} dagen`;
}

/** "Te laat (12 dagen)"; other states as their label. */
export function followUpStateText(state: FollowUpState, daysLate: number): string {
  const label = FOLLOW_UP_STATE_LABELS[state];
  return state === 'te_laat' && daysLate > 0 ? `${label} (${daysText(daysLate)})` : label;
}

/** "2 te laat, 1 nu uit te voeren". */
export function followUpCountsText(late: number, open: number): string {
  return `${formatNumber(late)} te laat, ${formatNumber(open)} nu uit te voeren`;
}

/** "1 maart 2024 tot en met 15 april 2024": the window in which a measurement counts. */
export function windowText(start: string, end: string): string {
  return `${formatDate(start)} tot en met ${formatDate(end)}`;
}

/**
 * "Geweld gestopt na 12 maanden" of one case, as the register shows it. `shown` is what the cell shows, `spoken`
 * replaces a bare dash for screen readers.
 */
export function stoppedText(
  stopped12: string | null,
  handoverDate: string | null,
): { shown: string; spoken: string | null } {
  if (stopped12 === 'ja' || stopped12 === 'nee' || stopped12 === 'onbekend')
    return { shown: stopped12, spoken: null };
  if (handoverDate === null) return { shown: '—', spoken: 'niet van toepassing: geen overdracht' };
  return { shown: 'nog niet bekend', spoken: null };
}

/** Up to 12 hex characters of a pseudonym as users see it (`1A2B-3C4D-5E6F`); anything else as typed. */
export function displayPseudonym(text: string): string {
  const cleaned = text.trim().replaceAll('-', '').toUpperCase();
  if (!/^[0-9A-F]{12,64}$/.test(cleaned)) return text.trim();
  return `${cleaned.slice(0, 4)}-${cleaned.slice(4, 8)}-${cleaned.slice(8, 12)}`;
}

// ---- Register filters ----

export type RegisterFormValues = {
  gemeente: string;
  regio: string;
  jaar: string;
  besluit: string;
  interventie: string;
  status: string;
  huishouden: string;
};

const GEMEENTE = /^GM\d{4}$/;
const REGION = /^VT\d{2}$/;

/** `363`, `gm0363` → `GM0363`; a region `vt13` → `VT13`; other text stays (to be refused). */
export function normaliseGemeente(text: string): string {
  const upper = text.trim().toUpperCase();
  return /^\d{1,4}$/.test(upper) ? `GM${upper.padStart(4, '0')}` : upper;
}

export function normaliseRegion(text: string): string {
  const upper = text.trim().toUpperCase();
  return /^\d{1,2}$/.test(upper) ? `VT${upper.padStart(2, '0')}` : upper;
}

function areaProblems(values: { gemeente: string; regio: string }): FormError[] {
  const errors: FormError[] = [];
  const gemeente = normaliseGemeente(values.gemeente);
  if (gemeente !== '' && !GEMEENTE.test(gemeente))
    errors.push({
      field: 'gemeente',
      message: 'Vul een gemeentecode in zoals GM0363, of laat het veld leeg.',
    });
  const region = normaliseRegion(values.regio);
  if (region !== '' && !REGION.test(region))
    errors.push({ field: 'regio', message: 'Vul een regiocode in zoals VT13, of laat het veld leeg.' });
  return errors;
}

/** What is wrong with the register's filter form, field by field (an empty field is no filter). */
export function registerFormProblems(values: RegisterFormValues): FormErrors {
  const errors = areaProblems(values);
  const year = values.jaar.trim();
  if (year !== '' && !(/^\d{4}$/.test(year) && Number(year) >= 2000 && Number(year) <= 2100))
    errors.push({
      field: 'jaar',
      message: 'Vul een jaar in van 2000 tot en met 2100, of laat het veld leeg.',
    });
  const household = values.huishouden.trim();
  if (household !== '' && !/^[0-9A-Fa-f-]{4,80}$/.test(household))
    errors.push({
      field: 'huishouden',
      message:
        'Een pseudoniem bestaat uit de cijfers 0–9 en de letters A–F, zoals 1A2B-3C4D-5E6F. Vul nooit een naam of BSN in.',
    });
  return errors.length > 0 ? errors : NO_ERRORS;
}

/** The URL search of a checked filter form, on page 1; empty fields are left out. */
export function registerSearchFromForm(values: RegisterFormValues): RegisterSearch {
  return parseRegisterSearch({
    gemeente: normaliseGemeente(values.gemeente),
    regio: normaliseRegion(values.regio),
    jaar: values.jaar.trim(),
    besluit: values.besluit,
    interventie: values.interventie,
    status: values.status,
    huishouden: values.huishouden.trim().toUpperCase(),
  });
}

/** The register on another page; page 1 is the default. */
export function withRegisterPage(search: RegisterSearch, page: number): RegisterSearch {
  return { ...search, pagina: Math.max(1, page) };
}

export type FollowUpsFormValues = { team: string; gemeente: string; regio: string; status: string };

export function followUpsFormProblems(values: FollowUpsFormValues): FormErrors {
  const errors = areaProblems(values);
  return errors.length > 0 ? errors : NO_ERRORS;
}

export function followUpsSearchFromForm(values: FollowUpsFormValues): FollowUpsSearch {
  return parseFollowUpsSearch({
    team: values.team,
    gemeente: normaliseGemeente(values.gemeente),
    regio: normaliseRegion(values.regio),
    status: values.status,
  });
}

// ---- Organisations of the signed-in user ----

export type OrganisationOption = { value: string; label: string };

function options(
  user: SessionUser | null | undefined,
  keep: (membership: SessionUser['memberships'][number]) => boolean,
): OrganisationOption[] {
  const seen = new Map<number, string>();
  for (const membership of user?.memberships ?? [])
    if (keep(membership) && !seen.has(membership.organisationId))
      seen.set(membership.organisationId, membership.organisationName);
  return [...seen]
    .map(([id, name]) => ({ value: String(id), label: name }))
    .sort((a, b) => a.label.localeCompare(b.label, 'nl-NL'));
}

/** Organisations whose cases the user reads (casusregie or aanleverancier): the team filter of the follow-ups. */
export function caseTeamOptions(user: SessionUser | null | undefined): OrganisationOption[] {
  return options(
    user,
    (m) =>
      (m.role === 'casusregie' || m.role === 'aanleverancier') &&
      (m.organisationKind === 'veilig_thuis' || m.organisationKind === 'lokaal_team'),
  );
}

/**
 * Organisations the user may supply case extracts for, as the server decides it (`supplierChoices`): an
 * aanleverancier or casusregie of a Veilig Thuis organisation or a local team.
 */
export function supplierOptions(user: SessionUser | null | undefined): OrganisationOption[] {
  return options(
    user,
    (m) =>
      (m.role === 'aanleverancier' || m.role === 'casusregie') &&
      (m.organisationKind === 'veilig_thuis' || m.organisationKind === 'lokaal_team'),
  );
}

export function maySupplyCases(user: SessionUser | null | undefined): boolean {
  return Boolean(user && (user.isAdmin || supplierOptions(user).length > 0));
}

// ---- Timeline ----

export type CodeNames = {
  melder?: ReadonlyMap<string, string>;
  violence?: ReadonlyMap<string, string>;
  interventions?: ReadonlyMap<string, string>;
};

export type EventDetail = { term: string; value: string };

const YES_NO: Record<string, string> = {
  ja: 'ja',
  nee: 'nee',
  onbekend: 'onbekend',
  nvt: 'niet van toepassing',
};
const SAFETY_STATUS: Record<string, string> = {
  veilig: 'veilig',
  onveilig: 'onveilig',
  onbekend: 'onbekend',
};

const nameOf = (names: ReadonlyMap<string, string> | undefined, code: string) => names?.get(code) ?? code;

/** The details of one event with Dutch terms and labels, in the order a reader needs them. */
export function eventDetails(
  event: CaseEvent & { teamName?: string | null },
  names: CodeNames = {},
): EventDetail[] {
  const team = () => event.teamName ?? ('teamId' in event ? `organisatie ${event.teamId}` : '');
  switch (event.kind) {
    case 'melding':
      return [
        { term: 'Melder', value: nameOf(names.melder, event.melder) },
        {
          term: 'Aard van het geweld',
          value: event.violenceTypes.map((code) => nameOf(names.violence, code)).join(', '),
        },
      ];
    case 'veiligheidsbeoordeling':
      return [{ term: 'Veiligheidsbeoordeling', value: safetyAssessmentLabel(event.assessment) ?? '' }];
    case 'besluit':
      return [{ term: 'Besluit', value: decisionLabel(event.decision) ?? '' }];
    case 'overdracht':
      return [{ term: 'Ontvangend team', value: team() }];
    case 'regisseur':
      return [{ term: 'Regisseur', value: team() }];
    case 'plan':
      return [];
    case 'interventie_start':
      return [
        {
          term: 'Interventie',
          value: `${nameOf(names.interventions, event.intervention)}${event.primary ? ' (primair)' : ''}`,
        },
      ];
    case 'interventie_einde':
      return [{ term: 'Interventie', value: nameOf(names.interventions, event.intervention) }];
    case 'meting':
      return [
        {
          term: 'Bron',
          value: labelOf<MeasurementSource>(MEASUREMENT_SOURCE_LABELS, event.source) ?? '',
        },
        { term: 'Geweld sinds vorige meting', value: YES_NO[event.violence] ?? event.violence },
        { term: 'Veiligheidsstatus', value: SAFETY_STATUS[event.safety] ?? event.safety },
        { term: 'Voorwaarden nageleefd', value: YES_NO[event.conditionsMet] ?? event.conditionsMet },
      ];
    case 'afsluiting':
      return [{ term: 'Reden', value: labelOf<ClosureReason>(CLOSURE_REASON_LABELS, event.reason) ?? '' }];
  }
}

/** "Casus 1", "Casus 2", … in the order given (melding date): marks events when a household has several. */
export function caseMarkers(cases: ReadonlyArray<{ pseudonym: string }>): Map<string, string> {
  return new Map(cases.map((item, index) => [item.pseudonym, `Casus ${index + 1}`]));
}

// ---- Case import ----

/** Largest case extract, as the server accepts it (CASES_UPLOAD_LIMIT in src/shared/cases.ts). */
export function checkCaseFile(file: File | null, limit: number): FormError | null {
  if (!file) return { field: 'file', message: 'Kies een CSV-bestand met casussen.' };
  if (file.size === 0)
    return { field: 'file', message: `${file.name} is leeg. Kies een CSV-bestand met casussen.` };
  if (file.size > limit)
    return {
      field: 'file',
      message: `${file.name} is groter dan ${formatNumber(limit / 1024 / 1024)} MB. Splits het bestand, bijvoorbeeld per jaar.`,
    };
  return null;
}

const PERSONAL_DATA_FOUND: Record<string, string> = {
  naam: 'namen',
  bsn: 'BSN-nummers',
  geboortedatum: 'geboortedatums',
  adres: 'adressen',
  postcode_huisnummer: 'postcodes met huisnummer',
  telefoon: 'telefoonnummers',
  email: 'e-mailadressen',
};

export type PersonalDataFinding = { column: string; kind: string; firstRow: number | null; count: number };

/**
 * "Kolom “huishouden_id” bevat BSN-nummers (eerste rij 2, 3 keer)." A column refused by its name (firstRow
 * null) says so. The value itself is never in the report, so never here either.
 */
export function personalDataText(finding: PersonalDataFinding): string {
  const what = PERSONAL_DATA_FOUND[finding.kind] ?? 'persoonsgegevens';
  if (finding.firstRow === null)
    return `Kolom “${finding.column}” is een kolom met persoonsgegevens (${what}): haal de kolom uit het bestand.`;
  const times = finding.count === 1 ? '1 keer' : `${formatNumber(finding.count)} keer`;
  return `Kolom “${finding.column}” bevat ${what} (eerste rij ${formatNumber(finding.firstRow)}, ${times}).`;
}

const BASE_COLUMNS: readonly CaseCsvColumn[] = ['casus_id', 'huishouden_id', 'gebeurtenis', 'datum'];

/** The events that need a column (every event for the four base columns). */
export function eventsNeeding(column: CaseCsvColumn): readonly CaseEventKind[] | 'alle' {
  if (BASE_COLUMNS.includes(column)) return 'alle';
  return CASE_EVENT_KINDS.filter((kind) => EVENT_FIELDS[kind].includes(column));
}

/** Every column of the extract with the events that need it, in file order. */
export function csvColumnRows(): Array<{
  column: CaseCsvColumn;
  neededBy: readonly CaseEventKind[] | 'alle';
}> {
  return CASE_CSV_COLUMNS.map((column) => ({ column, neededBy: eventsNeeding(column) }));
}

// ---- Follow-up list ----

/** Most overdue first; then the window that closes (or closed) first; then by household, for a stable order. */
export function sortFollowUps<
  T extends { daysLate: number; windowEnd: string; household: string; months: number },
>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) =>
      b.daysLate - a.daysLate ||
      a.windowEnd.localeCompare(b.windowEnd) ||
      a.household.localeCompare(b.household) ||
      a.months - b.months,
  );
}
