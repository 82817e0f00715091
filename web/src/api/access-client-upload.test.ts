// SPDX-License-Identifier: EUPL-1.2
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { accessApi } from './access-client.ts';
import { ApiError, mergerImportPath } from './client.ts';

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function session(csrfToken: string) {
  return {
    user: null,
    csrfToken,
    setupNeeded: false,
    figuresPublic: true,
    oidc: { enabled: false, label: '' },
  };
}

interface Call {
  url: string;
  method: string;
  token: string | null;
  contentType: string | null;
  body: BodyInit | null | undefined;
}

/** A fake server: answers the session with the next token, and the upload with what `upload` returns. */
function stubFetch(tokens: string[], upload: (token: string | null) => Response) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      const token = headers.get('x-csrf-token');
      calls.push({
        url,
        method: init?.method ?? 'GET',
        token,
        contentType: headers.get('content-type'),
        body: init?.body,
      });
      if (url === '/api/auth/session') return json(200, session(tokens.shift() ?? 'laatste'));
      return upload(token);
    }),
  );
  return calls;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('mergerImportPath', () => {
  it('puts the dry run and the encoded file name in the query string', () => {
    expect(mergerImportPath({ dryRun: true, fileName: 'herindelingen 2026 & co.csv' })).toBe(
      '/api/mergers/import?dryRun=true&fileName=herindelingen+2026+%26+co.csv',
    );
    expect(mergerImportPath({ dryRun: false, fileName: 'a.csv' })).toBe(
      '/api/mergers/import?dryRun=false&fileName=a.csv',
    );
  });
});

describe('accessApi.importMergers', () => {
  const file = new Blob(['old_code,old_name\n'], { type: 'application/vnd.ms-excel' });
  const result = { fileName: 'h.csv', rows: 1, dryRun: true, encoding: 'utf-8' };

  it('posts the file itself as text/csv with the session’s CSRF token', async () => {
    const calls = stubFetch(['token-1'], () => json(200, result));
    await expect(
      accessApi.importMergers(new QueryClient(), file, { fileName: 'h.csv', dryRun: true }),
    ).resolves.toEqual(result);
    expect(calls[1]).toEqual({
      url: '/api/mergers/import?dryRun=true&fileName=h.csv',
      method: 'POST',
      token: 'token-1',
      contentType: 'text/csv',
      body: file,
    });
  });

  it('repeats the upload once with a fresh token after a refused one', async () => {
    const calls = stubFetch(['verlopen', 'vers'], (token) =>
      token === 'vers' ? json(200, result) : json(403, { message: 'CSRF' }),
    );
    await accessApi.importMergers(new QueryClient(), file, { fileName: 'h.csv', dryRun: false });
    expect(calls.map((call) => [call.method, call.token, call.body === file])).toEqual([
      ['GET', null, false],
      ['POST', 'verlopen', true],
      ['GET', null, false],
      ['POST', 'vers', true],
    ]);
  });

  it('passes on every problem of a refused file, and ignores malformed ones', async () => {
    const problem = { row: 2, column: 'old_code', value: 'X', message: 'Geen geldige gemeentecode.' };
    stubFetch(['token'], () =>
      json(400, { message: 'h.csv: 1 fout(en)', problems: [problem, { row: 'twee' }, null] }),
    );
    const failure = accessApi.importMergers(new QueryClient(), file, { fileName: 'h.csv', dryRun: true });
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({
      status: 400,
      message: 'h.csv: 1 fout(en)',
      problems: [problem],
    });
  });

  it('has no problems for other refusals', async () => {
    stubFetch(['token'], () =>
      json(415, { message: 'h.csv is een Excel- of zipbestand, geen CSV-bestand.' }),
    );
    await expect(
      accessApi.importMergers(new QueryClient(), file, { fileName: 'h.csv', dryRun: true }),
    ).rejects.toMatchObject({ status: 415, problems: [] });
  });
});
