/**
 * What the first page load transfers: the JavaScript index.html loads, compressed as browsers ask for it.
 * Issue 6's budget is 300 kB of gzipped JavaScript; the map's charts (ECharts) load later, only where used.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/app.ts';

type Raw = { status: number; headers: http.IncomingHttpHeaders; bytes: number; body: string };

function getRaw(url: string, acceptEncoding?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            bytes: body.length,
            body: body.toString(),
          });
        });
      })
      .on('error', reject);
  });
}

describe('first page load', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer();
  }, 60_000);
  afterAll(async () => server?.close());

  it('transfers at most 300 kB of gzipped JavaScript, and charts only later', async () => {
    const page = await getRaw(`${server.url}/`);
    const scripts = [...page.body.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map(
      (match) => match[1] as string,
    );
    expect(scripts.length).toBeGreaterThan(0);
    let total = 0;
    for (const script of scripts) {
      const gzipped = await getRaw(`${server.url}${script}`, 'gzip');
      expect(gzipped.status).toBe(200);
      expect(gzipped.headers['content-encoding']).toBe('gzip');
      expect(gzipped.headers['content-type']).toContain('javascript');
      total += gzipped.bytes;
      const plain = await getRaw(`${server.url}${script}`);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.bytes).toBeGreaterThan(gzipped.bytes * 2);
      // The lazy chart chunk is not among what index.html loads.
      expect(script).not.toMatch(/echart/);
    }
    expect(total).toBeLessThanOrEqual(300 * 1024);
  });
});
