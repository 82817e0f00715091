/**
 * Start-up benchmark (`npm run bench:startup`): time from process start to the first successful
 * GET /api/health, on a new data folder and on an existing one. Targets: ≤ 6 s new, ≤ 2 s existing.
 * Runs the real CLI (`node bin/ketenzicht.js serve`) as a user would after `npm run build`.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSeedImage } from '../src/server/db/seed-image.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const BIN = path.resolve('bin/ketenzicht.js');

async function timeToHealthy(dataDir: string, port: number): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: { ...process.env, KETENZICHT_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      try {
        const response = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (response.ok) return performance.now() - started;
      } catch {
        // not listening yet
      }
      if (performance.now() - started > 60_000) throw new Error('no healthy answer within 60 s');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main() {
  const built = await buildSeedImage();
  console.log(built ? 'Built the seed image first (npm run build does this).' : 'Seed image up to date.');
  const fresh: number[] = [];
  const existing: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'ketenzicht-bench-'));
    const port = 30_000 + Math.floor(Math.random() * 20_000);
    try {
      fresh.push(await timeToHealthy(dataDir, port));
      existing.push(await timeToHealthy(dataDir, port));
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }
  console.log(`start-up to first healthy /api/health, ${RUNS} runs each (median, min–max):`);
  console.log(
    `  new data folder:      ${seconds(median(fresh))}  (${seconds(Math.min(...fresh))}–${seconds(Math.max(...fresh))})  target ≤ 6 s  ratio ${(median(fresh) / 6000).toFixed(2)}`,
  );
  console.log(
    `  existing data folder: ${seconds(median(existing))}  (${seconds(Math.min(...existing))}–${seconds(Math.max(...existing))})  target ≤ 2 s  ratio ${(median(existing) / 2000).toFixed(2)}`,
  );
}

await main();
