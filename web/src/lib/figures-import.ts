// SPDX-License-Identifier: EUPL-1.2
/**
 * The logic of /importeren (Cijfers importeren) that needs no browser: who may import, what to check before
 * sending a file, how the server's import report reads as rows of facts, problems and changes, how the column
 * mapping is edited and sent back, and how the import history reads. Texts come from `import-texts.ts`.
 */
import {
  FIGURES_UPLOAD_LIMIT,
  IMPORT_FORMAT_LABELS,
  IMPORT_FORMATS,
  type ImportFormat,
} from '../../../src/shared/figures.ts';
import { periodCodeLabel } from '../../../src/shared/periods.ts';
import { ApiError } from '../api/client.ts';
import type {
  CatalogueIndicator,
  ColumnMapping,
  ImportList,
  ImportRecord,
  ImportReport,
  IndicatorCatalogue,
  UndoResult,
  UploadProgress,
} from '../api/figures-client.ts';
import { importTexts as t } from '../pages/import-texts.ts';
import type { FormError, FormErrors } from './form-errors.ts';
import { formatDateTime, formatNumber } from './format.ts';
import { uploadFileName } from './merger-upload.ts';

export { FIGURES_UPLOAD_LIMIT, IMPORT_FORMAT_LABELS, IMPORT_FORMATS, type ImportFormat };

export type ImportOutcome = ImportReport['outcome'];

/** Roles a column can play in a long file (the server's COLUMN_ROLES). */
export const COLUMN_ROLES = ['indicator', 'area', 'period', 'value', 'status'] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/** The page's fields and the parts the error summary links to. */
export const IMPORT_FIELDS = {
  file: 'file',
  format: 'format',
  problems: 'problems',
  mapping: 'mapping',
  indicator: 'indicator',
} as const;

/** Who may import: a beheerder, or a member of an organisation with the role aanleverancier. */
export function mayImport(
  user: { isAdmin: boolean; memberships: ReadonlyArray<{ role: string }> } | null | undefined,
): boolean {
  if (!user) return false;
  return user.isAdmin || user.memberships.some((membership) => membership.role === 'aanleverancier');
}

export function isImportFormat(value: string): value is ImportFormat {
  return (IMPORT_FORMATS as readonly string[]).includes(value);
}

/** The format choices: "Automatisch herkennen" (value "") and every format the API takes. */
export function formatOptions(): Array<{ value: string; label: string }> {
  return IMPORT_FORMATS.map((format) => ({ value: format, label: IMPORT_FORMAT_LABELS[format] }));
}

// ---- Sizes, numbers and progress ----

const decimal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
const figure = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 6 });
const percent = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 0 });

/** 127 → "127 bytes", 6464 → "6,3 kB", 209715200 → "200 MB" (units of 1024, as the limit is set). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return bytes === 1 ? '1 byte' : `${formatNumber(bytes)} bytes`;
  if (bytes < 1024 * 1024) return `${decimal.format(bytes / 1024)} kB`;
  if (bytes < 1024 * 1024 * 1024) return `${decimal.format(bytes / (1024 * 1024))} MB`;
  return `${decimal.format(bytes / (1024 * 1024 * 1024))} GB`;
}

/** A figure as Dutch files write it: 1234.5 → "1.234,5"; rates keep their decimals. */
export function formatFigure(value: number): string {
  return figure.format(value);
}

/** The share of the file sent, 0–100; null while the browser cannot tell the total. */
export function uploadPercent(progress: UploadProgress): number | null {
  if (progress.phase === 'processing') return 100;
  if (progress.total === null || progress.total <= 0) return null;
  return Math.min(100, Math.max(0, Math.round((progress.loaded / progress.total) * 100)));
}

/** What the page says while a file is on its way: sending (with the share), then the server checking it. */
export function progressText(progress: UploadProgress, dryRun: boolean): string {
  if (progress.phase === 'processing') return dryRun ? t.processing : t.importing;
  const share = uploadPercent(progress);
  return share === null ? t.uploadingUnknown : t.uploading(percent.format(share / 100));
}

// ---- Before sending ----

