/**
 * Start-up benchmark (`npm run bench:startup`): time from process start to the first successful
 * GET /api/health, on a new data folder and on an existing one. Targets: ≤ 6 s new, ≤ 2 s existing.
 * Runs the server as `npm start` does, from the bundle that `npm run build` makes (`dist/cli/entry.js serve`,
 * a new data folder starting from the seed image), and, for comparison, from the TypeScript sources through
 * tsx (`bin/ketenzicht.js serve`, what `npx ketenzicht serve` runs).
 */
import { spawn } from 'node:child_process';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readSeedImage } from '../src/server/db/seed-image.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ENTRIES = {
  'npm start (dist bundle)': path.resolve('dist/cli/entry.js'),
  'npx ketenzicht (tsx)': path.resolve('bin/ketenzicht.js'),
};

async function timeToHealthy(entry: string, dataDir: string, port: number): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [entry, 'serve'], {
    env: {
      ...process.env,
      KETENZICHT_DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
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
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main() {
  await access(ENTRIES['npm start (dist bundle)']).catch(() => {
    throw new Error('No build found: run `npm run build` first (npm run bench:startup does).');
  });
  if ((await readSeedImage()) === undefined)
    throw new Error('The seed image is missing or stale: run `npm run build`.');
  console.log(`start-up to first healthy /api/health, ${RUNS} runs each (median, min–max):`);
  for (const [label, entry] of Object.entries(ENTRIES)) {
    const fresh: number[] = [];
    const existing: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const dataDir = await mkdtemp(path.join(tmpdir(), 'ketenzicht-bench-'));
      const port = 30_000 + Math.floor(Math.random() * 20_000);
      try {
        fresh.push(await timeToHealthy(entry, dataDir, port));
        existing.push(await timeToHealthy(entry, dataDir, port));
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    }
    const line = (name: string, values: number[], targetMs: number) =>
      `    ${name} ${seconds(median(values))}  (${seconds(Math.min(...values))}–${seconds(Math.max(...values))})` +
      `  target ≤ ${targetMs / 1000} s, ratio to target ${(median(values) / targetMs).toFixed(2)}`;
    console.log(`  ${label}`);
    console.log(line('new data folder:     ', fresh, 6000));
    console.log(line('existing data folder:', existing, 2000));
  }
}

await main();
