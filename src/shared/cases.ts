/**
 * Case register vocabulary shared by server and web app: the event kinds of a case extract, their coded values
 * and Dutch labels, and the columns of the extract CSV. One source of truth for names that appear in files,
 * URLs and pages. The register holds no names, no BSN and no free text: every value is a date or a code.
 */

/** What happened in a case, one row per event in the extract (as a DHIS2 Tracker event stream). */
export const CASE_EVENT_KINDS = [
  'melding',
  'veiligheidsbeoordeling',
  'besluit',
  'overdracht',
  'regisseur',
  'plan',
  'interventie_start',
  'interventie_einde',
  'meting',
  'afsluiting',
] as const;
export type CaseEventKind = (typeof CASE_EVENT_KINDS)[number];

export const CASE_EVENT_LABELS: Record<CaseEventKind, string> = {
  melding: 'Melding',
  veiligheidsbeoordeling: 'Veiligheidsbeoordeling',
  besluit: 'Besluit over het vervolg',
  overdracht: 'Overdracht',
  regisseur: 'Regisseur',
  plan: 'Plan gemaakt',
  interventie_start: 'Interventie gestart',
  interventie_einde: 'Interventie beëindigd',
  meting: 'Vervolgmeting',
  afsluiting: 'Afsluiting',
};

/** Outcome of the safety assessment (veiligheidsbeoordeling) of Veilig Thuis. */
export const SAFETY_ASSESSMENTS = ['acuut', 'structureel', 'geen'] as const;
export type SafetyAssessment = (typeof SAFETY_ASSESSMENTS)[number];
export const SAFETY_ASSESSMENT_LABELS: Record<SafetyAssessment, string> = {
  acuut: 'Acute onveiligheid',
  structureel: 'Structurele onveiligheid',
  geen: 'Geen acute of structurele onveiligheid',
};

/** The follow-up decision after the safety assessment. */
export const FOLLOW_UP_DECISIONS = [
  'geen_vervolg',
  'overdracht',
  'voorwaarden_vervolg',
  'onderzoek',
] as const;
export type FollowUpDecision = (typeof FOLLOW_UP_DECISIONS)[number];
export const FOLLOW_UP_DECISION_LABELS: Record<FollowUpDecision, string> = {
  geen_vervolg: 'Geen vervolg',
  overdracht: 'Overdracht',
  voorwaarden_vervolg: 'Voorwaarden & Vervolg',
  onderzoek: 'Onderzoek',
};

/** Who reported a follow-up measurement. */
export const MEASUREMENT_SOURCES = ['veilig_thuis', 'lokaal_team', 'gezin'] as const;
export type MeasurementSource = (typeof MEASUREMENT_SOURCES)[number];
export const MEASUREMENT_SOURCE_LABELS: Record<MeasurementSource, string> = {
  veilig_thuis: 'Veilig Thuis (monitoring)',
  lokaal_team: 'Lokaal team',
  gezin: 'Gezin',
};

export const YES_NO_UNKNOWN = ['ja', 'nee', 'onbekend'] as const;
export type YesNoUnknown = (typeof YES_NO_UNKNOWN)[number];

export const SAFETY_STATUSES = ['veilig', 'onveilig', 'onbekend'] as const;
export type SafetyStatus = (typeof SAFETY_STATUSES)[number];

export const CONDITIONS_MET = ['ja', 'nee', 'nvt'] as const;
export type ConditionsMet = (typeof CONDITIONS_MET)[number];

export const CLOSURE_REASONS = [
  'doelen_bereikt',
  'veiligheid_hersteld',
  'overgedragen',
  'verhuisd',
  'gezin_wil_niet',
  'overig',
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];
export const CLOSURE_REASON_LABELS: Record<ClosureReason, string> = {
  doelen_bereikt: 'Doelen bereikt',
  veiligheid_hersteld: 'Veiligheid hersteld',
  overgedragen: 'Overgedragen aan een andere organisatie',
  verhuisd: 'Verhuisd',
  gezin_wil_niet: 'Gezin werkt niet mee',
  overig: 'Overig',
};

