/**
 * Dashboard vocabulary shared by server and web app: what a protected figure's status means, the measures a
 * map or chart can show, comparison groups, and the key figures of an area profile.
 */

/** getoond: shown; afgeschermd: hidden by small-number protection; geen gegevens: no figure. */
export const CELL_STATUSES = ['getoond', 'afgeschermd', 'geen gegevens'] as const;
export type CellStatus = (typeof CELL_STATUSES)[number];

export const HIDDEN_REASONS = ['klein aantal', 'afleidbaar'] as const;
export type HiddenReason = (typeof HIDDEN_REASONS)[number];

/**
 * aantal: the count itself; per1000: per 1,000 inhabitants (or minors) of the period's year; waarde: the
 * indicator's own value (a percentage, a number of days, a rate the catalogue derives).
 */
export const MEASURES = ['aantal', 'per1000', 'waarde'] as const;
export type Measure = (typeof MEASURES)[number];

/** Where an area stands against the national figure, judged by its 95% interval (funnel plot). */
export const COMPARISONS = ['hoger', 'lager', 'gemiddeld', 'te weinig'] as const;
export type Comparison = (typeof COMPARISONS)[number];

export const COMPARISON_LABELS: Record<Comparison, string> = {
  hoger: 'Hoger dan landelijk',
  lager: 'Lager dan landelijk',
  gemiddeld: 'Niet te onderscheiden van landelijk',
  'te weinig': 'Te weinig om te vergelijken',
};

/** Comparison groups of an area profile; grootteklasse (size class by inhabitants) is the default. */
export const COMPARISON_GROUPS = ['grootteklasse', 'provincie', 'veiligthuisregio', 'eigen'] as const;
export type ComparisonGroupKind = (typeof COMPARISON_GROUPS)[number];

export const COMPARISON_GROUP_LABELS: Record<ComparisonGroupKind, string> = {
  grootteklasse: 'Gemeenten van dezelfde grootteklasse',
  provincie: 'Gemeenten in dezelfde provincie',
  veiligthuisregio: 'Gemeenten in dezelfde Veilig Thuis-regio',
  eigen: 'Zelf gekozen gemeenten',
};

/** CBS-style size classes by inhabitants on 1 January; lower bound inclusive. */
export const SIZE_CLASSES = [
  { from: 0, to: 20_000, label: 'minder dan 20.000 inwoners' },
  { from: 20_000, to: 50_000, label: '20.000 tot 50.000 inwoners' },
  { from: 50_000, to: 100_000, label: '50.000 tot 100.000 inwoners' },
  { from: 100_000, to: 250_000, label: '100.000 tot 250.000 inwoners' },
  { from: 250_000, to: Number.POSITIVE_INFINITY, label: '250.000 inwoners of meer' },
] as const;

export function sizeClassOf(inhabitants: number): (typeof SIZE_CLASSES)[number] {
  return SIZE_CLASSES.find((size) => inhabitants >= size.from && inhabitants < size.to) ?? SIZE_CLASSES[0];
}

/** The key figures of an area profile, in this order; an indicator without figures is left out. */
export const KEY_FIGURES = [
  'vt_meldingen',
  'vt_adviezen',
  'vt_onderzoeken',
  'vt_overdrachten_lokaal_veld',
  'vt_acuut_onveilig_pct',
  'vt_hermeldingen_pct',
  'politie_hg_incidenten',
  'thv_opgelegd',
] as const;

/** How far back trends go: the figures this many years before the chosen period and the period itself. */
export const TREND_YEARS = 7;

/** Geographical division of a series: as the figures were delivered, or on today's gemeenten. */
export const DIVISIONS = ['historisch', 'huidig'] as const;
export type Division = (typeof DIVISIONS)[number];

export const EXPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
