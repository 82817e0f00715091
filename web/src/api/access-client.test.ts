// SPDX-License-Identifier: EUPL-1.2
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { accessApi } from './access-client.ts';
import { ApiError } from './client.ts';

function session(csrfToken: string) {
  return {
    user: null,
    csrfToken,
    setupNeeded: false,
    figuresPublic: true,
    oidc: { enabled: false, label: '' },
  };
}

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** A fake server: answers the session with the next token, and the write with what `write` returns. */
function stubFetch(tokens: string[], write: (token: string | null) => Response) {
  const calls: { url: string; method: string; token: string | null; body: unknown }[] = [];
  const fetchStub = vi.fn(async (url: string, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    const method = init?.method ?? 'GET';
    const token = headers.get('x-csrf-token');
    calls.push({ url, method, token, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    if (url === '/api/auth/session') return json(200, session(tokens.shift() ?? 'laatste'));
    return write(token);
  });
  vi.stubGlobal('fetch', fetchStub);
  return calls;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('accessApi', () => {
  it('sends the CSRF token of the session with a JSON body', async () => {
    const calls = stubFetch(['token-1'], () => json(200, { ok: true }));
    await accessApi.changePassword(new QueryClient(), { currentPassword: 'oud', newPassword: 'nieuw' });
    expect(calls).toEqual([
      { url: '/api/auth/session', method: 'GET', token: null, body: undefined },
      {
        url: '/api/auth/password',
        method: 'POST',
        token: 'token-1',
        body: { currentPassword: 'oud', newPassword: 'nieuw' },
      },
    ]);
  });

  it('asks the session again after a refused token and repeats the request once with the new one', async () => {
    const calls = stubFetch(['verlopen', 'vers'], (token) =>
      token === 'vers' ? json(200, { ok: true }) : json(403, { message: 'CSRF' }),
    );
    await accessApi.signOut(new QueryClient());
    expect(calls.map((call) => [call.method, call.url, call.token])).toEqual([
      ['GET', '/api/auth/session', null],
      ['POST', '/api/auth/sign-out', 'verlopen'],
      ['GET', '/api/auth/session', null],
      ['POST', '/api/auth/sign-out', 'vers'],
    ]);
  });

  it('passes on a refusal that a new token does not change, with message and parameter', async () => {
    stubFetch(['zelfde', 'zelfde'], () =>
      json(403, { message: 'Hiervoor is de rol beheerder nodig.', parameter: 'role' }),
    );
    const failure = accessApi.updateSettings(new QueryClient(), { figuresPublic: false });
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({
      status: 403,
      message: 'Hiervoor is de rol beheerder nodig.',
      parameter: 'role',
    });
  });

  it('does not repeat other failures', async () => {
    const calls = stubFetch(['token'], () => json(400, { message: 'Vul de naam in', parameter: 'name' }));
    await expect(
      accessApi.createOrganisation(new QueryClient(), { kind: 'politie', name: '' }),
    ).rejects.toMatchObject({ status: 400, parameter: 'name' });
    expect(calls.filter((call) => call.method === 'POST')).toHaveLength(1);
  });
});