/**
 * Recognition levels of interventions, as the Dutch recognition committees (Erkenningscommissie Interventies)
 * grade them.
 */
export const RECOGNITION_LEVELS = [
  'goed_onderbouwd',
  'effectief_eerste_aanwijzingen',
  'effectief_goede_aanwijzingen',
  'effectief_sterke_aanwijzingen',
  'niet_beoordeeld',
] as const;
export type RecognitionLevel = (typeof RECOGNITION_LEVELS)[number];
export const RECOGNITION_LEVEL_LABELS: Record<RecognitionLevel, string> = {
  goed_onderbouwd: 'Goed onderbouwd',
  effectief_eerste_aanwijzingen: 'Effectief volgens eerste aanwijzingen',
  effectief_goede_aanwijzingen: 'Effectief volgens goede aanwijzingen',
  effectief_sterke_aanwijzingen: 'Effectief volgens sterke aanwijzingen',
  niet_beoordeeld: 'Niet beoordeeld',
};

/**
 * Columns of the case extract (long format: one row per event). Which columns an event needs is in
 * `EVENT_FIELDS`; the others stay empty. Identifiers are pseudonymised on arrival and never stored.
 */
export const CASE_CSV_COLUMNS = [
  'casus_id',
  'huishouden_id',
  'gebeurtenis',
  'datum',
  'gemeente',
  'melder',
  'aard_geweld',
  'veiligheid',
  'besluit',
  'team',
  'interventie',
  'primair',
  'bron',
  'geweld',
  'veiligheidsstatus',
  'voorwaarden',
  'reden',
] as const;
export type CaseCsvColumn = (typeof CASE_CSV_COLUMNS)[number];

/** Required fields per event kind (besides casus_id, huishouden_id, gebeurtenis and datum). */
export const EVENT_FIELDS: Record<CaseEventKind, readonly CaseCsvColumn[]> = {
  melding: ['gemeente', 'melder', 'aard_geweld'],
  veiligheidsbeoordeling: ['veiligheid'],
  besluit: ['besluit'],
  overdracht: ['team'],
  regisseur: ['team'],
  plan: [],
  interventie_start: ['interventie', 'primair'],
  interventie_einde: ['interventie'],
  meting: ['bron', 'geweld', 'veiligheidsstatus', 'voorwaarden'],
  afsluiting: ['reden'],
};

/** A follow-up moment after handover, with the window in which a measurement counts for it. */
export type FollowUpMoment = { months: number; daysBefore: number; daysAfter: number };

/** Default schedule: +3 and +12 months after handover (configurable per Veilig Thuis-regio). */
export const DEFAULT_FOLLOW_UP_SCHEDULE: readonly FollowUpMoment[] = [
  { months: 3, daysBefore: 14, daysAfter: 30 },
  { months: 12, daysBefore: 30, daysAfter: 60 },
];

export const FOLLOW_UP_STATES = ['gedaan', 'gepland', 'open', 'te_laat', 'vervallen'] as const;
export type FollowUpState = (typeof FOLLOW_UP_STATES)[number];
export const FOLLOW_UP_STATE_LABELS: Record<FollowUpState, string> = {
  gedaan: 'Gedaan',
  gepland: 'Gepland',
  open: 'Nu uit te voeren',
  te_laat: 'Te laat',
  vervallen: 'Vervallen (casus gesloten zonder meting)',
};

/** Norm for the safety assessment: within 5 working days of the melding. */
export const SAFETY_ASSESSMENT_NORM_WORKING_DAYS = 5;

/** File name of the synthetic demo extract: cases from it are synthetic, and the app says so. */
export const DEMO_CASES_FILE_NAME = 'demo-casussen-synthetisch.csv';

/** Largest case extract the upload form and API accept. */
export const CASES_UPLOAD_LIMIT = 100 * 1024 * 1024;
