// SPDX-License-Identifier: EUPL-1.2
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './client.ts';
import { figuresApi, importFormData, importParameters, importPath, sendMultipart } from './figures-client.ts';

type Listener = (event: { loaded?: number; total?: number; lengthComputable?: boolean }) => void;

/** A stand-in for XMLHttpRequest: records what is sent and answers with `answer` (after upload progress). */
class FakeRequest {
  static sent: FakeRequest[] = [];
  static answer: (request: FakeRequest) => { status: number; body: string } | 'network-error' = () => ({
    status: 200,
    body: '{}',
  });
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown;
  status = 0;
  statusText = '';
  responseText = '';
  readonly listeners = new Map<string, Listener[]>();
  readonly uploadListeners = new Map<string, Listener[]>();
  readonly upload = {
    addEventListener: (type: string, listener: Listener) =>
      this.uploadListeners.set(type, [...(this.uploadListeners.get(type) ?? []), listener]),
  };
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name.toLowerCase()] = value;
  }
  getResponseHeader() {
    return 'application/json';
  }
  addEventListener(type: string, listener: Listener) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  abort() {
    for (const listener of this.listeners.get('abort') ?? []) listener({});
  }
  send(body: unknown) {
    this.body = body;
    FakeRequest.sent.push(this);
    queueMicrotask(() => {
      const answer = FakeRequest.answer(this);
      if (answer === 'network-error') {
        for (const listener of this.listeners.get('error') ?? []) listener({});
        return;
      }
      for (const listener of this.uploadListeners.get('progress') ?? [])
        listener({ loaded: 5, total: 10, lengthComputable: true });
      for (const listener of this.uploadListeners.get('load') ?? []) listener({});
      this.status = answer.status;
      this.responseText = answer.body;
      for (const listener of this.listeners.get('load') ?? []) listener({});
    });
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeRequest.sent = [];
});

describe('the import parameters', () => {
  it('always name the dry run; the format and a mapping only when given', () => {
    expect(importParameters({ dryRun: true })).toEqual([['dryRun', 'true']]);
    expect(importParameters({ dryRun: false, format: '', mapping: {} })).toEqual([['dryRun', 'false']]);
    expect(
      importPath({ dryRun: true, format: 'xlsx', mapping: { layout: 'wide', indicator: 'vt_adviezen' } }),
    ).toBe(
      '/api/imports?dryRun=true&format=xlsx&mapping=%7B%22layout%22%3A%22wide%22%2C%22indicator%22%3A%22vt_adviezen%22%7D',
    );
  });

  it('go as form fields before the file, which is sent under its name in the field "file"', () => {
    const form = importFormData(new Blob(['a;b\n']), 'cijfers.csv', {
      dryRun: false,
      format: 'ketenzicht-csv',
    });
    const entries = [...form.entries()];
    expect(entries.map(([name]) => name)).toEqual(['dryRun', 'format', 'file']);
    expect(entries[0]?.[1]).toBe('false');
    expect((form.get('file') as File).name).toBe('cijfers.csv');
  });
});

describe('sendMultipart', () => {
  it('posts with the CSRF token, reports progress, and resolves a 422 answer as a report', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeRequest);
    FakeRequest.answer = () => ({ status: 422, body: '{"outcome":"geweigerd"}' });
    const progress: unknown[] = [];
    const result = await sendMultipart('/api/imports?dryRun=true', 'token-1', new FormData(), {
      onProgress: (step) => progress.push(step),
      answerStatuses: [422],
    });
    expect(result).toEqual({ status: 422, body: { outcome: 'geweigerd' } });
    expect(FakeRequest.sent[0]).toMatchObject({
      method: 'POST',
      url: '/api/imports?dryRun=true',
      headers: { 'x-csrf-token': 'token-1', accept: 'application/json' },
    });
    expect(progress).toEqual([{ phase: 'uploading', loaded: 5, total: 10 }, { phase: 'processing' }]);
  });

  it('rejects another error answer as an ApiError with the server’s message', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeRequest);
    FakeRequest.answer = () => ({ status: 413, body: '{"message":"Het bestand is te groot."}' });
    const failure = sendMultipart('/api/imports', 't', new FormData(), { answerStatuses: [422] });
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ status: 413, message: 'Het bestand is te groot.' });
  });

  it('rejects when no answer comes, and when aborted', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeRequest);
    FakeRequest.answer = () => 'network-error';
    await expect(sendMultipart('/api/imports', 't', new FormData())).rejects.toBeInstanceOf(TypeError);
    const controller = new AbortController();
    controller.abort();
    await expect(
      sendMultipart('/api/imports', 't', new FormData(), { signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('figuresApi.importFile', () => {
  it('asks the session for a fresh CSRF token after a 403, and sends the file again', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeRequest);
    const tokens = ['oud', 'nieuw'];
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify({ user: null, csrfToken: tokens.shift() ?? 'laatste' }), {
            status: 200,
            headers: { 'content-type': 'application/json' },
          }),
      ),
    );
    FakeRequest.answer = (request) =>
      request.headers['x-csrf-token'] === 'nieuw'
        ? { status: 200, body: '{"outcome":"proefimport"}' }
        : { status: 403, body: '{"message":"Ongeldig CSRF-token"}' };
    const result = await figuresApi.importFile(new QueryClient(), new Blob(['x']), 'a.csv', { dryRun: true });
    expect(result.body).toEqual({ outcome: 'proefimport' });
    expect(FakeRequest.sent.map((request) => request.headers['x-csrf-token'])).toEqual(['oud', 'nieuw']);
  });
});