/** What is wrong with the chosen file before it is sent: none chosen, empty, or over the upload limit. */
export function checkImportFile(file: { name: string; size: number } | null): FormError | null {
  if (!file) return { field: IMPORT_FIELDS.file, message: t.fileMissing };
  const name = uploadFileName(file.name);
  if (file.size === 0) return { field: IMPORT_FIELDS.file, message: t.fileEmpty(name) };
  if (file.size > FIGURES_UPLOAD_LIMIT)
    return {
      field: IMPORT_FIELDS.file,
      message: t.fileTooLarge(name, formatFileSize(FIGURES_UPLOAD_LIMIT)),
    };
  return null;
}

/**
 * A failed upload as the form shows it: too large (413, our own message with the limit) or not a figures file
 * by its content (415) at the file input; a refused format (400 naming it) at the format; anything else the
 * server said (400, 401, 403, 429, 5xx) for the form as a whole; no answer at all: `fallback`.
 */
export function importFailure(error: unknown, fileName: string, fallback: string): FormErrors {
  if (!(error instanceof ApiError)) return [{ field: null, message: fallback }];
  if (error.status === 413)
    return [
      { field: IMPORT_FIELDS.file, message: t.fileTooLarge(fileName, formatFileSize(FIGURES_UPLOAD_LIMIT)) },
    ];
  if (error.status === 415) return [{ field: IMPORT_FIELDS.file, message: error.message }];
  if (error.status === 400 && error.parameter === IMPORT_FIELDS.format)
    return [{ field: IMPORT_FIELDS.format, message: error.message }];
  return [{ field: null, message: error.message }];
}

// ---- The report ----

export interface Fact {
  key: string;
  value: string;
}

/** What the server found out about the file: name, format, encoding, delimiter, size, CBS table, skipped cells. */
export function fileFacts(report: ImportReport): Fact[] {
  const facts: Fact[] = [{ key: t.fileName, value: report.fileName }];
  const file = report.file;
  if (file) {
    facts.push({ key: t.format, value: IMPORT_FORMAT_LABELS[file.format] ?? file.format });
    if (file.encoding) facts.push({ key: t.encoding, value: t.encodings[file.encoding] ?? file.encoding });
    if (file.delimiter)
      facts.push({ key: t.delimiter, value: t.delimiters[file.delimiter] ?? `“${file.delimiter}”` });
    facts.push({ key: t.size, value: formatFileSize(file.size) });
  }
  if (report.findings?.cbsTable) facts.push({ key: t.cbsTable, value: report.findings.cbsTable });
  if (report.findings && (report.findings.skipped > 0 || report.findings.cbsTable))
    facts.push({ key: t.skipped, value: formatNumber(report.findings.skipped) });
  return facts;
}

/** Figures read, errors and warnings. */
export function reportCounts(report: ImportReport): Fact[] {
  return [
    { key: t.rowsRead, value: formatNumber(report.rows) },
    { key: t.errors, value: formatNumber(report.errors) },
    { key: t.warnings, value: formatNumber(report.warnings) },
  ];
}

/** New, changed and unchanged figures. */
export function diffCounts(report: ImportReport): Fact[] {
  return [
    { key: t.added, value: formatNumber(report.added) },
    { key: t.changed, value: formatNumber(report.changed) },
    { key: t.unchanged, value: formatNumber(report.unchanged) },
  ];
}

export interface ProblemRow {
  severity: string;
  isError: boolean;
  row: string;
  /** The column's name as in the file; null when the problem is about no one column. */
  column: string | null;
  value: string;
  message: string;
}

/** The problems as the table shows them; a blank value reads "(leeg)", a missing one "–". */
export function problemRows(report: ImportReport): ProblemRow[] {
  return report.problems.map((problem) => ({
    severity: t.severities[problem.severity],
    isError: problem.severity === 'fout',
    row: problem.row === null ? t.wholeFile : formatNumber(problem.row),
    column: problem.column === null || problem.column.trim() === '' ? null : problem.column,
    value: problem.value === null ? t.noColumn : problem.value.trim() === '' ? t.emptyValue : problem.value,
    message: problem.message,
  }));
}

