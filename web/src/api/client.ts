// SPDX-License-Identifier: EUPL-1.2
import type { Topology } from 'topojson-specification';
import type { AreaDetail, AreaList, FileProblem, Level, MapLevel, MergerList } from './types.ts';

/**
 * An HTTP error from the API, with the server's message (and, for a 400, the parameter it was about, or every
 * problem of a refused file).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly parameter: string | undefined;
  readonly problems: readonly FileProblem[];

  constructor(status: number, message: string, parameter?: string, problems: readonly FileProblem[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.parameter = parameter;
    this.problems = problems;
  }
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

/** A 4xx answer: asking again will not help. */
export function isClientError(error: unknown): boolean {
  return error instanceof ApiError && error.status >= 400 && error.status < 500;
}

/** The server said: sign in first. */
export function isUnauthorized(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

function isFileProblem(value: unknown): value is FileProblem {
  if (!value || typeof value !== 'object') return false;
  const problem = value as Record<string, unknown>;
  return (
    typeof problem.row === 'number' &&
    typeof problem.column === 'string' &&
    typeof problem.value === 'string' &&
    typeof problem.message === 'string'
  );
}

/** The ApiError of a failed answer; also used for answers to XMLHttpRequest uploads (figures-client.ts). */
export async function errorOf(response: Response): Promise<ApiError> {
  let message = `${response.status} ${response.statusText}`;
  let parameter: string | undefined;
  let problems: FileProblem[] = [];
  try {
    const body: unknown = await response.json();
    if (body && typeof body === 'object') {
      if ('message' in body && typeof body.message === 'string') message = body.message;
      if ('parameter' in body && typeof body.parameter === 'string') parameter = body.parameter;
      if ('problems' in body && Array.isArray(body.problems)) problems = body.problems.filter(isFileProblem);
    }
  } catch {
    // The body was not JSON; keep the status line.
  }
  return new ApiError(response.status, message, parameter, problems);
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json' }, signal });
  if (!response.ok) throw await errorOf(response);
  return (await response.json()) as T;
}

export type WriteMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * A state-changing request. The server refuses it (403) without the CSRF token of the session, sent back in
 * the `X-CSRF-Token` header.
 */
export async function sendJson<T>(
  method: WriteMethod,
  path: string,
  csrfToken: string,
  body?: unknown,
): Promise<T> {
  return write<T>(
    method,
    path,
    csrfToken,
    body === undefined ? undefined : { contentType: 'application/json', data: JSON.stringify(body) },
  );
}

/**
 * A file sent as the raw body of a POST (as the import endpoints take it), with the given content type rather
 * than the one the browser guessed from the file name. Like every write it carries the CSRF token.
 */
export async function sendFile<T>(
  path: string,
  csrfToken: string,
  file: Blob,
  contentType: string,
): Promise<T> {
  return write<T>('POST', path, csrfToken, { contentType, data: file });
}

async function write<T>(
  method: WriteMethod,
  path: string,
  csrfToken: string,
  body: { contentType: string; data: string | Blob } | undefined,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'x-csrf-token': csrfToken };
  if (body) headers['content-type'] = body.contentType;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body ? { body: body.data } : {}),
  });
  if (!response.ok) throw await errorOf(response);
  return (await response.json()) as T;
}

export interface AreaListParams {
  level: Level;
  parent?: string;
  year?: number;
  q?: string;
}

export function areaListPath({ level, parent, year, q }: AreaListParams): string {
  const params = new URLSearchParams({ level });
  if (parent) params.set('parent', parent);
  if (year !== undefined) params.set('year', String(year));
  if (q) params.set('q', q);
  return `/api/areas?${params.toString()}`;
}

/** Where a merger file goes: checked only (`dryRun`) or imported; the name is used in messages and the audit log. */
export function mergerImportPath({ dryRun, fileName }: { dryRun: boolean; fileName: string }): string {
  const params = new URLSearchParams({ dryRun: String(dryRun), fileName });
  return `/api/mergers/import?${params.toString()}`;
}

export function fetchAreas(params: AreaListParams, signal?: AbortSignal): Promise<AreaList> {
  return getJson<AreaList>(areaListPath(params), signal);
}

export function fetchArea(code: string, signal?: AbortSignal): Promise<AreaDetail> {
  return getJson<AreaDetail>(`/api/areas/${encodeURIComponent(code)}`, signal);
}

export function fetchBoundaries(level: MapLevel, signal?: AbortSignal): Promise<Topology> {
  return getJson<Topology>(`/api/boundaries/${level}`, signal);
}

export function fetchMergers(signal?: AbortSignal): Promise<MergerList> {
  return getJson<MergerList>('/api/mergers', signal);
}
