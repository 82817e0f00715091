// SPDX-License-Identifier: EUPL-1.2
/**
 * The state-changing calls of the API: those of the access module, and the import of a merger file. Each
 * carries the CSRF token of the session (or, before sign-in, of the visitor's CSRF cookie) from
 * GET /api/auth/session; when the server refuses a stale token, the session is asked again and the call
 * repeated once with the fresh token.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { Role } from '../../../src/shared/access.ts';
import { ApiError, mergerImportPath, sendFile, sendJson, type WriteMethod } from './client.ts';
import { sessionQuery } from './queries.ts';
import type {
  CreatedUser,
  CreateUserInput,
  InstallationSettings,
  MergerImportResult,
  OrganisationDetail,
  OrganisationInput,
  PasswordLink,
  SessionState,
  UpdateUserInput,
  UserSummary,
} from './types.ts';

/**
 * Runs `request` with the session's CSRF token; after a 403, once more with a fresh token if there is one.
 * Also used by the figures imports (figures-client.ts).
 */
export async function withCsrf<T>(
  queryClient: QueryClient,
  request: (csrfToken: string) => Promise<T>,
): Promise<T> {
  const { csrfToken } = await queryClient.ensureQueryData(sessionQuery());
  try {
    return await request(csrfToken);
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 403)) throw error;
    const fresh = await queryClient.fetchQuery({ ...sessionQuery(), staleTime: 0 });
    if (fresh.csrfToken === csrfToken) throw error;
    return request(fresh.csrfToken);
  }
}

function send<T>(queryClient: QueryClient, method: WriteMethod, path: string, body?: unknown): Promise<T> {
  return withCsrf(queryClient, (csrfToken) => sendJson<T>(method, path, csrfToken, body));
}

const id = encodeURIComponent;

export const accessApi = {
  signIn: (queryClient: QueryClient, body: { email: string; password: string }) =>
    send<SessionState>(queryClient, 'POST', '/api/auth/sign-in', body),
  signOut: (queryClient: QueryClient) => send<{ ok: true }>(queryClient, 'POST', '/api/auth/sign-out'),
  signOutEverywhere: (queryClient: QueryClient) =>
    send<{ sessionsEnded: number }>(queryClient, 'POST', '/api/auth/sign-out-everywhere'),
  changePassword: (queryClient: QueryClient, body: { currentPassword: string; newPassword: string }) =>
    send<{ ok: true }>(queryClient, 'POST', '/api/auth/password', body),
  setPassword: (queryClient: QueryClient, body: { token: string; newPassword: string }) =>
    send<{ email: string }>(queryClient, 'POST', '/api/auth/set-password', body),

  createOrganisation: (queryClient: QueryClient, body: OrganisationInput) =>
    send<OrganisationDetail>(queryClient, 'POST', '/api/organisations', body),
  updateOrganisation: (queryClient: QueryClient, organisationId: number, body: OrganisationInput) =>
    send<OrganisationDetail>(queryClient, 'PUT', `/api/organisations/${organisationId}`, body),

  createUser: (queryClient: QueryClient, body: CreateUserInput) =>
    send<CreatedUser>(queryClient, 'POST', '/api/users', body),
  updateUser: (queryClient: QueryClient, userId: string, body: UpdateUserInput) =>
    send<UserSummary>(queryClient, 'PATCH', `/api/users/${id(userId)}`, body),
  issuePasswordLink: (queryClient: QueryClient, userId: string) =>
    send<PasswordLink>(queryClient, 'POST', `/api/users/${id(userId)}/password-link`),
  setMembership: (queryClient: QueryClient, userId: string, organisationId: number, role: Role) =>
    send<UserSummary>(queryClient, 'PUT', `/api/users/${id(userId)}/memberships/${organisationId}`, {
      role,
    }),
  removeMembership: (queryClient: QueryClient, userId: string, organisationId: number) =>
    send<UserSummary>(queryClient, 'DELETE', `/api/users/${id(userId)}/memberships/${organisationId}`),

  updateSettings: (queryClient: QueryClient, body: InstallationSettings) =>
    send<InstallationSettings>(queryClient, 'PUT', '/api/settings', body),

  /** A merger CSV as the raw request body: checked only (`dryRun`), or imported (all rows or none). */
  importMergers: (queryClient: QueryClient, file: Blob, options: { fileName: string; dryRun: boolean }) =>
    withCsrf(queryClient, (csrfToken) =>
      sendFile<MergerImportResult>(mergerImportPath(options), csrfToken, file, 'text/csv'),
    ),
};
