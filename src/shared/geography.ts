/**
 * Geography vocabulary shared by server and web app. One source of truth for the levels and their codes.
 */
export const AREA_LEVELS = ['land', 'provincie', 'veiligthuisregio', 'gemeente'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

/** Levels a gemeente belongs to through dated memberships. */
export const PARENT_LEVELS = ['provincie', 'veiligthuisregio'] as const;
export type ParentLevel = (typeof PARENT_LEVELS)[number];

/** CBS code patterns per level: codes are strings, leading zeros kept. */
export const AREA_CODE_PATTERNS: Record<AreaLevel, RegExp> = {
  land: /^NL\d{2}$/,
  provincie: /^PV\d{2}$/,
  veiligthuisregio: /^VT\d{2}$/,
  gemeente: /^GM\d{4}$/,
};

export const NETHERLANDS_CODE = 'NL01';

export function levelOfCode(code: string): AreaLevel | undefined {
  return AREA_LEVELS.find((level) => AREA_CODE_PATTERNS[level].test(code));
}

const dutchCollator = new Intl.Collator('nl-NL', { sensitivity: 'base', numeric: true });

/** Orders names as CBS lists them: "'s-Gravenhage" under G, "'t Hoge" under H. */
export function compareAreaNames(a: string, b: string): number {
  const key = (name: string) => name.replace(/^'[st][- ]/i, '');
  return dutchCollator.compare(key(a), key(b)) || dutchCollator.compare(a, b);
}

/** Columns of a merger file (herindelingen CSV), as in reference-data/herindelingen.csv. */
export const MERGER_CSV_COLUMNS = [
  'old_code',
  'old_name',
  'new_code',
  'new_name',
  'effective_date',
  'population_share',
  'new_code_is_new',
  'source',
] as const;

/** Largest merger file accepted: the national table of all mergers since 1990 is well under 1 MB. */
export const MERGER_UPLOAD_LIMIT = 5 * 1024 * 1024;
