// SPDX-License-Identifier: EUPL-1.2
/**
 * The merger upload on /herindelingen: what to check before sending a file, the name to send with it, how the
 * server's answers become the form's errors and the table of problems, and the confirmation of a check or an
 * import. Texts come in as `t` (texts.mergerUpload), numbers already formatted where a text shows them.
 */

// The column list and size limit are the server's own (shared), so the form cannot drift from the API.
import { MERGER_CSV_COLUMNS, MERGER_UPLOAD_LIMIT } from '../../../src/shared/geography.ts';
import { ApiError } from '../api/client.ts';
import type { FileProblem, MergerImportResult } from '../api/types.ts';
import type { FormError, FormErrors } from './form-errors.ts';
import { formatNumber } from './format.ts';

export { MERGER_CSV_COLUMNS, MERGER_UPLOAD_LIMIT };

/** The form's fields: the file input, and the table of problems the error summary links to. */
export const UPLOAD_FIELDS = { file: 'file', problems: 'problems' } as const;

/** The longest file name the API takes (`fileName`, 200 characters). */
const MAX_FILE_NAME = 200;
const DEFAULT_FILE_NAME = 'upload.csv';

export interface UploadTexts {
  fileMissing: string;
  fileEmpty(name: string): string;
  fileTooLarge(name: string, limit: string): string;
  problemsSummary(name: string, count: number, formattedCount: string): string;
  rows(count: number, formattedCount: string): string;
  checked(name: string, rows: string, encoding: string): string;
  imported(name: string, rows: string, encoding: string): string;
  encodings: Record<MergerImportResult['encoding'], string>;
  noRow: string;
  emptyValue: string;
}

/** 5242880 → "5 MB" (whole megabytes of 1024 × 1024 bytes, as the limit is set). */
export function formatMegabytes(bytes: number): string {
  return `${formatNumber(bytes / (1024 * 1024))} MB`;
}

/**
 * The file name sent with the upload (it returns in messages and the audit log): the last part of the name,
 * without the characters the API refuses (control characters, < and >), at most 200 characters with the
 * extension kept; "upload.csv" when nothing is left.
 */
export function uploadFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const clean = base.replace(/[\u0000-\u001f\u007f<>]/g, '').trim();
  if (clean === '') return DEFAULT_FILE_NAME;
  if (clean.length <= MAX_FILE_NAME) return clean;
  const dot = clean.lastIndexOf('.');
  const extension = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
  return `${clean.slice(0, MAX_FILE_NAME - extension.length - 1)}…${extension}`;
}

/** What is wrong with the chosen file before it is sent: none chosen, empty, or over the limit. */
export function checkUploadFile(
  file: { name: string; size: number } | null,
  t: Pick<UploadTexts, 'fileMissing' | 'fileEmpty' | 'fileTooLarge'>,
): FormError | null {
  if (!file) return { field: UPLOAD_FIELDS.file, message: t.fileMissing };
  const name = uploadFileName(file.name);
  if (file.size === 0) return { field: UPLOAD_FIELDS.file, message: t.fileEmpty(name) };
  if (file.size > MERGER_UPLOAD_LIMIT)
    return { field: UPLOAD_FIELDS.file, message: t.fileTooLarge(name, formatMegabytes(MERGER_UPLOAD_LIMIT)) };
  return null;
}

export interface UploadFailure {
  errors: FormErrors;
  /** Every problem of a refused file, for the table; empty when the refusal was about something else. */
  problems: readonly FileProblem[];
}

/**
 * A failed upload as the form shows it:
 * - a file with errors (400 with problems): one line in the summary, linking to the table of every problem;
 * - a file refused as a whole (415: not a CSV by its content; 400: empty, or a name the API does not take;
 *   413: too large): the server's message at the file input (for 413 our own, with the limit);
 * - anything else the server said (401, 403, 429, 5xx): its message for the form as a whole;
 * - no answer at all: `fallback`.
 */
export function uploadFailure(
  error: unknown,
  fileName: string,
  t: Pick<UploadTexts, 'problemsSummary' | 'fileTooLarge'>,
  fallback: string,
): UploadFailure {
  if (!(error instanceof ApiError)) return { errors: [{ field: null, message: fallback }], problems: [] };
  const atFile = (message: string) => ({ errors: [{ field: UPLOAD_FIELDS.file, message }], problems: [] });
  if (error.status === 400 && error.problems.length > 0) {
    const count = error.problems.length;
    return {
      errors: [
        {
          field: UPLOAD_FIELDS.problems,
          message: t.problemsSummary(fileName, count, formatNumber(count)),
        },
      ],
      problems: error.problems,
    };
  }
  if (error.status === 413) return atFile(t.fileTooLarge(fileName, formatMegabytes(MERGER_UPLOAD_LIMIT)));
  if (error.status === 400 || error.status === 415) return atFile(error.message);
  return { errors: [{ field: null, message: error.message }], problems: [] };
}

/** The confirmation of a check (dry run) or an import: the file, its rows, and how it was read. */
export function uploadConfirmation(
  result: MergerImportResult,
  t: Pick<UploadTexts, 'rows' | 'checked' | 'imported' | 'encodings'>,
): string {
  const rows = t.rows(result.rows, formatNumber(result.rows));
  const encoding = t.encodings[result.encoding] ?? result.encoding;
  return result.dryRun
    ? t.checked(result.fileName, rows, encoding)
    : t.imported(result.fileName, rows, encoding);
}

/** A problem's row as the table shows it: the file's row number, or a dash when it is about the whole file. */
export function problemRowLabel(row: number, t: Pick<UploadTexts, 'noRow'>): string {
  return row >= 1 ? formatNumber(row) : t.noRow;
}

/** A problem's column as the table shows it: its name, or a dash when it is about no column ("-"). */
export function problemColumnLabel(column: string, t: Pick<UploadTexts, 'noRow'>): string {
  return column === '-' || column.trim() === '' ? t.noRow : column;
}

/** A problem's value as the table shows it: "(leeg)" for an empty value, so the cell is never blank. */
export function problemValueLabel(value: string, t: Pick<UploadTexts, 'emptyValue'>): string {
  return value === '' ? t.emptyValue : value;
}
