// SPDX-License-Identifier: EUPL-1.2
/**
 * The figures API as the catalogue and figures pages read it: the indicator catalogue, figures by area and
 * period, the versions of one figure and (for beheerders and aanleveranciers) the import history; and the one
 * write of these pages, adding an indicator. Types come from the server's zod schemas (type-only imports).
 */
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as figureSchemas from '../../../src/server/modules/figures/figures.schemas.ts';
import { withCsrf } from './access-client.ts';
import { getJson, sendJson } from './client.ts';
import { ACCESS_KEY } from './queries.ts';

export type IndicatorList = z.infer<typeof figureSchemas.indicatorList>;
export type Indicator = IndicatorList['items'][number];
export type Dimension = IndicatorList['dimensions'][number];
/** What to send to add an indicator. */
export type IndicatorInput = z.input<typeof figureSchemas.indicatorBody>;
export type ObservationList = z.infer<typeof figureSchemas.observationList>;
export type ObservationItem = ObservationList['items'][number];
export type HistoryList = z.infer<typeof figureSchemas.historyList>;
export type ObservationVersion = HistoryList['items'][number];
export type ImportList = z.infer<typeof figureSchemas.importList>;

/** Every query of the figures pages sits under this key: an import or a new indicator drops them together. */
export const FIGURES_KEY = ['figures'] as const;
/** Figures change with every import: ask again after half a minute rather than after five. */
const FIGURES_STALE_MS = 30_000;

/** The indicator catalogue and the breakdown dimensions with their values. */
export const indicatorsQuery = () =>
  queryOptions({
    queryKey: [...FIGURES_KEY, 'indicators'],
    queryFn: ({ signal }) => getJson<IndicatorList>('/api/indicators', signal),
    staleTime: FIGURES_STALE_MS,
  });

/** Figures for one query string of GET /api/observations (see `observationsPath`). */
export const observationsQuery = (path: string) =>
  queryOptions({
    queryKey: [...FIGURES_KEY, 'observations', path],
    queryFn: ({ signal }) => getJson<ObservationList>(path, signal),
    staleTime: FIGURES_STALE_MS,
  });

/** Every version of one figure, newest first (`path` from `historyPath`). */
export const historyQuery = (path: string) =>
  queryOptions({
    queryKey: [...FIGURES_KEY, 'history', path],
    queryFn: ({ signal }) => getJson<HistoryList>(path, signal),
    staleTime: 0,
  });

/** The newest imports (beheerders and aanleveranciers only); dropped with the other access data at sign-out. */
export const recentImportsQuery = () =>
  queryOptions({
    queryKey: [...ACCESS_KEY, 'figure-imports', 'recent'],
    queryFn: ({ signal }) => getJson<ImportList>('/api/imports?limit=200', signal),
    staleTime: FIGURES_STALE_MS,
  });

export const figuresApi = {
  /** Adds an indicator to the catalogue (beheerder); the catalogue is then read again. */
  addIndicator: async (queryClient: QueryClient, body: IndicatorInput): Promise<Indicator> => {
    const created = await withCsrf(queryClient, (csrfToken) =>
      sendJson<Indicator>('POST', '/api/indicators', csrfToken, body),
    );
    await queryClient.invalidateQueries({ queryKey: FIGURES_KEY });
    return created;
  },
};
