// SPDX-License-Identifier: EUPL-1.2
/**
 * The imports of the figures API as /importeren uses them: a file sent as multipart/form-data with upload
 * progress (XMLHttpRequest, since fetch reports no upload progress), the import history, undoing an import, and
 * the indicators a wide worksheet can belong to. Types come from the server's zod schemas (type-only imports).
 */
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  columnMapping,
  importList,
  importReport,
  indicatorList,
  undoResult,
} from '../../../src/server/modules/figures/figures.schemas.ts';
import { withCsrf } from './access-client.ts';
import { errorOf, getJson, sendJson } from './client.ts';

export type ImportReport = z.infer<typeof importReport>;
export type ImportProblem = ImportReport['problems'][number];
export type ImportChange = ImportReport['changes'][number];
export type ColumnMapping = z.infer<typeof columnMapping>;
export type ImportList = z.infer<typeof importList>;
export type ImportRecord = ImportList['items'][number];
export type UndoResult = z.infer<typeof undoResult>;
export type IndicatorCatalogue = z.infer<typeof indicatorList>;
export type CatalogueIndicator = IndicatorCatalogue['items'][number];

/** Where an upload is: bytes going out (total unknown when the browser cannot tell), then the server at work. */
export type UploadProgress =
  | { phase: 'uploading'; loaded: number; total: number | null }
  | { phase: 'processing' };

export interface MultipartOptions {
  onProgress?: ((progress: UploadProgress) => void) | undefined;
  signal?: AbortSignal | undefined;
  /** Error statuses whose body is an answer, not an error (422: a refused import with its report). */
  answerStatuses?: readonly number[];
}

/**
 * A POST of form data with the CSRF token, reporting upload progress. Resolves with the status and the parsed
 * body for a 2xx answer or one of `answerStatuses`; rejects with an ApiError for any other answer, with a
 * TypeError when no answer came, and with an AbortError when `signal` aborted.
 */
export function sendMultipart<T>(
  path: string,
  csrfToken: string,
  body: FormData,
  options: MultipartOptions = {},
): Promise<{ status: number; body: T }> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new DOMException('The upload was aborted', 'AbortError'));
      return;
    }
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.setRequestHeader('accept', 'application/json');
    request.setRequestHeader('x-csrf-token', csrfToken);
    // Upload listeners must be in place before send(), or the browser reports no progress.
    request.upload.addEventListener('progress', (event) => {
      options.onProgress?.({
        phase: 'uploading',
        loaded: event.loaded,
        total: event.lengthComputable ? event.total : null,
      });
    });
    request.upload.addEventListener('load', () => options.onProgress?.({ phase: 'processing' }));
    request.addEventListener('load', () => {
      const status = request.status;
      const text = request.responseText;
      if ((status >= 200 && status < 300) || options.answerStatuses?.includes(status)) {
        try {
          resolve({ status, body: JSON.parse(text) as T });
        } catch {
          reject(new TypeError(`The answer (${status}) was not JSON`));
        }
        return;
      }
      const response = new Response(text, {
        status,
        statusText: request.statusText,
        headers: { 'content-type': request.getResponseHeader('content-type') ?? 'application/json' },
      });
      errorOf(response).then(reject, reject);
    });
    request.addEventListener('error', () => reject(new TypeError('No answer from the server')));
    request.addEventListener('abort', () => reject(new DOMException('The upload was aborted', 'AbortError')));
    options.signal?.addEventListener('abort', () => request.abort(), { once: true });
    request.send(body);
  });
}

export interface ImportOptions {
  dryRun: boolean;
  /** Left out: the server detects the format from the content. */
  format?: string | undefined;
  mapping?: ColumnMapping | undefined;
}

/**
 * The parameters of an import, in the order the API documents them. They go both in the query string and as
 * form fields before the file: the server reads either (fields win).
 */
export function importParameters({ dryRun, format, mapping }: ImportOptions): Array<[string, string]> {
  const parameters: Array<[string, string]> = [['dryRun', String(dryRun)]];
  if (format) parameters.push(['format', format]);
  if (mapping && Object.keys(mapping).length > 0) parameters.push(['mapping', JSON.stringify(mapping)]);
  return parameters;
}

/** `/api/imports?dryRun=true&format=xlsx&mapping=%7B…%7D`. */
export function importPath(options: ImportOptions): string {
  return `/api/imports?${new URLSearchParams(importParameters(options)).toString()}`;
}

/** The form data of an import: the parameters, then the file in the field "file". */
export function importFormData(file: Blob, fileName: string, options: ImportOptions): FormData {
  const form = new FormData();
  for (const [name, value] of importParameters(options)) form.append(name, value);
  form.append('file', file, fileName);
  return form;
}

export const figuresApi = {
  /**
   * A figures file, checked only (`dryRun`) or imported. Resolves with the report for 200 and for 422 (a refused
   * file: nothing changed); rejects with an ApiError for any other answer (400, 401, 403, 413, 415, …).
   */
  importFile: (
    queryClient: QueryClient,
    file: Blob,
    fileName: string,
    options: ImportOptions & Pick<MultipartOptions, 'onProgress' | 'signal'>,
  ) =>
    withCsrf(queryClient, (csrfToken) =>
      sendMultipart<ImportReport>(importPath(options), csrfToken, importFormData(file, fileName, options), {
        onProgress: options.onProgress,
        signal: options.signal,
        answerStatuses: [422],
      }),
    ),

  undoImport: (queryClient: QueryClient, importId: number) =>
    withCsrf(queryClient, (csrfToken) =>
      sendJson<UndoResult>('POST', `/api/imports/${importId}/undo`, csrfToken),
    ),
};

/** Query keys of this page start with 'imports', apart from other pages' figures data. */
export const IMPORTS_KEY = ['imports'] as const;

export const HISTORY_LIMIT = 50;

/** The newest imports (and undos), newest first. */
export const importHistoryQuery = () =>
  queryOptions({
    queryKey: [...IMPORTS_KEY, 'history', HISTORY_LIMIT],
    queryFn: ({ signal }) => getJson<ImportList>(`/api/imports?limit=${HISTORY_LIMIT}`, signal),
    staleTime: 0,
  });

/** The indicator catalogue, for the indicator of a wide worksheet. */
export const importIndicatorsQuery = () =>
  queryOptions({
    queryKey: [...IMPORTS_KEY, 'indicators'],
    queryFn: ({ signal }) => getJson<IndicatorCatalogue>('/api/indicators', signal),
  });
