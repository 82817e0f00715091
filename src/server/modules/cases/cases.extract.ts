/**
 * Reading a case extract: parsed CSV records (the caller runs csv-parse) into cases with their events, plus
 * every problem found, each in Dutch saying what, where and how to fix it. Pure: no I/O, no pseudonymisation
 * (that happens after this, on the supplier's identifiers this returns in memory).
 *
 * Personal data is refused before anything else: columns whose name announces it, and values in any column
 * that look like it (in known columns, a value that is not a valid code also gets the name check). Such
 * problems never repeat the value.
 *
 * Lists inside one cell (aard_geweld) are separated by `|`. A `,` is accepted too, and so is `;` when the cell
 * is quoted (a `;`-delimited file would otherwise split the cell).
 */
import {
  CASE_CSV_COLUMNS,
  CASE_EVENT_KINDS,
  type CaseCsvColumn,
  type CaseEventKind,
  CLOSURE_REASON_LABELS,
  CLOSURE_REASONS,
  type ClosureReason,
  CONDITIONS_MET,
  type ConditionsMet,
  EVENT_FIELDS,
  FOLLOW_UP_DECISION_LABELS,
  FOLLOW_UP_DECISIONS,
  type FollowUpDecision,
  MEASUREMENT_SOURCE_LABELS,
  MEASUREMENT_SOURCES,
  type MeasurementSource,
  SAFETY_ASSESSMENT_LABELS,
  SAFETY_ASSESSMENTS,
  SAFETY_STATUSES,
  type SafetyAssessment,
  type SafetyStatus,
  YES_NO_UNKNOWN,
  type YesNoUnknown,
} from '../../../shared/cases.ts';
import { editDistance } from '../figures/figures.domain.ts';
import { type CaseEvent, type ExtractCase, type IsoDate, isIsoDate } from './cases.domain.ts';
import {
  PERSONAL_DATA_LABELS,
  type PersonalDataKind,
  personalDataHeaderMessage,
  personalDataInHeader,
  personalDataInValue,
  personalDataValueMessage,
} from './cases.privacy.ts';

export type CaseImportProblem = {
  severity: 'fout' | 'waarschuwing';
  /** Row as a spreadsheet shows it (header is row 1); null for the file as a whole. */
  row: number | null;
  column: string | null;
  /** The offending text; always null for personal data, which is never repeated back. */
  value: string | null;
  message: string;
};

export type ExtractContext = {
  /** Known gemeente codes (GM0363). */
  gemeenten: ReadonlySet<string>;
  melderCodes: ReadonlySet<string>;
  violenceTypeCodes: ReadonlySet<string>;
  interventionCodes: ReadonlySet<string>;
  /** Organisations a case can be handed over to or directed by: by id, and id by name (any case). */
  teams: { byId: ReadonlyMap<number, string>; byName: ReadonlyMap<string, number> };
  /** ISO date: events after it are refused. */
  today: IsoDate;
};

/** A column refused for personal data: by its name (firstRow null) or by its values. */
export type PersonalDataColumn = {
  column: string;
  kind: PersonalDataKind;
  /** First row with such a value; null when the column name gave it away. */
  firstRow: number | null;
  /** Rows with such a value; for a column refused by name, the rows with anything in it. */
  count: number;
};

export type CaseExtractResult = {
  /** Cases without any error, events sorted by date (file order within a day). All-or-nothing is the caller's. */
  cases: ExtractCase[];
  /** At most MAX_CASE_PROBLEMS: structure and personal data first, then errors, then warnings, by row. */
  problems: CaseImportProblem[];
  /** Data rows read (blank rows skipped). */
  rows: number;
  /** All errors and warnings, also those beyond the list. */
  errors: number;
  warnings: number;
  personalData: PersonalDataColumn[];
};

export const MAX_CASE_PROBLEMS = 500;
export const REQUIRED_CASE_COLUMNS = ['casus_id', 'huishouden_id', 'gebeurtenis', 'datum'] as const;
/** A supplier's case or household identifier: no spaces, no free text. */
export const IDENTIFIER_PATTERN = /^[A-Za-z0-9._:/-]{1,64}$/;

const BASE_COLUMNS: ReadonlySet<CaseCsvColumn> = new Set(REQUIRED_CASE_COLUMNS);
const IDENTIFIER_COLUMNS: ReadonlySet<string> = new Set(['casus_id', 'huishouden_id']);

// ---------------------------------------------------------------------------------------------------------
// Small readers

