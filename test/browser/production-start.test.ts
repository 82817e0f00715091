// SPDX-License-Identifier: EUPL-1.2
/**
 * The production path as `npm start` runs it: the built bundle (dist/cli), a new data folder started from the
 * seed image, the built web app, then a restart on the same folder. Runs after `npm run build`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ENTRY = path.resolve('dist/cli/entry.js');

async function serve(dataDir: string, port: number): Promise<{ child: ChildProcess; logs: () => string }> {
  let logs = '';
  const child = spawn(process.execPath, [ENTRY, 'serve', '--port', String(port)], {
    env: { ...process.env, KETENZICHT_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => {
    logs += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    logs += chunk;
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${logs}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return { child, logs: () => logs };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`no healthy server within 60 s:\n${logs}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  return exited;
}

describe('npm start: the built server bundle', () => {
  let dataDir: string;
  beforeAll(async () => {
    if (!existsSync(ENTRY)) throw new Error('dist/cli is missing: run `npm run build` first');
    dataDir = await mkdtemp(path.join(tmpdir(), 'ketenzicht-production-'));
  });
  afterAll(async () => rm(dataDir, { recursive: true, force: true }));

  it('starts a new data folder from the seed image, serves API, docs and web app, and restarts cleanly', async () => {
    const port = 40_000 + Math.floor(Math.random() * 10_000);
    const base = `http://127.0.0.1:${port}`;
    const first = await serve(dataDir, port);
    try {
      expect(first.logs()).toContain('"createdFromSeedImage":true');
      expect(await (await fetch(`${base}/api/health`)).json()).toMatchObject({
        status: 'ok',
        database: 'pglite',
      });
      const found = (await (await fetch(`${base}/api/areas?q=sudwest`)).json()) as {
        items: { code: string }[];
      };
      expect(found.items.map((area) => area.code)).toEqual(['GM1900']);
      const page = await fetch(`${base}/gemeente/GM1900`);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(await page.text()).toContain('<div id="root">');
      const docs = (await (await fetch(`${base}/docs/json`)).json()) as { paths: Record<string, unknown> };
      expect(Object.keys(docs.paths)).toContain('/api/areas/{code}');
    } finally {
      expect(await stop(first.child)).toBe(0);
    }
    const second = await serve(dataDir, port);
    try {
      expect(second.logs()).toContain('"isNew":false');
      expect(second.logs()).toContain('"referenceLoaded":false');
      const land = (await (await fetch(`${base}/api/areas?level=land`)).json()) as {
        items: { population: number }[];
      };
      expect(land.items[0]?.population).toBe(18_130_208);
    } finally {
      expect(await stop(second.child)).toBe(0);
    }
  });
});
