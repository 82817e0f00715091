/**
 * Reading import files into raw rows, one row at a time so memory does not grow with the file: Ketenzicht's long
 * CSV, the CBS StatLine CSV download, CBS OData TypedDataSet JSON, and XLSX (long, or wide with periods as
 * columns). Readers only find cells and name them; validation is `validateObservation`.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import { IMPORT_FORMATS, type ImportFormat, LONG_CSV_COLUMNS } from '../../../shared/figures.ts';
import { parsePeriodLabel } from '../../../shared/periods.ts';
import { UserError } from '../../errors.ts';
import { decodeTextUpload, decodeWindows1252, type TextEncoding, UploadError } from '../../http/uploads.ts';
import { normalizeForSearch } from '../geography/geography.domain.ts';
import type { Cell, DecimalStyle, ImportProblem, RawObservation } from './figures.domain.ts';

/** Roles a column can play; the user can name the column for each (the confirmed mapping). */
export const COLUMN_ROLES = ['indicator', 'area', 'period', 'value', 'status'] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

export type ColumnMapping = {
  /** XLSX: long (one figure per row) or wide (areas as rows, periods as columns). Detected when left out. */
  layout?: 'long' | 'wide';
  /** Wide layout without an indicator column: the indicator every value belongs to. */
  indicator?: string;
  /** Role → the header text of the column in the file, when it differs from the standard names. */
  columns?: Partial<Record<ColumnRole, string>>;
};

/** A file refused as a whole (unreadable, unknown layout): no row was considered. */
export class ImportFileError extends UserError {
  readonly problems: ImportProblem[];
  /** What the reader found before it gave up (headers, detected layout), so the user can choose a mapping. */
  readonly findings: ReaderFindings | null;
  constructor(message: string, problems: ImportProblem[] = [], findings: ReaderFindings | null = null) {
    super(message);
    this.problems = problems;
    this.findings = findings;
  }
}

export type FileFacts = {
  size: number;
  sha256: string;
  format: ImportFormat;
  /** Text formats only. */
  encoding: TextEncoding | null;
  delimiter: string | null;
};

const ZIP = [0x50, 0x4b, 0x03, 0x04];

/**
 * One pass over the file on disk: size, SHA-256, and for text whether it is valid UTF-8 (else Windows-1252).
 * The format is detected from the content unless the user chose it.
 */
export async function inspectFile(
  path: string,
  fileName: string,
  requested?: ImportFormat,
): Promise<FileFacts> {
  const hash = createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  let utf8 = true;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for await (const chunk of createReadStream(path)) {
    const bytes = chunk as Buffer;
    hash.update(bytes);
    size += bytes.length;
    if (head.length < 65_536) head = Buffer.concat([head, bytes.subarray(0, 65_536 - head.length)]);
    if (utf8 && !ZIP.every((byte, index) => head[index] === byte)) {
      try {
        decoder.decode(bytes, { stream: true });
      } catch {
        utf8 = false;
      }
    }
  }
  if (utf8) {
    try {
      decoder.decode();
    } catch {
      utf8 = false;
    }
  }
  const sha256 = hash.digest('hex');
  if (size === 0) throw new ImportFileError(`${fileName} is leeg. Kies een bestand met cijfers.`);
  if (ZIP.every((byte, index) => head[index] === byte)) {
    if (requested && requested !== 'xlsx')
      throw new ImportFileError(
        `${fileName} is een Excel- of zipbestand, geen ${requested}. Kies formaat xlsx.`,
      );
    return { size, sha256, format: 'xlsx', encoding: null, delimiter: null };
  }
  try {
    // Refuses PDFs, programs, images, UTF-16 and other binary files with a message that says what they are.
    decodeTextUpload(head.subarray(0, 8192), fileName);
  } catch (error) {
    if (error instanceof UploadError) throw new ImportFileError(error.message);
    throw error;
  }
  const hasBom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  const encoding: TextEncoding = utf8 ? (hasBom ? 'utf-8 met BOM' : 'utf-8') : 'windows-1252';
  const text = (utf8 ? head.toString('utf8') : decodeWindows1252(head)).replace(/^\uFEFF/, '').trimStart();
  if (requested === 'cbs-json' || (!requested && (text.startsWith('{') || text.startsWith('[')))) {
    return { size, sha256, format: 'cbs-json', encoding, delimiter: null };
  }
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = detectDelimiter(firstLine);
  const headers = splitHeader(firstLine, delimiter).map(normalizeHeader);
  let format: ImportFormat;
  if (requested) format = requested;
  else if (headers.some((header) => ['regios', "regio's"].includes(header))) format = 'cbs-csv';
  else format = 'ketenzicht-csv';
  if (format === 'xlsx')
    throw new ImportFileError(`${fileName} is geen Excel-bestand. Kies formaat ketenzicht-csv.`);
  return { size, sha256, format, encoding, delimiter };
}