/** The problems the table leaves out (the server keeps the first 500; its counts are complete). */
export function problemsTruncated(report: ImportReport): string | null {
  const total = report.errors + report.warnings;
  return report.problems.length < total
    ? t.problemsTruncated(formatNumber(report.problems.length), formatNumber(total))
    : null;
}

export interface ChangeRow {
  key: string;
  kind: string;
  indicatorCode: string;
  indicatorName: string | null;
  area: string;
  period: string;
  periodCode: string;
  breakdown: string;
  oldValue: string;
  newValue: string;
}

/** "aard_geweld=kindermishandeling|melder=politie" → "Aard van het geweld: Kindermishandeling; Melder: Politie". */
export function breakdownLabel(key: string, dimensions: IndicatorCatalogue['dimensions'] = []): string {
  if (key === '') return t.total;
  return key
    .split('|')
    .map((part) => {
      const [code = '', value = ''] = part.split('=');
      const dimension = dimensions.find((candidate) => candidate.code === code);
      const valueName = dimension?.values.find((candidate) => candidate.code === value)?.name ?? value;
      return `${dimension?.name ?? code}: ${valueName}`;
    })
    .join('; ');
}

/** The sample of changes (changed first, then new), with Dutch numbers, period labels and names. */
export function changeRows(report: ImportReport, catalogue?: IndicatorCatalogue): ChangeRow[] {
  return report.changes.map((change, index) => ({
    key: `${index}:${change.indicator}:${change.area}:${change.period}:${change.breakdown}`,
    kind: change.oldValue === null ? t.changeKinds.added : t.changeKinds.changed,
    indicatorCode: change.indicator,
    indicatorName: catalogue?.items.find((item) => item.code === change.indicator)?.name ?? null,
    area: change.area,
    period: periodCodeLabel(change.period),
    periodCode: change.period,
    breakdown: breakdownLabel(change.breakdown, catalogue?.dimensions),
    oldValue:
      change.oldValue === null
        ? t.noOldValue
        : t.valueWithStatus(formatFigure(change.oldValue), change.oldStatus ?? ''),
    newValue: t.valueWithStatus(formatFigure(change.newValue), change.newStatus),
  }));
}

/** When the sample is not every change: how many rows the table shows. */
export function changesTruncated(report: ImportReport): string | null {
  return report.changes.length < report.added + report.changed
    ? t.changesTruncated(formatNumber(report.changes.length))
    : null;
}

/** "Dit bestand is al eerder geïmporteerd op …", when it was. */
export function sameFileText(report: ImportReport): string | null {
  return report.sameFileAs
    ? t.sameFileAs(formatDateTime(report.sameFileAs.at), String(report.sameFileAs.id))
    : null;
}

/** A dry run that found no errors and something to change: "Importeren" may follow. */
export function canConfirm(report: ImportReport): boolean {
  return report.outcome === 'proefimport' && report.errors === 0 && report.added + report.changed > 0;
}

/** The confirmation for the live region after a dry run or an import. */
export function reportConfirmation(report: ImportReport): string | null {
  switch (report.outcome) {
    case 'proefimport':
      return t.checked(report.fileName);
    case 'geimporteerd':
      return t.imported(
        String(report.importId ?? ''),
        formatNumber(report.added),
        formatNumber(report.changed),
      );
    case 'ongewijzigd':
      return t.importedUnchanged;
    case 'geweigerd':
      return null;
  }
}

/**
 * The error summary of a refused file: one line that links to the problems table (nothing changed), and when
 * the column mapping can fix it (a header problem in a file whose mapping can be chosen), one that links there.
 */
export function reportErrors(report: ImportReport): FormErrors {
  if (report.outcome !== 'geweigerd') return [];
  const errors: FormError[] = [
    {
      field: IMPORT_FIELDS.problems,
      message: t.refusedSummary(report.fileName, report.errors, formatNumber(report.errors)),
    },
  ];
  const headerProblem = report.problems.some(
    (problem) => problem.severity === 'fout' && (problem.row === 1 || problem.row === null),
  );
  if (canChooseMapping(report) && headerProblem)
    errors.push({ field: IMPORT_FIELDS.mapping, message: t.mappingSummary });
  return errors;
}

