// SPDX-License-Identifier: EUPL-1.2
import type { Topology } from 'topojson-specification';
import type { AreaDetail, AreaList, Level, MapLevel, MergerList } from './types.ts';

/** An HTTP error from the API, with the server's message when it sent one. */
export class ApiError extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

/** A 4xx answer: asking again will not help. */
export function isClientError(error: unknown): boolean {
  return error instanceof ApiError && error.status >= 400 && error.status < 500;
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json' }, signal });
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    try {
      const body: unknown = await response.json();
      if (body && typeof body === 'object' && 'message' in body && typeof body.message === 'string') {
        message = body.message;
      }
    } catch {
      // The body was not JSON; keep the status line.
    }
    throw new ApiError(response.status, message);
  }
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
