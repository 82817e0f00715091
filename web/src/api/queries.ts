// SPDX-License-Identifier: EUPL-1.2
import { QueryClient, queryOptions } from '@tanstack/react-query';
import {
  type AreaListParams,
  fetchArea,
  fetchAreas,
  fetchBoundaries,
  fetchMergers,
  isClientError,
} from './client.ts';
import type { MapLevel } from './types.ts';

const MAX_RETRIES = 2;
const FIVE_MINUTES = 5 * 60 * 1000;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: FIVE_MINUTES,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => !isClientError(error) && failureCount < MAX_RETRIES,
      },
    },
  });
}

export const areasQuery = (params: AreaListParams) =>
  queryOptions({
    queryKey: ['areas', params.level, params.parent ?? null, params.year ?? null, params.q ?? null],
    queryFn: ({ signal }) => fetchAreas(params, signal),
  });

export const areaQuery = (code: string) =>
  queryOptions({
    queryKey: ['area', code],
    queryFn: ({ signal }) => fetchArea(code, signal),
  });

/** Boundaries only change with a new release of the reference data: fetch once per session. */
export const boundariesQuery = (level: MapLevel) =>
  queryOptions({
    queryKey: ['boundaries', level],
    queryFn: ({ signal }) => fetchBoundaries(level, signal),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });

/** The municipal mergers (herindelingen) on record. */
export const mergersQuery = () =>
  queryOptions({
    queryKey: ['mergers'],
    queryFn: ({ signal }) => fetchMergers(signal),
  });