// ---- Column mapping ----

export type Layout = 'long' | 'wide';

/** The mapping as the form edits it: "" is "automatic" or "the standard column". */
export interface MappingDraft {
  layout: '' | Layout;
  indicator: string;
  columns: Record<ColumnRole, string>;
}

export function emptyDraft(): MappingDraft {
  return {
    layout: '',
    indicator: '',
    columns: { indicator: '', area: '', period: '', value: '', status: '' },
  };
}

/** The form's starting point: what the server detected (or, when it found nothing, what was sent). */
export function draftFromMapping(mapping: ColumnMapping | null | undefined): MappingDraft {
  const draft = emptyDraft();
  if (!mapping) return draft;
  draft.layout = mapping.layout ?? '';
  draft.indicator = mapping.indicator ?? '';
  for (const role of COLUMN_ROLES) draft.columns[role] = mapping.columns?.[role] ?? '';
  return draft;
}

/** Files whose columns the user can assign: XLSX (long or wide) and Ketenzicht's own CSV (long). */
export function isMappingEditable(report: ImportReport): boolean {
  const format = report.file?.format;
  return format === 'xlsx' || format === 'ketenzicht-csv';
}

/**
 * Whether the page offers the mapping form: always for a worksheet; for a Ketenzicht CSV only when its header
 * was refused (its columns otherwise have fixed names, and the server names what it found).
 */
export function canChooseMapping(report: ImportReport): boolean {
  if (report.file?.format === 'xlsx') return true;
  return (
    isMappingEditable(report) &&
    report.outcome === 'geweigerd' &&
    report.problems.some((problem) => problem.row === 1)
  );
}

/** The header texts to choose from: the file's header row, or, when the server stopped at it, the columns its problems name. */
export function knownHeaders(report: ImportReport): string[] {
  if (report.findings) return report.findings.headers.filter((header) => header.trim() !== '');
  const named = report.problems
    .filter((problem) => problem.row === 1 && problem.column !== null && problem.column.trim() !== '')
    .map((problem) => problem.column as string);
  return [...new Set(named)];
}

/**
 * The layout the form shows the fields of: the chosen one, else the detected one. For a CSV always long. For an
 * XLSX whose header the server refused: long when its problems name unknown columns (only a long header has
 * those), else unknown (null), and the form asks for the indicator, as a wide sheet without one needs.
 */
export function draftLayout(draft: MappingDraft, report: ImportReport): Layout | null {
  if (report.file?.format !== 'xlsx') return 'long';
  if (draft.layout) return draft.layout;
  if (report.findings) return report.findings.mapping.layout ?? null;
  return knownHeaders(report).length > 0 ? 'long' : null;
}

/** Whether the sheet names its indicator in a column (wide layout), so no indicator need be chosen. */
export function indicatorColumnOf(report: ImportReport): string | null {
  return report.findings?.mapping.layout === 'wide'
    ? (report.findings.mapping.columns?.indicator ?? null)
    : null;
}

const MAX_COLUMN = 200;

/** The mapping to send: only what is chosen, in the API's shape (`columnMapping`); undefined when nothing is. */
export function mappingFromDraft(draft: MappingDraft, report: ImportReport): ColumnMapping | undefined {
  const xlsx = report.file?.format === 'xlsx';
  const layout = draftLayout(draft, report);
  const mapping: ColumnMapping = {};
  if (xlsx && draft.layout) mapping.layout = draft.layout;
  if (xlsx && layout !== 'long' && draft.indicator) mapping.indicator = draft.indicator;
  // A wide sheet (or one not yet read) has only its area column to name; a long one every role.
  const roles: readonly ColumnRole[] = layout === 'long' ? COLUMN_ROLES : ['area'];
  const columns: NonNullable<ColumnMapping['columns']> = {};
  for (const role of roles) {
    const column = draft.columns[role].trim();
    if (column && column.length <= MAX_COLUMN) columns[role] = column;
  }
  if (Object.keys(columns).length > 0) mapping.columns = columns;
  return Object.keys(mapping).length > 0 ? mapping : undefined;
}