/** The separator that splits the header best: `;` (Dutch Excel), `,` or tab. Quoted parts do not count. */
export function detectDelimiter(headerLine: string): string {
  const outsideQuotes = headerLine.replace(/"[^"]*"/g, '');
  const counts = [';', ',', '\t'].map((candidate) => ({
    candidate,
    count: outsideQuotes.split(candidate).length - 1,
  }));
  counts.sort((a, b) => b.count - a.count);
  return counts[0]?.count ? (counts[0].candidate as string) : ';';
}

function splitHeader(line: string, delimiter: string): string[] {
  return line.split(delimiter).map((part) => part.trim().replace(/^"|"$/g, ''));
}

function normalizeHeader(header: string): string {
  return header
    .trim()
    .replace(/^\uFEFF/, '')
    .toLowerCase();
}

/** Decimal style of a CSV: a `;`-separated file is Dutch (comma decimals); a `,`-separated one uses dots. */
export function decimalStyleOf(format: ImportFormat, delimiter: string | null): DecimalStyle {
  if (format === 'cbs-csv' || format === 'cbs-json') return 'plain';
  if (format === 'xlsx') return 'comma';
  return delimiter === ',' ? 'dot' : 'comma';
}

function decodedText(path: string, encoding: TextEncoding | null): NodeJS.ReadableStream {
  const source = createReadStream(path);
  if (encoding !== 'windows-1252') return source.pipe(new TextDecoderTransform());
  return source.pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        callback(null, decodeWindows1252(chunk));
      },
    }),
  );
}

