/**
 * Load benchmark (`npm run bench:load`): 50 connections for 20 s (BENCH_CONNECTIONS, BENCH_SECONDS) from this
 * process against signed-in read endpoints of a Ketenzicht server in another process, while writes run beside
 * them. Targets: 0 errors, p99 ≤ 100 ms; reports requests/s. Loopback only, bounded in time.
 *
 * The writes are imports: the shipped merger file (56 rows) uploaded to POST /api/mergers/import over and over,
 * each all-or-nothing in one transaction with its audit entry. PGlite by default; BENCH_DATABASE_URL=postgres://…
 * runs the server on PostgreSQL instead.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import autocannon from 'autocannon';

const run = promisify(execFile);
const ENTRY = path.resolve('dist/cli/entry.js');
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? '';
const PORT = 39_000 + Math.floor(Math.random() * 1000);
const BASE = `http://127.0.0.1:${PORT}`;
const PASSWORD = 'een lang wachtwoord voor de meting';

async function main() {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'ketenzicht-bench-load-'));
  const env = {
    ...process.env,
    KETENZICHT_DATA_DIR: dataDir,
    DATABASE_URL,
    PORT: String(PORT),
    LOG_LEVEL: 'warn',
  };
  let server: ChildProcess | undefined;
  try {
    const email = `bench-${Date.now()}@ketenzicht.example`;
    const created = await run(process.execPath, [ENTRY, 'admin', 'create', '--email', email], { env });
    const token = /#token=([\w-]+)/.exec(created.stdout)?.[1];
    if (!token) throw new Error(`admin create printed no link:\n${created.stdout}${created.stderr}`);

    server = spawn(process.execPath, [ENTRY, 'serve'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    await waitUntilHealthy();
    const session = await signIn(email, token);
    const me = (await getJson('/api/auth/session', session.cookie)) as {
      user: { id: string; memberships: { organisationId: number }[] };
    };
    const organisationId = me.user.memberships[0]?.organisationId ?? 1;
    const headers = { cookie: session.cookie, accept: 'application/json' };
    const reads = [
      '/api/auth/session',
      '/api/areas?level=gemeente',
      '/api/areas/GM0363',
      '/api/areas?level=veiligthuisregio',
      `/api/organisations/${organisationId}`,
      `/api/users/${me.user.id}`,
      '/api/audit?limit=20',
      '/api/mergers',
      '/api/areas?q=sudwest',
    ];

    const mergerFile = await readFile('reference-data/herindelingen.csv');
    let writes = 0;
    let writeErrors = 0;
    let writing = true;
    const writer = (async () => {
      while (writing) {
        try {
          const response = await fetch(`${BASE}/api/mergers/import?fileName=herindelingen.csv`, {
            method: 'POST',
            headers: {
              'content-type': 'text/csv',
              cookie: session.cookie,
              'x-csrf-token': session.csrfToken,
            },
            body: mergerFile,
          });
          if (response.status !== 200)
            throw new Error(`import answered ${response.status}: ${await response.text()}`);
          writes++;
        } catch (error) {
          writeErrors++;
          console.error('write failed:', (error as Error).message);
        }
      }
    })();

    console.log(
      `Load: ${CONNECTIONS} connections for ${SECONDS} s on ${DATABASE_URL ? 'PostgreSQL' : 'PGlite'}, ${reads.length} signed-in read endpoints, merger-file imports running beside them…`,
    );
    const result = await autocannon({
      url: BASE,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: reads.map((requestPath) => ({ method: 'GET' as const, path: requestPath, headers })),
    });
    writing = false;
    await writer;

    const failed = result.errors + result.timeouts + result.non2xx;
    const rows: [string, string, string][] = [
      ['requests/s (mean)', result.requests.average.toFixed(0), ''],
      ['requests in total', String(result.requests.total), ''],
      ['latency p50', `${result.latency.p50} ms`, ''],
      [
        'latency p99',
        `${result.latency.p99} ms`,
        `target ≤ 100 ms: ${result.latency.p99 <= 100 ? 'met' : 'MISSED'}`,
      ],
      ['latency max', `${result.latency.max} ms`, ''],
      ['errors + timeouts + non-2xx', String(failed), `target 0: ${failed === 0 ? 'met' : 'MISSED'}`],
      ['imports completed during the run', String(writes), `${writeErrors} failed`],
    ];
    for (const [label, value, note] of rows)
      console.log(`  ${label.padEnd(32)} ${value.padStart(10)}  ${note}`);
    if (failed > 0 || writeErrors > 0) process.exitCode = 1;
  } finally {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server?.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function waitUntilHealthy() {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('server did not become healthy within 60 s');
}

/** Sets the password with the one-time link, then signs in as a browser would (CSRF cookie first). */
async function signIn(email: string, token: string): Promise<{ cookie: string; csrfToken: string }> {
  const state = await fetch(`${BASE}/api/auth/session`);
  const csrfCookie = state.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
  const { csrfToken } = (await state.json()) as { csrfToken: string };
  const post = (url: string, body: unknown) =>
    fetch(`${BASE}${url}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie: csrfCookie },
      body: JSON.stringify(body),
    });
  const set = await post('/api/auth/set-password', { token, newPassword: PASSWORD });
  if (!set.ok) throw new Error(`set-password answered ${set.status}: ${await set.text()}`);
  const signedIn = await post('/api/auth/sign-in', { email, password: PASSWORD });
  if (!signedIn.ok) throw new Error(`sign-in answered ${signedIn.status}: ${await signedIn.text()}`);
  const cookie = signedIn.headers
    .getSetCookie()
    .map((value) => value.split(';')[0])
    .join('; ');
  return { cookie, csrfToken: ((await signedIn.json()) as { csrfToken: string }).csrfToken };
}

async function getJson(url: string, cookie: string): Promise<unknown> {
  const response = await fetch(`${BASE}${url}`, { headers: { cookie } });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}

await main();