/** What must be chosen before checking again: the indicator of a wide sheet without an indicator column. */
export function checkDraft(draft: MappingDraft, report: ImportReport): FormError | null {
  if (draftLayout(draft, report) === 'wide' && !draft.indicator && !indicatorColumnOf(report))
    return { field: IMPORT_FIELDS.indicator, message: t.indicatorMissing };
  return null;
}

/**
 * The mapping an import is confirmed with: the one the server reported for the dry run (what the user saw),
 * else the one sent; undefined when the file needs none (CBS files, or nothing detected).
 */
export function confirmedMapping(
  report: ImportReport,
  sent: ColumnMapping | undefined,
): ColumnMapping | undefined {
  const detected = report.findings?.mapping;
  if (detected && Object.keys(detected).length > 0) {
    const columns = Object.values(detected.columns ?? {});
    if (columns.every((column) => typeof column === 'string' && column.length <= MAX_COLUMN)) return detected;
  }
  return sent && Object.keys(sent).length > 0 ? sent : undefined;
}

/** The detected mapping as lines to read: the layout, the indicator, and each role's column. */
export function mappingFacts(mapping: ColumnMapping | undefined, catalogue?: IndicatorCatalogue): Fact[] {
  if (!mapping) return [];
  const facts: Fact[] = [];
  if (mapping.layout) facts.push({ key: t.mappingLayoutRow, value: t.layouts[mapping.layout] });
  if (mapping.indicator)
    facts.push({ key: t.mappingIndicatorRow, value: indicatorLabel(mapping.indicator, catalogue) });
  for (const role of COLUMN_ROLES) {
    const column = mapping.columns?.[role];
    if (column) facts.push({ key: t.roleNames[role], value: t.mappingColumnValue(column) });
  }
  return facts;
}

/** "Meldingen bij Veilig Thuis (vt_meldingen)", or the code alone when the catalogue does not know it. */
export function indicatorLabel(code: string, catalogue?: IndicatorCatalogue): string {
  const found = catalogue?.items.find((item) => item.code === code);
  return found ? t.indicatorOption(found.name, found.code) : code;
}

/** The indicators a sheet can hold: stored ones only, since derived ones are computed (`formula` null). */
export function importableIndicators(catalogue: IndicatorCatalogue | undefined): CatalogueIndicator[] {
  return (catalogue?.items ?? []).filter((item) => item.formula === null);
}

// ---- History ----

export interface HistoryRow {
  id: number;
  at: string;
  fileName: string;
  by: string;
  added: string;
  changed: string;
  status: string;
  canUndo: boolean;
}

/**
 * The import history as the table shows it. Undo is offered for an import (not an undo) that stands; to a
 * beheerder for every import, to an aanleverancier for their own (the server refuses the others).
 */
export function historyRows(
  list: ImportList,
  user: { isAdmin: boolean; email: string } | null | undefined,
): HistoryRow[] {
  return list.items.map((item: ImportRecord) => ({
    id: item.id,
    at: formatDateTime(item.at),
    fileName: item.fileName,
    by: item.actorLabel,
    added: formatNumber(item.added),
    changed: formatNumber(item.changed),
    status:
      item.kind === 'undo'
        ? t.statusUndo(String(item.undoOf ?? ''))
        : item.undoneBy !== null
          ? t.statusUndone(String(item.undoneBy))
          : t.statusImported,
    canUndo:
      item.kind === 'import' &&
      item.undoneBy === null &&
      Boolean(user) &&
      (user?.isAdmin === true || item.actorLabel.toLowerCase() === user?.email.toLowerCase()),
  }));
}

export function historyCaption(list: ImportList): string {
  return t.historyCaption(
    list.items.length,
    list.total,
    formatNumber(list.items.length),
    formatNumber(list.total),
  );
}

export function undoConfirmation(result: UndoResult): string {
  return t.undone(
    String(result.importId),
    t.figures(result.restored, formatNumber(result.restored)),
    t.figures(result.withdrawn, formatNumber(result.withdrawn)),
  );
}