class TextDecoderTransform extends Transform {
  readonly #decoder = new TextDecoder('utf-8');
  override _transform(
    chunk: Buffer,
    _encoding: BufferEncoding,
    callback: (error?: Error | null, data?: string) => void,
  ) {
    callback(null, this.#decoder.decode(chunk, { stream: true }));
  }
  override _flush(callback: (error?: Error | null, data?: string) => void) {
    callback(null, this.#decoder.decode());
  }
}

async function* csvRecords(
  path: string,
  facts: FileFacts,
  fileName: string,
): AsyncGenerator<{ line: number; cells: string[] }> {
  const parser = decodedText(path, facts.encoding).pipe(
    parseCsv({
      delimiter: facts.delimiter ?? ';',
      bom: true,
      // Empty lines are kept (and skipped by the readers) so the record number is the row number: cheaper than
      // csv-parse's per-record info objects, and exact unless a quoted cell spans lines.
      skip_empty_lines: false,
      relax_column_count: true,
    }),
  );
  try {
    let line = 0;
    for await (const record of parser as AsyncIterable<string[]>) {
      line++;
      yield { line, cells: record };
    }
  } catch (error) {
    const message = (error as Error).message;
    throw new ImportFileError(
      `${fileName} is geen geldig CSV-bestand: ${message}. Controleer de aanhalingstekens en het scheidingsteken.`,
    );
  }
}

export type ReaderContext = {
  fileName: string;
  facts: FileFacts;
  mapping: ColumnMapping;
  /** Breakdown dimension codes; a column named after one carries that breakdown. */
  dimensionCodes: ReadonlySet<string>;
  /** Area code for a name as CBS labels it ("Amsterdam", "Nederland", "Groningen (PV)"). */
  areaCodeForName(name: string): string | undefined;
  cbsTables: readonly CbsTable[];
};

/** What a reader found out about the file besides its rows: shown in the report for the user to confirm. */
export type ReaderFindings = {
  headers: string[];
  mapping: ColumnMapping;
  /** CBS formats: which table the columns matched. */
  cbsTable?: string;
  /** Cells with "." or no value in CBS files: unknown or secret, so not a figure. */
  skipped: number;
};

export type RowSource = { findings: ReaderFindings; rows: AsyncGenerator<RawObservation> };

export async function openRowSource(path: string, context: ReaderContext): Promise<RowSource> {
  switch (context.facts.format) {
    case 'ketenzicht-csv':
      return openLongCsv(path, context);
    case 'cbs-csv':
      return openCbsCsv(path, context);
    case 'cbs-json':
      return openCbsJson(path, context);
    case 'xlsx':
      return openXlsx(path, context);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Long format (CSV and XLSX)

type HeaderPlan = {
  roles: Partial<Record<ColumnRole, number>>;
  breakdowns: Array<{ dimension: string; index: number }>;
  mapping: ColumnMapping;
};

const DEFAULT_HEADERS: Record<ColumnRole, string[]> = {
  indicator: [LONG_CSV_COLUMNS.indicator, 'indicatorcode'],
  area: [LONG_CSV_COLUMNS.area, 'gebiedscode', 'regio', 'regiocode', 'gemeentecode'],
  period: [LONG_CSV_COLUMNS.period, 'perioden', 'periodecode'],
  value: [LONG_CSV_COLUMNS.value],
  status: [LONG_CSV_COLUMNS.status],
};

function planLongHeader(
  headers: string[],
  context: ReaderContext,
  required: ColumnRole[],
  layout?: 'long',
): HeaderPlan {
  const normalized = headers.map(normalizeHeader);
  const roles: Partial<Record<ColumnRole, number>> = {};
  const columns: Partial<Record<ColumnRole, string>> = {};
  const problems: ImportProblem[] = [];
  for (const role of COLUMN_ROLES) {
    const chosen = context.mapping.columns?.[role];
    const index = chosen
      ? normalized.indexOf(normalizeHeader(chosen))
      : normalized.findIndex((header) => DEFAULT_HEADERS[role].includes(header));
    if (chosen && index < 0)
      problems.push(headerProblem(chosen, `De gekozen kolom "${chosen}" staat niet in de kopregel.`));
    if (index >= 0) {
      roles[role] = index;
      columns[role] = headers[index] as string;
    }
  }
  for (const role of required) {
    if (roles[role] === undefined && !context.mapping.columns?.[role])
      problems.push(
        headerProblem(
          null,
          `Kolom "${DEFAULT_HEADERS[role][0]}" ontbreekt in de kopregel. Voeg die toe of wijs een kolom toe als ${ROLE_LABELS[role]}.`,
        ),
      );
  }
  const used = new Set(Object.values(roles));
  const breakdowns: Array<{ dimension: string; index: number }> = [];
  normalized.forEach((header, index) => {
    if (used.has(index) || header === '') return;
    if (context.dimensionCodes.has(header)) breakdowns.push({ dimension: header, index });
    else
      problems.push(
        headerProblem(
          headers[index] ?? header,
          `Onbekende kolom "${headers[index]}". Toegestaan zijn ${Object.values(LONG_CSV_COLUMNS).join(', ')} en de uitsplitsingen ${[...context.dimensionCodes].join(', ')}.`,
        ),
      );
  });
  const mapping: ColumnMapping = { ...context.mapping, ...(layout ? { layout } : {}), columns };
  if (problems.length > 0)
    throw new ImportFileError(`${context.fileName}: de kopregel klopt niet.`, problems, {
      headers,
      mapping,
      skipped: 0,
    });
  return { roles, breakdowns, mapping };
}

const ROLE_LABELS: Record<ColumnRole, string> = {
  indicator: 'indicator',
  area: 'gebied',
  period: 'periode',
  value: 'waarde',
  status: 'status',
};

function headerProblem(column: string | null, message: string): ImportProblem {
  return { severity: 'fout', row: 1, column, value: null, message };
}

function cellAt(headers: string[], cells: readonly string[], index: number | undefined): Cell {
  if (index === undefined) return { column: '', text: '' };
  return { column: headers[index] ?? '', text: cells[index] ?? '' };
}

function longRow(
  headers: string[],
  plan: HeaderPlan,
  row: number,
  cells: readonly string[],
  typed?: ReadonlyMap<number, number>,
): RawObservation {
  const valueIndex = plan.roles.value as number;
  const value: Cell & { number?: number } = cellAt(headers, cells, valueIndex);
  const typedValue = typed?.get(valueIndex);
  if (typedValue !== undefined) value.number = typedValue;
  return {
    row,
    indicator: cellAt(headers, cells, plan.roles.indicator),
    area: cellAt(headers, cells, plan.roles.area),
    period: cellAt(headers, cells, plan.roles.period),
    value,
    status: plan.roles.status === undefined ? null : cellAt(headers, cells, plan.roles.status),
    breakdown: plan.breakdowns.map(({ dimension, index }) => ({
      dimension,
      cell: cellAt(headers, cells, index),
    })),
  };
}

async function openLongCsv(path: string, context: ReaderContext): Promise<RowSource> {
  const records = csvRecords(path, context.facts, context.fileName);
  const first = await records.next();
  if (first.done) throw new ImportFileError(`${context.fileName} is leeg. Kies een bestand met cijfers.`);
  const headers = first.value.cells.map((cell) => cell.trim().replace(/^\uFEFF/, ''));
  const plan = planLongHeader(headers, context, ['indicator', 'area', 'period', 'value']);
  const findings: ReaderFindings = { headers, mapping: plan.mapping, skipped: 0 };
  async function* rows(): AsyncGenerator<RawObservation> {
    for await (const { line, cells } of records) {
      if (cells.every((cell) => cell.trim() === '')) continue;
      yield longRow(headers, plan, line, cells);
    }
  }
  return { findings, rows: rows() };
}

// ---------------------------------------------------------------------------------------------------------
// CBS StatLine CSV and OData JSON

export type CbsCondition = {
  dimensionKey: string | null;
  dimensionLabel: string;
  valueKey: string | null;
  valueLabel: string;
};

/** One CBS column (optionally restricted to rows with given dimension values) that carries an indicator. */
export type CbsMeasure = {
  key: string | null;
  /** CBS keys end in the column position (`OntvangenMeldingen_2`); the prefix matches any position. */
  keyPrefix?: string | null;
  label: string;
  indicator: string;
  where?: CbsCondition[];
  breakdown?: Record<string, string>;
};

export type CbsTable = {
  id: string;
  title: string;
  areaKey: string;
  areaLabel?: string;
  periodKey: string;
  periodLabel?: string;
  measures: CbsMeasure[];
  /** CBS dimensions that carry a Ketenzicht breakdown: each CBS label → a value code, or null for the total. */
  dimensions?: Array<{
    key: string | null;
    label: string;
    breakdown: string;
    values: Array<{ label: string; value: string | null }>;
  }>;
};

/** CBS marks unknown, unreliable and secret cells with "." (older tables: "x"), some are empty: skipped. */
function isCbsUnknown(text: string): boolean {
  const trimmed = text.trim();
  return trimmed === '' || trimmed === '.' || trimmed === 'x';
}

type MeasurePlan = {
  index: number;
  indicator: string;
  label: string;
  where: Array<{ index: number; values: string[] }>;
  breakdown: Array<{ dimension: string; cell: Cell }>;
};

type DimensionPlan = { index: number; breakdown: string; values: Map<string, string | null> };
type CbsPlan = {
  table: CbsTable;
  measures: MeasurePlan[];
  dimensions: DimensionPlan[];
  areaIndex: number;
  periodIndex: number;
};

function findCbsColumn(normalized: string[], measure: CbsMeasure): number {
  const key = measure.key ? normalizeForSearch(measure.key) : null;
  const prefix = measure.keyPrefix ? new RegExp(`^${normalizeForSearch(measure.keyPrefix)}_\\d+$`) : null;
  const label = normalizeForSearch(measure.label);
  return normalized.findIndex((header) => header === key || header === label || prefix?.test(header));
}

function matchCbsTable(headers: string[], tables: readonly CbsTable[], fileName: string): CbsPlan {
  const normalized = headers.map((header) => normalizeForSearch(header));
  let best: { table: CbsTable; measures: MeasurePlan[]; dimensions: DimensionPlan[]; score: number } | null =
    null;
  for (const table of tables) {
    const measures: MeasurePlan[] = [];
    for (const measure of table.measures) {
      const index = findCbsColumn(normalized, measure);
      if (index < 0) continue;
      const where = (measure.where ?? []).map((condition) => ({
        index: normalized.findIndex(
          (header) =>
            header === normalizeForSearch(condition.dimensionLabel) ||
            (condition.dimensionKey !== null && header === normalizeForSearch(condition.dimensionKey)),
        ),
        values: [condition.valueKey, condition.valueLabel]
          .filter((value): value is string => value !== null)
          .map((value) => normalizeForSearch(value)),
      }));
      // A measure that needs a dimension the download lacks does not apply to this file.
      if (where.some((condition) => condition.index < 0)) continue;
      const label = headers[index] as string;
      measures.push({
        index,
        indicator: measure.indicator,
        label,
        where,
        breakdown: Object.entries(measure.breakdown ?? {}).map(([dimension, value]) => ({
          dimension,
          cell: { column: label, text: value },
        })),
      });
    }
    const dimensions: DimensionPlan[] = (table.dimensions ?? [])
      .map((dimension) => ({
        index: normalized.findIndex(
          (header) =>
            header === normalizeForSearch(dimension.label) ||
            (dimension.key !== null && header === normalizeForSearch(dimension.key)),
        ),
        breakdown: dimension.breakdown,
        values: new Map(dimension.values.map((value) => [normalizeForSearch(value.label), value.value])),
      }))
      .filter((dimension) => dimension.index >= 0);
    // A table whose breakdown columns are in the file beats one with the same measures but no breakdowns.
    const score = measures.length + 100 * dimensions.length;
    if (measures.length > 0 && (!best || score > best.score)) best = { table, measures, dimensions, score };
  }
  if (!best)
    throw new ImportFileError(
      `${fileName}: geen van de kolommen hoort bij een CBS-tabel die Ketenzicht kent (${tables.map((table) => table.id).join(', ')}). Download de tabel opnieuw van StatLine, of zet de cijfers in het Ketenzicht-CSV-formaat.`,
    );
  const table = best.table;
  const areaNames = [table.areaKey, table.areaLabel ?? "Regio's", 'regios'].map((name) =>
    normalizeForSearch(name),
  );
  const periodNames = [table.periodKey, table.periodLabel ?? 'Perioden'].map((name) =>
    normalizeForSearch(name),
  );
  const areaIndex = normalized.findIndex((header) => areaNames.includes(header));
  const periodIndex = normalized.findIndex((header) => periodNames.includes(header));
  if (areaIndex < 0 || periodIndex < 0)
    throw new ImportFileError(
      `${fileName}: de kolommen "${table.areaLabel ?? "Regio's"}" en "${table.periodLabel ?? 'Perioden'}" zijn nodig. Kies bij het downloaden op StatLine regio's en perioden als rijen.`,
    );
  return { ...best, areaIndex, periodIndex };
}

const AREA_SUFFIX = /\s*\((gemeente|pv|vt|cr|ld)\)$/i;

/** CBS area cells hold a padded code ("GM0363  ") or a label ("Amsterdam", "Groningen (PV)"); labels are looked up. */
function cbsAreaCell(cell: Cell, context: ReaderContext): Cell {
  const text = cell.text.trim();
  if (/^(GM|PV|VT|NL|LD)\d+$/i.test(text)) return { column: cell.column, text };
  return { column: cell.column, text: context.areaCodeForName(text) ?? text };
}

/** Splits a CBS area label into a name and the level its suffix names: "Groningen (PV)" → provincie. */
export function splitAreaLabel(label: string): { name: string; level: string | null } {
  const match = AREA_SUFFIX.exec(label.trim());
  const level = match
    ? (({ gemeente: 'gemeente', pv: 'provincie', vt: 'veiligthuisregio' } as Record<string, string>)[
        (match[1] as string).toLowerCase()
      ] ?? null)
    : null;
  return { name: label.trim().replace(AREA_SUFFIX, ''), level };
}

function* cbsRowFigures(
  row: number,
  headers: string[],
  plan: CbsPlan,
  cells: ReadonlyArray<string | number | null>,
  context: ReaderContext,
  findings: ReaderFindings,
): Generator<RawObservation> {
  const area = cbsAreaCell(
    { column: headers[plan.areaIndex] ?? '', text: String(cells[plan.areaIndex] ?? '') },
    context,
  );
  const periodText = String(cells[plan.periodIndex] ?? '').trim();
  const period: Cell = { column: headers[plan.periodIndex] ?? '', text: periodText };
  const rowBreakdown: Array<{ dimension: string; cell: Cell }> = [];
  for (const dimension of plan.dimensions) {
    const label = String(cells[dimension.index] ?? '');
    const value = dimension.values.get(normalizeForSearch(label));
    // A CBS category Ketenzicht has no code for (a sub-category) is not taken over.
    if (value === undefined) {
      findings.skipped += plan.measures.length;
      return;
    }
    if (value !== null)
      rowBreakdown.push({
        dimension: dimension.breakdown,
        cell: { column: headers[dimension.index] ?? '', text: value },
      });
  }
  for (const measure of plan.measures) {
    const applies = measure.where.every((condition) =>
      condition.values.includes(normalizeForSearch(String(cells[condition.index] ?? ''))),
    );
    if (!applies) continue;
    const raw = cells[measure.index];
    if (raw === null || raw === undefined || (typeof raw === 'string' && isCbsUnknown(raw))) {
      findings.skipped++;
      continue;
    }
    // In the CBS legend "-" is nihil: zero, not unknown.
    const nihil = typeof raw === 'string' && raw.trim() === '-';
    yield {
      row,
      indicator: { column: measure.label, text: measure.indicator },
      area,
      period,
      value:
        typeof raw === 'number' || nihil
          ? { column: measure.label, text: String(raw), number: nihil ? 0 : (raw as number) }
          : { column: measure.label, text: raw },
      status: null,
      breakdown: [...measure.breakdown, ...rowBreakdown],
    };
  }
}

async function openCbsCsv(path: string, context: ReaderContext): Promise<RowSource> {
  const records = csvRecords(path, context.facts, context.fileName);
  const first = await records.next();
  if (first.done) throw new ImportFileError(`${context.fileName} is leeg.`);
  const headers = first.value.cells.map((cell) => cell.trim().replace(/^\uFEFF/, ''));
  const plan = matchCbsTable(headers, context.cbsTables, context.fileName);
  const findings: ReaderFindings = { headers, mapping: {}, cbsTable: plan.table.id, skipped: 0 };
  async function* rows(): AsyncGenerator<RawObservation> {
    for await (const { line, cells } of records) {
      if (cells.every((cell) => cell.trim() === '')) continue;
      yield* cbsRowFigures(line, headers, plan, cells, context, findings);
    }
  }
  return { findings, rows: rows() };
}

/** OData JSON files of one CBS table are small (a few MB); read whole, within the upload limit. */
async function openCbsJson(path: string, context: ReaderContext): Promise<RowSource> {
  const size = (await stat(path)).size;
  if (size > 100 * 1024 * 1024)
    throw new ImportFileError(`${context.fileName} is groter dan 100 MB; download de tabel per jaar.`);
  const bytes = await readFile(path);
  const text = context.facts.encoding === 'windows-1252' ? decodeWindows1252(bytes) : bytes.toString('utf8');
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ImportFileError(`${context.fileName} is geen geldige JSON: ${(error as Error).message}.`);
  }
  const values = Array.isArray(document)
    ? document
    : typeof document === 'object' &&
        document !== null &&
        Array.isArray((document as { value?: unknown }).value)
      ? (document as { value: unknown[] }).value
      : null;
  if (!values || values.length === 0 || typeof values[0] !== 'object' || values[0] === null)
    throw new ImportFileError(
      `${context.fileName} is geen CBS OData-antwoord: verwacht {"value": [ … ]} zoals /TypedDataSet dat geeft.`,
    );
  const headers = Object.keys(values[0] as object);
  const plan = matchCbsTable(headers, context.cbsTables, context.fileName);
  const findings: ReaderFindings = { headers, mapping: {}, cbsTable: plan.table.id, skipped: 0 };
  async function* rows(): AsyncGenerator<RawObservation> {
    let index = 0;
    for (const entry of values as Array<Record<string, string | number | null>>) {
      index++;
      const cells = headers.map((header) => entry[header] ?? null);
      yield* cbsRowFigures(index, headers, plan, cells, context, findings);
    }
  }
  return { findings, rows: rows() };
}

// ---------------------------------------------------------------------------------------------------------
// XLSX

type SheetCell = string | number | null;

function sheetCellValue(value: unknown): SheetCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const object = value as {
      result?: unknown;
      richText?: Array<{ text: string }>;
      text?: string;
      error?: string;
    };
    if ('result' in object) return sheetCellValue(object.result);
    if (object.richText) return object.richText.map((part) => part.text).join('');
    if (typeof object.text === 'string') return object.text;
    if (object.error) return object.error;
  }
  return String(value);
}

/** Column letters as Excel shows them: 1 → A, 28 → AB. */
export function columnLetter(index: number): string {
  let letters = '';
  let rest = index;
  while (rest > 0) {
    const remainder = (rest - 1) % 26;
    letters = String.fromCharCode(65 + remainder) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}

/** Uncompressed size an XLSX may claim in all; a real workbook of a million figures is well below it. */
export const XLSX_MAX_UNCOMPRESSED = 1024 * 1024 * 1024;
/** Compression ratio above which a large part is treated as a zip bomb rather than a spreadsheet. */
const XLSX_MAX_RATIO = 200;

/**
 * Reads the zip's central directory (no decompression) and refuses archives that claim to unpack to more than
 * XLSX_MAX_UNCOMPRESSED, or parts compressed beyond any spreadsheet's ratio: the signs of a zip bomb.
 */
export async function checkZipSizes(path: string, fileName: string): Promise<void> {
  const { open } = await import('node:fs/promises');
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    const end = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (end < 0)
      throw new ImportFileError(`${fileName} is geen geldig Excel-bestand (de inhoudsopgave ontbreekt).`);
    const entries = tail.readUInt16LE(end + 10);
    const directorySize = tail.readUInt32LE(end + 12);
    const directoryOffset = tail.readUInt32LE(end + 16);
    if (directoryOffset + directorySize > size)
      throw new ImportFileError(`${fileName} is geen geldig Excel-bestand (de inhoudsopgave klopt niet).`);
    const directory = Buffer.alloc(directorySize);
    await handle.read(directory, 0, directorySize, directoryOffset);
    let offset = 0;
    let total = 0;
    for (let entry = 0; entry < entries && offset + 46 <= directory.length; entry++) {
      if (directory.readUInt32LE(offset) !== 0x02014b50) break;
      const compressed = directory.readUInt32LE(offset + 20);
      const uncompressed = directory.readUInt32LE(offset + 24);
      const nameLength = directory.readUInt16LE(offset + 28);
      const extraLength = directory.readUInt16LE(offset + 30);
      const commentLength = directory.readUInt16LE(offset + 32);
      // 0xFFFFFFFF means ZIP64: over 4 GB unpacked, far beyond any workbook Ketenzicht reads.
      total += uncompressed === 0xffffffff ? Number.POSITIVE_INFINITY : uncompressed;
      const ratio = uncompressed / Math.max(compressed, 1);
      if (total > XLSX_MAX_UNCOMPRESSED || (uncompressed > 10 * 1024 * 1024 && ratio > XLSX_MAX_RATIO))
        throw new ImportFileError(
          `${fileName} pakt uit tot meer dan een normaal werkblad (${Math.round(total / 1024 / 1024)} MB of sterker ingepakt dan ${XLSX_MAX_RATIO}:1) en wordt niet gelezen. Sla de cijfers op als CSV, of splits het bestand.`,
        );
      offset += 46 + nameLength + extraLength + commentLength;
    }
  } finally {
    await handle.close();
  }
}

async function openXlsx(path: string, context: ReaderContext): Promise<RowSource> {
  await checkZipSizes(path, context.fileName);
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  const sheets = workbook[Symbol.asyncIterator]();
  let sheetRows: AsyncIterator<{ number: number; values: unknown }>;
  try {
    const sheet = await sheets.next();
    if (sheet.done) throw new ImportFileError(`${context.fileName} bevat geen werkblad.`);
    sheetRows = (sheet.value as unknown as AsyncIterable<{ number: number; values: unknown }>)[
      Symbol.asyncIterator
    ]();
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError(
      `${context.fileName} is geen leesbaar Excel-bestand (${(error as Error).message}). Sla het opnieuw op als .xlsx.`,
    );
  }
  const readRow = async (): Promise<{ number: number; cells: SheetCell[] } | null> => {
    try {
      for (;;) {
        const next = await sheetRows.next();
        if (next.done) return null;
        const values = (next.value.values as unknown[]).slice(1).map(sheetCellValue);
        if (values.every((value) => value === null || String(value).trim() === '')) continue;
        return { number: next.value.number, cells: values };
      }
    } catch (error) {
      throw new ImportFileError(
        `${context.fileName} is geen leesbaar Excel-bestand (${(error as Error).message}).`,
      );
    }
  };
  const headerRow = await readRow();
  if (!headerRow) throw new ImportFileError(`${context.fileName}: het eerste werkblad is leeg.`);
  const headers = headerRow.cells.map((cell, index) =>
    cell === null ? columnLetter(index + 1) : String(cell).trim(),
  );
  const periodColumns = headerRow.cells
    .map((cell, index) => ({ index, period: cell === null ? undefined : parsePeriodLabel(String(cell)) }))
    .filter((entry) => entry.period !== undefined);
  const normalized = headers.map(normalizeHeader);
  const hasPeriodColumn = normalized.some((header) => DEFAULT_HEADERS.period.includes(header));
  const layout = context.mapping.layout ?? (periodColumns.length > 0 && !hasPeriodColumn ? 'wide' : 'long');
  const textCells = (cells: SheetCell[]) =>
    headers.map((_, index) =>
      cells[index] === null || cells[index] === undefined ? '' : String(cells[index]),
    );
  const typedCells = (cells: SheetCell[]) => {
    const typed = new Map<number, number>();
    cells.forEach((cell, index) => {
      if (typeof cell === 'number') typed.set(index, cell);
    });
    return typed;
  };

  if (layout === 'long') {
    const plan = planLongHeader(headers, context, ['indicator', 'area', 'period', 'value'], 'long');
    const findings: ReaderFindings = { headers, mapping: plan.mapping, skipped: 0 };
    async function* rows(): AsyncGenerator<RawObservation> {
      for (let row = await readRow(); row; row = await readRow()) {
        yield longRow(headers, plan, row.number, textCells(row.cells), typedCells(row.cells));
      }
    }
    return { findings, rows: rows() };
  }

  // Wide: one row per area, one column per period; the indicator from a column or from the confirmed mapping.
  const areaChoice = context.mapping.columns?.area;
  const areaIndex = areaChoice
    ? normalized.indexOf(normalizeHeader(areaChoice))
    : Math.max(
        0,
        normalized.findIndex((header) => DEFAULT_HEADERS.area.includes(header)),
      );
  const indicatorChoice = context.mapping.columns?.indicator;
  const indicatorIndex = context.mapping.indicator
    ? -1
    : indicatorChoice
      ? normalized.indexOf(normalizeHeader(indicatorChoice))
      : normalized.findIndex((header) => DEFAULT_HEADERS.indicator.includes(header));
  const problems: ImportProblem[] = [];
  if (areaIndex < 0 || areaIndex >= headers.length)
    problems.push(headerProblem(areaChoice ?? null, 'Kies de kolom met gebiedscodes.'));
  if (periodColumns.length === 0)
    problems.push(
      headerProblem(
        null,
        'Geen kolommen met perioden gevonden. Zet perioden (2024, 2024KW01, …) in de kopregel.',
      ),
    );
  if (indicatorIndex < 0 && !context.mapping.indicator)
    problems.push(
      headerProblem(
        null,
        'Kies de indicator waar de cijfers in dit werkblad bij horen, of voeg een kolom "indicator" toe.',
      ),
    );
  if (problems.length > 0)
    throw new ImportFileError(
      `${context.fileName}: de indeling van het werkblad is niet duidelijk.`,
      problems,
      {
        headers,
        mapping: { ...context.mapping, layout: 'wide' },
        skipped: 0,
      },
    );
  const findings: ReaderFindings = {
    headers,
    mapping: {
      layout: 'wide',
      ...(context.mapping.indicator ? { indicator: context.mapping.indicator } : {}),
      columns: {
        area: headers[areaIndex] as string,
        ...(indicatorIndex >= 0 ? { indicator: headers[indicatorIndex] as string } : {}),
      },
    },
    skipped: 0,
  };
  async function* rows(): AsyncGenerator<RawObservation> {
    for (let row = await readRow(); row; row = await readRow()) {
      const texts = textCells(row.cells);
      const indicator: Cell =
        indicatorIndex >= 0
          ? { column: headers[indicatorIndex] as string, text: texts[indicatorIndex] ?? '' }
          : { column: 'indicator (gekozen)', text: context.mapping.indicator ?? '' };
      for (const { index } of periodColumns) {
        const column = headers[index] as string;
        const raw = row.cells[index];
        if (raw === null || raw === undefined || (typeof raw === 'string' && isCbsUnknown(raw))) {
          findings.skipped++;
          continue;
        }
        yield {
          row: row.number,
          indicator,
          area: { column: headers[areaIndex] as string, text: texts[areaIndex] ?? '' },
          period: { column, text: column },
          value: typeof raw === 'number' ? { column, text: String(raw), number: raw } : { column, text: raw },
          status: null,
          breakdown: [],
        };
      }
    }
  }
  return { findings, rows: rows() };
}

export function isImportFormat(value: string): value is ImportFormat {
  return (IMPORT_FORMATS as readonly string[]).includes(value);
}