/** `2024-03-01`, `01-03-2024` or `1-3-2024` as an ISO date; null when it is not a real date in these forms. */
export function parseCaseDate(text: string): IsoDate | null {
  const value = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return isIsoDate(value) ? value : null;
  const dutch = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(value);
  if (!dutch) return null;
  const iso = `${dutch[3]}-${(dutch[2] as string).padStart(2, '0')}-${(dutch[1] as string).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** The codes in a list cell: separated by `|`, `,` or `;`, trimmed, empty parts dropped. */
export function splitCodeList(text: string): string[] {
  return text
    .split(/[|,;]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

const PRIMARY_VALUES: ReadonlyMap<string, boolean> = new Map([
  ['ja', true],
  ['j', true],
  ['true', true],
  ['1', true],
  ['nee', false],
  ['n', false],
  ['false', false],
  ['0', false],
]);

function codeKey(text: string): string {
  return text
    .trim()
    .toLocaleLowerCase('nl-NL')
    .replace(/[\s-]+/g, '_');
}

/** Codes of one column, found by code (any case, spaces or dashes for underscores) or by Dutch label. */
type CodeTable = { codes: string[]; byKey: Map<string, string> };

function codeTable(codes: Iterable<string>, labels?: Readonly<Record<string, string>>): CodeTable {
  const list = [...codes];
  const byKey = new Map<string, string>();
  for (const code of list) byKey.set(codeKey(code), code);
  if (labels) for (const [code, label] of Object.entries(labels)) byKey.set(codeKey(label), code);
  return { codes: list, byKey };
}

function closest(candidates: Iterable<string>, text: string): string | undefined {
  const wanted = codeKey(text);
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const score = editDistance(codeKey(candidate), wanted);
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best !== undefined && bestScore <= Math.max(2, Math.floor(wanted.length / 3)) ? best : undefined;
}

function listCodes(codes: readonly string[], limit = 30): string {
  if (codes.length === 0) return '(nog geen codes bekend in Ketenzicht)';
  if (codes.length <= limit) return codes.join(', ');
  return `${codes.slice(0, limit).join(', ')} en nog ${codes.length - limit}`;
}

/** `GM0363`, `gm0363`, or the bare number `363`, as a GM code. */
function gemeenteCode(text: string): string {
  const upper = text.trim().toUpperCase();
  return /^\d{1,4}$/.test(upper) ? `GM${upper.padStart(4, '0')}` : upper;
}

function identifierProblem(text: string): string | null {
  if (IDENTIFIER_PATTERN.test(text)) return null;
  if (text.length > 64) return `is ${text.length} tekens lang (ten hoogste 64)`;
  if (/\s/.test(text)) return 'bevat een spatie';
  const bad = [...text].find((char) => !/[A-Za-z0-9._:/-]/.test(char));
  return `bevat het teken "${bad}"`;
}

// ---------------------------------------------------------------------------------------------------------
// Problems

class ProblemList {
  errors = 0;
  warnings = 0;
  /** Structure and personal data: always listed, first. */
  private readonly leading: CaseImportProblem[] = [];
  private readonly errorList: CaseImportProblem[] = [];
  private readonly warningList: CaseImportProblem[] = [];

  private count(problem: CaseImportProblem): void {
    if (problem.severity === 'fout') this.errors++;
    else this.warnings++;
  }

  lead(problem: CaseImportProblem): void {
    this.count(problem);
    this.leading.push(problem);
  }

  add(problem: CaseImportProblem): void {
    this.count(problem);
    const list = problem.severity === 'fout' ? this.errorList : this.warningList;
    if (list.length < MAX_CASE_PROBLEMS) list.push(problem);
  }

  list(): CaseImportProblem[] {
    const byRow = (a: CaseImportProblem, b: CaseImportProblem) => (a.row ?? 0) - (b.row ?? 0);
    return [...this.leading, ...this.errorList.sort(byRow), ...this.warningList.sort(byRow)].slice(
      0,
      MAX_CASE_PROBLEMS,
    );
  }
}

function error(
  row: number | null,
  column: string | null,
  value: string | null,
  message: string,
): CaseImportProblem {
  return { severity: 'fout', row, column, value, message };
}

// ---------------------------------------------------------------------------------------------------------
// Reading

/** What to fill in, per column, for "verplicht" messages. */
const FIELD_HINTS: Record<CaseCsvColumn, string> = {
  casus_id: 'het casusnummer van uw systeem',
  huishouden_id: 'het huishoudnummer van uw systeem',
  gebeurtenis: `een van: ${CASE_EVENT_KINDS.join(', ')}`,
  datum: 'de datum als jjjj-mm-dd, bijvoorbeeld 2024-03-01',
  gemeente: 'de CBS-code van de woongemeente, bijvoorbeeld GM0363',
  melder: 'de code van de meldercategorie',
  aard_geweld: 'een of meer codes voor de aard van het geweld, gescheiden door |',
  veiligheid: SAFETY_ASSESSMENTS.join(', '),
  besluit: FOLLOW_UP_DECISIONS.join(', '),
  team: 'het nummer of de naam van de organisatie in Ketenzicht',
  interventie: 'de code uit de interventiecatalogus',
  primair: 'ja of nee',
  bron: MEASUREMENT_SOURCES.join(', '),
  geweld: YES_NO_UNKNOWN.join(', '),
  veiligheidsstatus: SAFETY_STATUSES.join(', '),
  voorwaarden: CONDITIONS_MET.join(', '),
  reden: CLOSURE_REASONS.join(', '),
};

/** Which event kinds use a column, for "wordt genegeerd" warnings. */
const KINDS_USING = new Map<CaseCsvColumn, CaseEventKind[]>();
for (const kind of CASE_EVENT_KINDS)
  for (const column of EVENT_FIELDS[kind])
    KINDS_USING.set(column, [...(KINDS_USING.get(column) ?? []), kind]);

type ScanColumn = {
  index: number;
  /** Set for a column without a name in the header: where its first value is. */
  unnamed: { index: number; firstRow: number | null } | null;
  /** Name used in problems: the known column's name, or the header as written. */
  column: string;
  known: CaseCsvColumn | null;
  cache: Map<string, PersonalDataKind | null>;
};

type RowEvent = { row: number; order: number; event: CaseEvent };
type CaseGroup = {
  caseRef: string;
  firstRow: number;
  householdRef: string | null;
  householdRow: number;
  broken: boolean;
  events: RowEvent[];
};

/**
 * Reads an extract: `records[0]` is the header. Returns the valid cases and every problem; the caller refuses
 * the file when `errors > 0` (all-or-nothing).
 */
export function readCaseExtract(records: string[][], context: ExtractContext): CaseExtractResult {
  const problems = new ProblemList();
  const personal = new Map<string, PersonalDataColumn>();
  const cases: ExtractCase[] = [];

  const header = (records[0] ?? []).map((cell, index) =>
    (index === 0 ? cell.replace(/^\uFEFF/, '') : cell).trim(),
  );
  if (header.every((cell) => cell === '')) {
    problems.lead(
      error(
        1,
        null,
        null,
        `Het bestand heeft geen kopregel. Zet op de eerste regel de kolomnamen: ${CASE_CSV_COLUMNS.join(', ')}.`,
      ),
    );
    return {
      cases,
      problems: problems.list(),
      rows: 0,
      errors: problems.errors,
      warnings: problems.warnings,
      personalData: [],
    };
  }

  // ---- Header ----
  const knownIndex = new Map<CaseCsvColumn, number>();
  const scanColumns: ScanColumn[] = [];
  const unknownHeaders: string[] = [];
  /** Columns refused by name: their values are not scanned (the column is refused whole), only counted. */
  const refusedByName: Array<{ index: number; finding: PersonalDataColumn }> = [];
  const knownSet: ReadonlySet<string> = new Set(CASE_CSV_COLUMNS);
  const unnamed: Array<{ index: number; firstRow: number | null }> = [];

  header.forEach((name, index) => {
    const key = codeKey(name);
    if (name === '') {
      const entry = { index, firstRow: null };
      unnamed.push(entry);
      scanColumns.push({
        index,
        unnamed: entry,
        column: `kolom ${index + 1}`,
        known: null,
        cache: new Map(),
      });
      return;
    }
    if (knownSet.has(key)) {
      const column = key as CaseCsvColumn;
      if (knownIndex.has(column)) {
        problems.lead(
          error(1, column, null, `Kolom "${column}" staat twee keer in de kopregel. Laat er één van staan.`),
        );
        return;
      }
      knownIndex.set(column, index);
      scanColumns.push({ index, unnamed: null, column, known: column, cache: new Map() });
      return;
    }
    // A file without a header row has data where the names should be: a value that is itself personal data
    // is never repeated, the column is named by its position instead.
    const valueKind = personalDataInValue(name, { nameLike: true });
    if (valueKind) {
      const position = `kolom ${index + 1}`;
      refusedByName.push({ index, finding: { column: position, kind: valueKind, firstRow: 1, count: 1 } });
      problems.lead(
        error(
          1,
          position,
          null,
          `De kopregel (rij 1) bevat in ${position} geen kolomnaam maar ${PERSONAL_DATA_LABELS[valueKind].toLowerCase()}: ontbreekt de kopregel? Het casusregister neemt geen persoonsgegevens op; zet de kolomnamen (${REQUIRED_CASE_COLUMNS.join(', ')}, …) op rij 1 en haal de persoonsgegevens uit het bestand.`,
        ),
      );
      return;
    }
    const kind = personalDataInHeader(name);
    if (kind) {
      const finding: PersonalDataColumn = { column: name, kind, firstRow: null, count: 0 };
      refusedByName.push({ index, finding });
      problems.lead(error(1, name, null, personalDataHeaderMessage(kind, name)));
      return;
    }
    unknownHeaders.push(name);
    const hint = closest(CASE_CSV_COLUMNS, name);
    problems.lead(
      error(
        1,
        name,
        null,
        `Onbekende kolom "${name}".${hint ? ` Bedoelt u "${hint}"?` : ''} Het casusregister neemt alleen codes en datums op, geen vrije tekst: haal de kolom uit het bestand. Bekende kolommen: ${CASE_CSV_COLUMNS.join(', ')}.`,
      ),
    );
    scanColumns.push({ index, unnamed: null, column: name, known: null, cache: new Map() });
  });

  const missingRequired = REQUIRED_CASE_COLUMNS.filter((column) => !knownIndex.has(column));
  for (const column of missingRequired) {
    const hint = unknownHeaders.find((name) => editDistance(codeKey(name), column) <= 2);
    problems.lead(
      error(
        1,
        column,
        null,
        `Verplichte kolom "${column}" ontbreekt.${hint ? ` Is kolom "${hint}" bedoeld? Noem die dan "${column}".` : ''} Zet ${FIELD_HINTS[column]} in kolom "${column}".`,
      ),
    );
  }

  // ---- Lookups ----
  const teamsByName = new Map<string, number>();
  for (const [name, id] of context.teams.byName) teamsByName.set(name.trim().toLocaleLowerCase('nl-NL'), id);
  const resolveTeam = (text: string): number | null => {
    if (/^\d+$/.test(text)) {
      const id = Number(text);
      return context.teams.byId.has(id) ? id : null;
    }
    return teamsByName.get(text.toLocaleLowerCase('nl-NL')) ?? null;
  };
  const tables = {
    melder: codeTable(context.melderCodes),
    aard_geweld: codeTable(context.violenceTypeCodes),
    veiligheid: codeTable(SAFETY_ASSESSMENTS, SAFETY_ASSESSMENT_LABELS),
    besluit: codeTable(FOLLOW_UP_DECISIONS, FOLLOW_UP_DECISION_LABELS),
    interventie: codeTable(context.interventionCodes),
    bron: codeTable(MEASUREMENT_SOURCES, MEASUREMENT_SOURCE_LABELS),
    geweld: codeTable(YES_NO_UNKNOWN),
    veiligheidsstatus: codeTable(SAFETY_STATUSES),
    voorwaarden: codeTable(CONDITIONS_MET),
    reden: codeTable(CLOSURE_REASONS, CLOSURE_REASON_LABELS),
  } satisfies Partial<Record<CaseCsvColumn, CodeTable>>;
  const eventKinds = codeTable(CASE_EVENT_KINDS);
  const isValidValue = (column: CaseCsvColumn, text: string): boolean => {
    switch (column) {
      case 'casus_id':
      case 'huishouden_id':
        return false;
      case 'gebeurtenis':
        return eventKinds.byKey.has(codeKey(text));
      case 'datum':
        return parseCaseDate(text) !== null;
      case 'gemeente':
        return context.gemeenten.has(gemeenteCode(text));
      case 'team':
        return resolveTeam(text) !== null;
      case 'primair':
        return PRIMARY_VALUES.has(text.toLowerCase());
      case 'aard_geweld': {
        const parts = splitCodeList(text);
        return parts.length > 0 && parts.every((part) => tables.aard_geweld.byKey.has(codeKey(part)));
      }
      default:
        return tables[column].byKey.has(codeKey(text));
    }
  };

  // ---- Rows ----
  const groups = new Map<string, CaseGroup>();
  /** Columns an event kind needs but the file lacks: reported once each. */
  const missingNeeded = new Map<CaseCsvColumn, { firstRow: number; count: number; kind: CaseEventKind }>();
  let extraCells: { firstRow: number; count: number } | null = null;
  let rows = 0;
  const flagged = new Set<number>();

  for (let recordIndex = 1; recordIndex < records.length; recordIndex++) {
    const record = records[recordIndex] ?? [];
    const row = recordIndex + 1;
    if (record.every((cell) => cell.trim() === '')) continue;
    rows++;

    for (let index = header.length; index < record.length; index++) {
      if ((record[index] ?? '').trim() === '') continue;
      if (extraCells) extraCells.count++;
      else extraCells = { firstRow: row, count: 1 };
      break;
    }

    // Personal data first: every cell of every column the file has.
    flagged.clear();
    for (const scan of scanColumns) {
      const text = (record[scan.index] ?? '').trim();
      if (text === '') continue;
      if (scan.unnamed && scan.unnamed.firstRow === null) scan.unnamed.firstRow = row;
      const kind = scanValue(scan, text, isValidValue);
      if (kind === null) continue;
      flagged.add(scan.index);
      const key = `${scan.column}\u0000${kind}`;
      const finding = personal.get(key);
      if (finding) finding.count++;
      else personal.set(key, { column: scan.column, kind, firstRow: row, count: 1 });
    }
    for (const { index, finding } of refusedByName) if ((record[index] ?? '').trim() !== '') finding.count++;

    if (missingRequired.length > 0) continue;

    const text = (column: CaseCsvColumn): string => {
      const index = knownIndex.get(column);
      return index === undefined ? '' : (record[index] ?? '').trim();
    };
    const isFlagged = (column: CaseCsvColumn): boolean => {
      const index = knownIndex.get(column);
      return index !== undefined && flagged.has(index);
    };
    let rowOk = true;
    const fail = (column: CaseCsvColumn | null, value: string | null, message: string) => {
      rowOk = false;
      problems.add(error(row, column, value, message));
    };

    // Identifiers: never echoed, they may be something personal the value rules did not catch.
    const identifier = (column: 'casus_id' | 'huishouden_id'): string | null => {
      if (isFlagged(column)) {
        rowOk = false;
        return null;
      }
      const value = text(column);
      if (value === '') {
        fail(column, null, `Kolom "${column}" is leeg in rij ${row}. Vul ${FIELD_HINTS[column]} in.`);
        return null;
      }
      const wrong = identifierProblem(value);
      if (wrong) {
        fail(
          column,
          null,
          `Kolom "${column}" in rij ${row} ${wrong}. Een identificatie bestaat uit 1 tot 64 letters, cijfers en de tekens . _ : / - (geen spaties): ${FIELD_HINTS[column]}.`,
        );
        return null;
      }
      return value;
    };
    const caseRef = identifier('casus_id');
    const householdRef = identifier('huishouden_id');

    let kind: CaseEventKind | null = null;
    const kindText = text('gebeurtenis');
    if (isFlagged('gebeurtenis')) rowOk = false;
    else if (kindText === '')
      fail('gebeurtenis', null, `Gebeurtenis ontbreekt in rij ${row}. Vul ${FIELD_HINTS.gebeurtenis} in.`);
    else {
      kind = (eventKinds.byKey.get(codeKey(kindText)) as CaseEventKind | undefined) ?? null;
      if (kind === null) {
        const hint = closest(CASE_EVENT_KINDS, kindText);
        fail(
          'gebeurtenis',
          kindText,
          `Onbekende gebeurtenis "${kindText}" in rij ${row}.${hint ? ` Bedoelt u "${hint}"?` : ''} Toegestaan: ${CASE_EVENT_KINDS.join(', ')}.`,
        );
      }
    }

    let date: IsoDate | null = null;
    const dateText = text('datum');
    if (isFlagged('datum')) rowOk = false;
    else if (dateText === '')
      fail('datum', null, `Datum ontbreekt in rij ${row}. Vul ${FIELD_HINTS.datum} in.`);
    else {
      date = parseCaseDate(dateText);
      if (date === null)
        fail(
          'datum',
          dateText,
          `Geen geldige datum "${dateText}" in rij ${row}. Schrijf de datum als jjjj-mm-dd (2024-03-01) of dd-mm-jjjj (01-03-2024).`,
        );
      else if (date > context.today) {
        fail(
          'datum',
          dateText,
          `Datum ${date} in rij ${row} ligt in de toekomst (vandaag is ${context.today}). Het register neemt alleen gebeurtenissen op die al hebben plaatsgevonden.`,
        );
        date = null;
      }
    }

    let event: CaseEvent | null = null;
    if (kind !== null) {
      const needed = EVENT_FIELDS[kind];
      for (const column of needed) {
        if (!knownIndex.has(column)) {
          const missing = missingNeeded.get(column);
          if (missing) missing.count++;
          else missingNeeded.set(column, { firstRow: row, count: 1, kind });
          rowOk = false;
        } else if (text(column) === '')
          fail(
            column,
            null,
            `Bij gebeurtenis "${kind}" is kolom "${column}" verplicht, maar die is leeg in rij ${row}. Vul ${FIELD_HINTS[column]} in.`,
          );
      }
      for (const column of CASE_CSV_COLUMNS) {
        if (BASE_COLUMNS.has(column) || needed.includes(column)) continue;
        const value = text(column);
        if (value === '' || isFlagged(column)) continue;
        problems.add({
          severity: 'waarschuwing',
          row,
          column,
          value,
          message: `Kolom "${column}" wordt genegeerd bij gebeurtenis "${kind}" (rij ${row}); die kolom hoort bij ${(KINDS_USING.get(column) ?? []).join(', ')}. Laat hem leeg bij deze gebeurtenis.`,
        });
      }

      /** A filled, unflagged cell, or undefined (an empty required cell is reported above). */
      const filled = (column: CaseCsvColumn): string | undefined => {
        if (isFlagged(column)) {
          rowOk = false;
          return undefined;
        }
        const value = text(column);
        return value === '' ? undefined : value;
      };
      const code = (column: keyof typeof tables): string | undefined => {
        const value = filled(column);
        if (value === undefined) return undefined;
        const found = tables[column].byKey.get(codeKey(value));
        if (found !== undefined) return found;
        const hint = closest(tables[column].codes, value);
        fail(
          column,
          value,
          `Onbekende code "${value}" in kolom "${column}" (rij ${row}).${hint ? ` Bedoelt u "${hint}"?` : ''} Toegestaan: ${listCodes(tables[column].codes)}.${column === 'interventie' ? ' Zie de interventiecatalogus.' : ''}`,
        );
        return undefined;
      };
      const gemeente = (): string | undefined => {
        const value = filled('gemeente');
        if (value === undefined) return undefined;
        const code = gemeenteCode(value);
        if (context.gemeenten.has(code)) return code;
        fail(
          'gemeente',
          value,
          /^GM\d{4}$/.test(code)
            ? `Onbekende gemeentecode "${code}" in rij ${row}. Controleer de code in de lijst van gemeenten (/gebieden).`
            : `Geen gemeentecode: "${value}" in rij ${row}. Vul de CBS-code van de woongemeente in, bijvoorbeeld GM0363.`,
        );
        return undefined;
      };
      const violenceTypes = (): string[] | undefined => {
        const value = filled('aard_geweld');
        if (value === undefined) return undefined;
        const parts = splitCodeList(value);
        if (parts.length === 0) {
          fail(
            'aard_geweld',
            value,
            `Geen code in kolom "aard_geweld" in rij ${row}. Vul ${FIELD_HINTS.aard_geweld} in.`,
          );
          return undefined;
        }
        const found: string[] = [];
        let allKnown = true;
        for (const part of parts) {
          const known = tables.aard_geweld.byKey.get(codeKey(part));
          if (known === undefined) {
            allKnown = false;
            const hint = closest(tables.aard_geweld.codes, part);
            fail(
              'aard_geweld',
              value,
              `Onbekende aard van geweld "${part}" in rij ${row}.${hint ? ` Bedoelt u "${hint}"?` : ''} Toegestaan: ${listCodes(tables.aard_geweld.codes)}. Scheid meer codes met |.`,
            );
          } else if (!found.includes(known)) found.push(known);
        }
        return allKnown ? found : undefined;
      };
      const team = (column: 'team'): number | undefined => {
        const value = filled(column);
        if (value === undefined) return undefined;
        const id = resolveTeam(value);
        if (id !== null) return id;
        const hint = /^\d+$/.test(value) ? undefined : closest(context.teams.byId.values(), value);
        fail(
          column,
          value,
          `Onbekende organisatie "${value}" in kolom "team" (rij ${row}).${hint ? ` Bedoelt u "${hint}"?` : ''} Vul het nummer of de precieze naam van een organisatie in Ketenzicht in.`,
        );
        return undefined;
      };
      const primary = (): boolean | undefined => {
        const value = filled('primair');
        if (value === undefined) return undefined;
        const found = PRIMARY_VALUES.get(value.toLowerCase());
        if (found !== undefined) return found;
        fail('primair', value, `Kolom "primair" in rij ${row} is "${value}". Vul ja of nee in.`);
        return undefined;
      };

      switch (kind) {
        case 'melding': {
          const g = gemeente();
          const m = code('melder');
          const v = violenceTypes();
          if (date && g && m && v) event = { kind, date, gemeente: g, melder: m, violenceTypes: v };
          break;
        }
        case 'veiligheidsbeoordeling': {
          const a = code('veiligheid') as SafetyAssessment | undefined;
          if (date && a) event = { kind, date, assessment: a };
          break;
        }
        case 'besluit': {
          const d = code('besluit') as FollowUpDecision | undefined;
          if (date && d) event = { kind, date, decision: d };
          break;
        }
        case 'overdracht':
        case 'regisseur': {
          const t = team('team');
          if (date && t !== undefined) event = { kind, date, teamId: t };
          break;
        }
        case 'plan':
          if (date) event = { kind, date };
          break;
        case 'interventie_start': {
          const i = code('interventie');
          const p = primary();
          if (date && i && p !== undefined) event = { kind, date, intervention: i, primary: p };
          break;
        }
        case 'interventie_einde': {
          const i = code('interventie');
          if (date && i) event = { kind, date, intervention: i };
          break;
        }
        case 'meting': {
          const s = code('bron') as MeasurementSource | undefined;
          const v = code('geweld') as YesNoUnknown | undefined;
          const st = code('veiligheidsstatus') as SafetyStatus | undefined;
          const c = code('voorwaarden') as ConditionsMet | undefined;
          if (date && s && v && st && c)
            event = { kind, date, source: s, violence: v, safety: st, conditionsMet: c };
          break;
        }
        case 'afsluiting': {
          const r = code('reden') as ClosureReason | undefined;
          if (date && r) event = { kind, date, reason: r };
          break;
        }
      }
    }

    if (caseRef === null) continue;
    let group = groups.get(caseRef);
    if (!group) {
      group = { caseRef, firstRow: row, householdRef: null, householdRow: row, broken: false, events: [] };
      groups.set(caseRef, group);
    }
    if (householdRef !== null) {
      if (group.householdRef === null) {
        group.householdRef = householdRef;
        group.householdRow = row;
      } else if (group.householdRef !== householdRef) {
        fail(
          'huishouden_id',
          null,
          `Casus "${caseRef}" heeft in rij ${row} een ander huishouden_id dan in rij ${group.householdRow}. Een casus hoort bij één huishouden: gebruik op alle rijen van de casus hetzelfde huishouden_id.`,
        );
      }
    }
    if (!rowOk || event === null) group.broken = true;
    else group.events.push({ row, order: recordIndex, event });
  }

  // ---- File-level findings ----
  for (const finding of personal.values())
    problems.lead(
      error(
        finding.firstRow,
        finding.column,
        null,
        personalDataValueMessage({
          kind: finding.kind,
          column: finding.column,
          firstRow: finding.firstRow ?? 0,
          count: finding.count,
        }),
      ),
    );
  for (const { index, firstRow } of unnamed)
    if (firstRow !== null)
      problems.lead(
        error(
          firstRow,
          `kolom ${index + 1}`,
          null,
          `Kolom ${index + 1} heeft geen naam in de kopregel maar bevat wel waarden (eerste in rij ${firstRow}). Geef de kolom een bekende naam (${CASE_CSV_COLUMNS.join(', ')}) of haal hem uit het bestand.`,
        ),
      );
  if (extraCells)
    problems.lead(
      error(
        extraCells.firstRow,
        null,
        null,
        `Rij ${extraCells.firstRow}${extraCells.count > 1 ? ` en nog ${extraCells.count - 1} andere` : ''} ${extraCells.count > 1 ? 'hebben' : 'heeft'} meer waarden dan de kopregel kolommen heeft. Controleer het scheidingsteken en de aanhalingstekens, of geef elke kolom een naam.`,
      ),
    );
  for (const [column, missing] of missingNeeded)
    problems.lead(
      error(
        missing.firstRow,
        column,
        null,
        `Kolom "${column}" ontbreekt, maar gebeurtenis "${missing.kind}" in rij ${missing.firstRow}${missing.count > 1 ? ` (en ${missing.count - 1} andere rijen)` : ''} heeft hem nodig. Voeg de kolom toe met ${FIELD_HINTS[column]}.`,
      ),
    );

  // ---- Cases ----
  for (const group of groups.values()) {
    if (group.broken || group.householdRef === null) continue;
    const caseProblems = checkCase(group);
    for (const problem of caseProblems) problems.add(problem);
    if (caseProblems.length > 0) continue;
    cases.push({
      caseRef: group.caseRef,
      householdRef: group.householdRef,
      firstRow: group.firstRow,
      events: sortedEvents(group.events).map((entry) => entry.event),
    });
  }

  const personalData: PersonalDataColumn[] = [
    ...refusedByName.map((entry) => entry.finding),
    ...personal.values(),
  ];
  return {
    cases,
    problems: problems.list(),
    rows,
    errors: problems.errors,
    warnings: problems.warnings,
    personalData,
  };
}

/**
 * Personal data in one cell. A cell holding a valid value for its column (a known code, date or organisation) is
 * not personal data. Otherwise known columns also get the name check, since they should hold an identifier or
 * a code; unknown columns do not (they are refused anyway, and "names" would often be a wrong reason).
 */
function scanValue(
  scan: ScanColumn,
  text: string,
  isValidValue: (column: CaseCsvColumn, text: string) => boolean,
): PersonalDataKind | null {
  if (scan.known !== null && IDENTIFIER_COLUMNS.has(scan.known))
    return personalDataInValue(text, { nameLike: true });
  // Codes repeat across rows: remember (a bounded number of) answers.
  const cached = scan.cache.get(text);
  if (cached !== undefined) return cached;
  let kind: PersonalDataKind | null;
  if (scan.known === null) kind = personalDataInValue(text);
  else kind = isValidValue(scan.known, text) ? null : personalDataInValue(text, { nameLike: true });
  if (scan.cache.size >= 10_000) scan.cache.clear();
  scan.cache.set(text, kind);
  return kind;
}

function sortedEvents(events: readonly RowEvent[]): RowEvent[] {
  return [...events].sort((a, b) =>
    a.event.date < b.event.date ? -1 : a.event.date > b.event.date ? 1 : a.order - b.order,
  );
}

/** The rules that span the rows of one case. */
function checkCase(group: CaseGroup): CaseImportProblem[] {
  const found: CaseImportProblem[] = [];
  const name = `Casus "${group.caseRef}"`;
  const events = sortedEvents(group.events);

  const meldingen = events.filter((entry) => entry.event.kind === 'melding');
  if (meldingen.length === 0)
    found.push(
      error(
        group.firstRow,
        'gebeurtenis',
        null,
        `${name} (rij ${group.firstRow}) heeft geen melding. Elke casus heeft precies één gebeurtenis "melding" (met gemeente, melder en aard_geweld).`,
      ),
    );
  const firstMelding = meldingen[0];
  for (const extra of meldingen.slice(1))
    found.push(
      error(
        extra.row,
        'gebeurtenis',
        'melding',
        `${name} heeft meer dan één melding (rij ${firstMelding?.row} en rij ${extra.row}). Een nieuwe melding voor hetzelfde huishouden is een nieuwe casus: geef die een eigen casus_id met hetzelfde huishouden_id, dan koppelt Ketenzicht ze als herhaalde melding.`,
      ),
    );
  if (firstMelding && meldingen.length === 1)
    for (const entry of events)
      if (entry.event.date < firstMelding.event.date)
        found.push(
          error(
            entry.row,
            'datum',
            entry.event.date,
            `${name}: gebeurtenis "${entry.event.kind}" in rij ${entry.row} (${entry.event.date}) ligt vóór de melding (${firstMelding.event.date}, rij ${firstMelding.row}). Controleer de datum.`,
          ),
        );

  // Each end needs a start of the same intervention on or before its date.
  const starts = events.filter(
    (entry): entry is RowEvent & { event: Extract<CaseEvent, { kind: 'interventie_start' }> } =>
      entry.event.kind === 'interventie_start',
  );
  const used = new Set<RowEvent>();
  for (const entry of events) {
    if (entry.event.kind !== 'interventie_einde') continue;
    const end = entry.event;
    const start = starts.find(
      (candidate) =>
        !used.has(candidate) &&
        candidate.event.intervention === end.intervention &&
        candidate.event.date <= end.date,
    );
    if (start) used.add(start);
    else
      found.push(
        error(
          entry.row,
          'interventie',
          end.intervention,
          `${name}: interventie "${end.intervention}" eindigt in rij ${entry.row} (${end.date}) zonder eerdere start. Voeg een gebeurtenis "interventie_start" van dezelfde interventie toe, op of vóór ${end.date}.`,
        ),
      );
  }

  const primaries: RowEvent[] = [];
  for (const entry of starts)
    if (
      entry.event.primary &&
      !primaries.some(
        (other) => (other.event as typeof entry.event).intervention === entry.event.intervention,
      )
    )
      primaries.push(entry);
  const firstPrimary = primaries[0];
  for (const extra of primaries.slice(1))
    found.push(
      error(
        extra.row,
        'primair',
        'ja',
        `${name} heeft meer dan één primaire interventie (rij ${firstPrimary?.row} en rij ${extra.row}). Markeer er één als primair (ja) en de andere als niet-primair (nee).`,
      ),
    );

  const closures = events.filter((entry) => entry.event.kind === 'afsluiting');
  const closure = closures[0];
  for (const extra of closures.slice(1))
    found.push(
      error(
        extra.row,
        'gebeurtenis',
        'afsluiting',
        `${name} is meer dan één keer afgesloten (rij ${closure?.row} en rij ${extra.row}). Laat één afsluiting staan; komt er een nieuwe melding, begin dan een nieuwe casus.`,
      ),
    );
  if (closure)
    for (const entry of events)
      if (
        entry.event.date > closure.event.date &&
        entry.event.kind !== 'meting' &&
        entry.event.kind !== 'afsluiting'
      )
        found.push(
          error(
            entry.row,
            'gebeurtenis',
            entry.event.kind,
            `${name}: gebeurtenis "${entry.event.kind}" in rij ${entry.row} (${entry.event.date}) ligt na de afsluiting (${closure.event.date}, rij ${closure.row}). Na de afsluiting komen alleen nog vervolgmetingen; begin anders een nieuwe casus.`,
          ),
        );
  return found;
}
