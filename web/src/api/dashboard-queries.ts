// SPDX-License-Identifier: EUPL-1.2
/**
 * The dashboards API as the overview, indicator, profile and compare pages read it: one indicator on a map,
 * the profile of one area, and series of areas over time. Types come from the server's zod schemas (type-only
 * imports). Each `…Path` function builds the API URL; the same URL with `format=csv|xlsx` is the download of
 * exactly what the page shows (see `downloadPath`).
 */
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as dashboardSchemas from '../../../src/server/modules/dashboards/dashboards.schemas.ts';
import type { ExportFormat } from '../../../src/shared/dashboards.ts';
import { getJson } from './client.ts';
import { FIGURES_KEY, type Indicator } from './figures-queries.ts';

export type {
  IndicatorSummary,
  KeyFigure,
  MapItem,
  MapResponse,
  ProfileResponse,
  ProtectedFigure,
  SeriesResponse,
} from '../../../src/server/modules/dashboards/dashboards.schemas.ts';

/** Parameters as sent (before the server's defaults): `z.input` keeps optional what the server fills in. */
export type MapParams = Omit<z.input<typeof dashboardSchemas.mapQuery>, 'format'>;
export type ProfileParams = Omit<z.input<typeof dashboardSchemas.profileQuery>, 'format' | 'groupAreas'> & {
  code: string;
  /** group=eigen: the chosen gemeenten. */
  groupAreas?: readonly string[];
};
export type SeriesParams = Omit<z.input<typeof dashboardSchemas.seriesQuery>, 'format' | 'areas'> & {
  areas: readonly string[];
};

/** Every dashboard query sits under this key: an import can drop them together with the figures. */
export const DASHBOARD_KEY = ['dashboard'] as const;
/** Figures change with every import: ask again after half a minute, as the figures pages do. */
const DASHBOARD_STALE_MS = 30_000;

type QueryValue = string | readonly string[] | undefined;

/** `path?a=1&b=2` with the absent parameters left out, in the given order (stable query keys and URLs). */
function withQuery(path: string, params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    const text = typeof value === 'string' ? value : value.join(',');
    if (text !== '') search.set(key, text);
  }
  const query = search.toString();
  return query === '' ? path : `${path}?${query}`;
}

/** GET /api/dashboard/map?indicator=…&period=…&level=…&measure=… */
export function mapPath(params: MapParams): string {
  return withQuery('/api/dashboard/map', {
    indicator: params.indicator,
    period: params.period,
    level: params.level,
    measure: params.measure,
  });
}

/** GET /api/dashboard/profile/GM0363?period=…&group=…&groupAreas=… */
export function profilePath(params: ProfileParams): string {
  return withQuery(`/api/dashboard/profile/${encodeURIComponent(params.code)}`, {
    period: params.period,
    group: params.group,
    groupAreas: params.group === 'eigen' ? params.groupAreas : undefined,
  });
}

/** GET /api/dashboard/series?indicator=…&areas=…&measure=…&division=…&changedSince=… */
export function seriesPath(params: SeriesParams): string {
  return withQuery('/api/dashboard/series', {
    indicator: params.indicator,
    areas: params.areas,
    measure: params.measure,
    division: params.division,
    changedSince: params.changedSince,
  });
}

/** GET /api/reports/factsheet?area=…&period=…&group=… (a PDF; a plain link, not a query). */
export function factsheetPath(params: Omit<ProfileParams, 'code'> & { area: string }): string {
  return withQuery('/api/reports/factsheet', {
    area: params.area,
    period: params.period,
    group: params.group,
    groupAreas: params.group === 'eigen' ? params.groupAreas : undefined,
  });
}

/** The download of what a JSON path shows: the same URL with `format=csv` or `format=xlsx`. */
export function downloadPath(jsonPath: string, format: Exclude<ExportFormat, 'json'>): string {
  return `${jsonPath}${jsonPath.includes('?') ? '&' : '?'}format=${format}`;
}

export const mapQuery = (params: MapParams) => {
  const path = mapPath(params);
  return queryOptions({
    queryKey: [...DASHBOARD_KEY, 'map', path],
    queryFn: ({ signal }) => getJson<dashboardSchemas.MapResponse>(path, signal),
    staleTime: DASHBOARD_STALE_MS,
  });
};

export const profileQuery = (params: ProfileParams) => {
  const path = profilePath(params);
  return queryOptions({
    queryKey: [...DASHBOARD_KEY, 'profile', path],
    queryFn: ({ signal }) => getJson<dashboardSchemas.ProfileResponse>(path, signal),
    staleTime: DASHBOARD_STALE_MS,
  });
};

export const seriesQuery = (params: SeriesParams) => {
  const path = seriesPath(params);
  return queryOptions({
    queryKey: [...DASHBOARD_KEY, 'series', path],
    queryFn: ({ signal }) => getJson<dashboardSchemas.SeriesResponse>(path, signal),
    staleTime: DASHBOARD_STALE_MS,
  });
};

/** One indicator of the catalogue (GET /api/indicators/:code); 404 for an unknown code. */
export const indicatorQuery = (code: string) =>
  queryOptions({
    queryKey: [...FIGURES_KEY, 'indicator', code],
    queryFn: ({ signal }) => getJson<Indicator>(`/api/indicators/${encodeURIComponent(code)}`, signal),
    staleTime: DASHBOARD_STALE_MS,
  });
