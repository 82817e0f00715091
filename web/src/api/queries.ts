// SPDX-License-Identifier: EUPL-1.2
import { MutationCache, QueryCache, QueryClient, queryOptions } from '@tanstack/react-query';
import {
  type AreaListParams,
  fetchArea,
  fetchAreas,
  fetchBoundaries,
  fetchMergers,
  getJson,
  isClientError,
  isUnauthorized,
} from './client.ts';
import type {
  AuditPage,
  InstallationSettings,
  MapLevel,
  OrganisationDetail,
  OrganisationList,
  SessionState,
  UserList,
  UserSummary,
} from './types.ts';

const MAX_RETRIES = 2;
const FIVE_MINUTES = 5 * 60 * 1000;

export const SESSION_KEY = ['session'] as const;

export function createQueryClient(): QueryClient {
  // A 401 anywhere means the session ended (expired, signed out elsewhere, disabled): ask who is signed in
  // again, so the pages that need a session send the visitor to /inloggen.
  // (A failed sign-in is a 401 too: only a session believed alive is asked about.)
  const onError = (error: unknown, key: readonly unknown[] | undefined) => {
    const believedSignedIn = client.getQueryData<SessionState>(SESSION_KEY)?.user;
    if (isUnauthorized(error) && believedSignedIn && key?.[0] !== SESSION_KEY[0])
      void client.invalidateQueries({ queryKey: SESSION_KEY });
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => onError(error, query.queryKey) }),
    mutationCache: new MutationCache({ onError: (error) => onError(error, undefined) }),
    defaultOptions: {
      queries: {
        staleTime: FIVE_MINUTES,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => !isClientError(error) && failureCount < MAX_RETRIES,
      },
    },
  });
  return client;
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

/** Who is signed in, the CSRF token to send back, and the installation's state. */
export const sessionQuery = () =>
  queryOptions({
    queryKey: SESSION_KEY,
    queryFn: ({ signal }) => getJson<SessionState>('/api/auth/session', signal),
    staleTime: 60_000,
  });

/** Data of the administration pages: keys under ['access'], dropped together at sign-in and sign-out. */
export const ACCESS_KEY = ['access'] as const;

export const organisationsQuery = () =>
  queryOptions({
    queryKey: [...ACCESS_KEY, 'organisations'],
    queryFn: ({ signal }) => getJson<OrganisationList>('/api/organisations', signal),
    staleTime: 0,
  });

export const organisationQuery = (id: string) =>
  queryOptions({
    queryKey: [...ACCESS_KEY, 'organisation', id],
    queryFn: ({ signal }) =>
      getJson<OrganisationDetail>(`/api/organisations/${encodeURIComponent(id)}`, signal),
    staleTime: 0,
  });

export const usersQuery = () =>
  queryOptions({
    queryKey: [...ACCESS_KEY, 'users'],
    queryFn: ({ signal }) => getJson<UserList>('/api/users', signal),
    staleTime: 0,
  });

export const userQuery = (id: string) =>
  queryOptions({
    queryKey: [...ACCESS_KEY, 'user', id],
    queryFn: ({ signal }) => getJson<UserSummary>(`/api/users/${encodeURIComponent(id)}`, signal),
    staleTime: 0,
  });

export const settingsQuery = () =>
  queryOptions({
    queryKey: [...ACCESS_KEY, 'settings'],
    queryFn: ({ signal }) => getJson<InstallationSettings>('/api/settings', signal),
    staleTime: 0,
  });

/** One page of the audit log; `query` is the API's query string (filters, limit, offset). */
export const auditQuery = (query: string) =>
  queryOptions({
    queryKey: [...ACCESS_KEY, 'audit', query],
    queryFn: ({ signal }) => getJson<AuditPage>(`/api/audit?${query}`, signal),
    staleTime: 0,
  });
