/**
 * URL state of the case register pages (`?maat=&per=&jaar=&regio=` etc.), validated so a hand-edited or old
 * link never breaks a page: unknown values fall back to the defaults.
 */
const MEASURES = [
  'gestopt_12m',
  'veilig_3m',
  'veilig_12m',
  'hermelding_12m',
  'veiligheidsbeoordeling_tijdig',
  'een_regisseur',
] as const;
export type OutcomeMeasureCode = (typeof MEASURES)[number];
const GROUPINGS = ['interventie', 'regio', 'gemeente'] as const;
export type OutcomeGroupingCode = (typeof GROUPINGS)[number];

export type OutcomesSearch = {
  maat: OutcomeMeasureCode;
  per: OutcomeGroupingCode;
  jaar?: number;
  regio?: string;
};

const text = (value: unknown) =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
const year = (value: unknown) => {
  const parsed = Number(text(value));
  return Number.isInteger(parsed) && parsed >= 2000 && parsed <= 2100 ? parsed : undefined;
};
const code = (value: unknown, pattern: RegExp) => {
  const candidate = text(value).toUpperCase();
  return pattern.test(candidate) ? candidate : undefined;
};
const pick = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T =>
  (allowed as readonly string[]).includes(text(value)) ? (text(value) as T) : fallback;

export function parseOutcomesSearch(search: Record<string, unknown>): OutcomesSearch {
  const jaar = year(search.jaar);
  const regio = code(search.regio, /^VT\d{2}$/);
  return {
    maat: pick(search.maat, MEASURES, 'gestopt_12m'),
    per: pick(search.per, GROUPINGS, 'interventie'),
    ...(jaar !== undefined ? { jaar } : {}),
    ...(regio ? { regio } : {}),
  };
}

export type RegisterSearch = {
  gemeente?: string;
  regio?: string;
  jaar?: number;
  besluit?: string;
  interventie?: string;
  status?: 'lopend' | 'gesloten';
  huishouden?: string;
  pagina: number;
};

export function parseRegisterSearch(search: Record<string, unknown>): RegisterSearch {
  const result: RegisterSearch = { pagina: Math.max(1, Math.trunc(Number(text(search.pagina)) || 1)) };
  const gemeente = code(search.gemeente, /^GM\d{4}$/);
  const regio = code(search.regio, /^VT\d{2}$/);
  const jaar = year(search.jaar);
  if (gemeente) result.gemeente = gemeente;
  if (regio) result.regio = regio;
  if (jaar !== undefined) result.jaar = jaar;
  const besluit = text(search.besluit);
  if (['geen_vervolg', 'overdracht', 'voorwaarden_vervolg', 'onderzoek'].includes(besluit))
    result.besluit = besluit;
  const interventie = text(search.interventie);
  if (/^[a-z][a-z0-9_]{1,62}$/.test(interventie)) result.interventie = interventie;
  const status = text(search.status);
  if (status === 'lopend' || status === 'gesloten') result.status = status;
  const huishouden = text(search.huishouden).trim();
  if (/^[0-9A-Fa-f-]{4,80}$/.test(huishouden)) result.huishouden = huishouden;
  return result;
}

export type FollowUpsSearch = {
  team?: number;
  gemeente?: string;
  regio?: string;
  status?: 'open' | 'te_laat';
};

export function parseFollowUpsSearch(search: Record<string, unknown>): FollowUpsSearch {
  const result: FollowUpsSearch = {};
  const team = Number(text(search.team));
  if (Number.isInteger(team) && team > 0) result.team = team;
  const gemeente = code(search.gemeente, /^GM\d{4}$/);
  const regio = code(search.regio, /^VT\d{2}$/);
  if (gemeente) result.gemeente = gemeente;
  if (regio) result.regio = regio;
  const status = text(search.status);
  if (status === 'open' || status === 'te_laat') result.status = status;
  return result;
}
