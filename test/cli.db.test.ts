/** The `ketenzicht` command as a user runs it: a real process on a real data folder or PostgreSQL database. */
import { execFile, spawn, spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { lockDataDir } from '../src/server/db/data-dir-lock.ts';
import { openConfiguredDatabase } from '../src/server/db/open.ts';
import { createTestDatabase, type TestDatabase } from './support/database.ts';
import { withDatabase } from './support/database-templates.ts';

const run = promisify(execFile);
const BIN = path.resolve('bin/ketenzicht.js');

async function ketenzicht(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env: { ...process.env, DATABASE_URL: '', ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch {
      // not ready yet
    }
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('ketenzicht CLI on a PGlite data folder', () => {
  // One folder is prepared once; every test works on its own copy of it.
  let prepared: string;
  let dataDir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    prepared = await mkdtemp(path.join(tmpdir(), 'ketenzicht-cli-prepared-'));
    const opened = await openConfiguredDatabase({ dataDir: prepared, databaseUrl: undefined });
    await opened.close();
  });
  afterAll(async () => rm(prepared, { recursive: true, force: true }));
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'ketenzicht-cli-'));
    await cp(prepared, dataDir, { recursive: true });
    env = { KETENZICHT_DATA_DIR: dataDir };
  });
  afterEach(async () => rm(dataDir, { recursive: true, force: true }));

  it('migrate creates a new database and loads the reference geography once', async () => {
    const fresh = await mkdtemp(path.join(tmpdir(), 'ketenzicht-cli-new-'));
    onTestFinished(() => rm(fresh, { recursive: true, force: true }));
    const first = await ketenzicht(['migrate'], { KETENZICHT_DATA_DIR: fresh });
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('Created a new database');
    expect(first.stdout).toContain('Reference geography loaded.');
    const second = await ketenzicht(['migrate'], { KETENZICHT_DATA_DIR: fresh });
    expect(second.stdout).not.toContain('Created a new database');
    expect(second.stdout).toContain('Reference geography was already loaded.');
  });

  it('areas searches without regard to diacritics and prints Dutch numbers', async () => {
    const { code, stdout } = await ketenzicht(['areas', 'sudwest'], env);
    expect(code).toBe(0);
    expect(stdout).toMatch(/GM1900\s+Súdwest-Fryslân\s+90\.521/);
    const regions = await ketenzicht(['areas', '--level', 'veiligthuisregio', '--json'], env);
    expect(JSON.parse(regions.stdout)).toHaveLength(25);
    const members = await ketenzicht(['areas', '--parent', 'vt01', '--json'], env);
    expect(JSON.parse(members.stdout).map((area: { code: string }) => area.code)).toContain('GM0363');
  });

  it('refuses to open a data folder another process holds, and says so', async () => {
    const release = await lockDataDir(dataDir);
    try {
      const { code, stderr } = await ketenzicht(['migrate'], env);
      expect(code).toBe(2);
      expect(stderr).toContain(`The data folder ${dataDir} is in use by another Ketenzicht process`);
    } finally {
      await release();
    }
  });

  it('serve runs the server, which CLI verbs then go through, and stops cleanly on SIGTERM', async () => {
    const server = spawn(process.execPath, [BIN, 'serve', '--port', '0'], {
      env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    server.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
    try {
      const url = await waitFor(async () => {
        const info = JSON.parse(await readFile(path.join(dataDir, '.ketenzicht-server.json'), 'utf8'));
        const response = await fetch(`${info.url}/api/health`);
        return response.ok ? (info.url as string) : undefined;
      });
      expect((await (await fetch(`${url}/api/health`)).json()).database).toBe('pglite');
      // A read goes through the running server; a write refuses and names the server.
      const areas = await ketenzicht(['areas', 'sudwest', '--json'], env);
      expect(JSON.parse(areas.stdout).map((area: { code: string }) => area.code)).toEqual(['GM1900']);
      const migrate = await ketenzicht(['migrate'], env);
      expect(migrate.code).toBe(2);
      expect(migrate.stderr).toContain(`in use by the Ketenzicht server at ${url}`);
    } finally {
      server.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
    // The folder is free again and the server's address is gone.
    await expect(readFile(path.join(dataDir, '.ketenzicht-server.json'), 'utf8')).rejects.toThrow();
    const release = await lockDataDir(dataDir);
    await release();
  });

  it('ignores the address a crashed server left behind', async () => {
    // A server that was killed leaves its address but not a live lock: the CLI must not trust the address.
    await writeFile(
      path.join(dataDir, '.ketenzicht-server.json'),
      JSON.stringify({ url: 'http://127.0.0.1:9', pid: 999_999 }),
    );
    const { code, stdout } = await ketenzicht(['areas', 'sudwest', '--json'], env);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).map((area: { code: string }) => area.code)).toEqual(['GM1900']);
  });

  it('mergers import reports every bad row with row and column, and changes nothing', async () => {
    const file = path.join(dataDir, 'herindelingen-fout.csv');
    await writeFile(
      file,
      'old_code,old_name,new_code,new_name,effective_date,population_share,new_code_is_new,source\n' +
        'GM0999,Oud,GM0998,Nieuw,2027-01-01,1,ja,test\n' +
        'GM999,Oud,GM0998,Nieuw,01-01-2027,1,ja,test\n',
    );
    const { code, stderr } = await ketenzicht(['mergers', 'import', file], env);
    expect(code).toBe(2);
    expect(stderr).toContain('rij 3, kolom old_code ("GM999")');
    expect(stderr).toContain('rij 3, kolom effective_date ("01-01-2027")');
    const list = await ketenzicht(['mergers', 'list'], env);
    expect(list.stdout).not.toContain('GM0998');
  });

  it('mergers import loads a valid file, and a dry run only validates', async () => {
    const file = path.join(dataDir, 'herindelingen.csv');
    await writeFile(
      file,
      'old_code,old_name,new_code,new_name,effective_date,population_share,new_code_is_new,source\n' +
        'GM0999,Oudstad,GM0998,Nieuwstad,2027-01-01,1,ja,test\n',
    );
    const dryRun = await ketenzicht(['mergers', 'import', file, '--dry-run'], env);
    expect(dryRun.stdout).toContain('Proefrun');
    expect((await ketenzicht(['mergers', 'list'], env)).stdout).not.toContain('GM0998');
    expect((await ketenzicht(['mergers', 'import', file], env)).code).toBe(0);
    expect((await ketenzicht(['mergers', 'list'], env)).stdout).toMatch(
      /2027-01-01\s+GM0999\s+Oudstad\s+GM0998/,
    );
  });
});

describe('ketenzicht CLI: accounts, audit log, backup and restore on a PGlite data folder', () => {
  let dataDir: string;
  let env: Record<string, string>;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'ketenzicht-cli-admin-'));
    env = { KETENZICHT_DATA_DIR: dataDir, KETENZICHT_PUBLIC_URL: 'https://ketenzicht.gemeente.example' };
  });
  afterEach(async () => rm(dataDir, { recursive: true, force: true }));

  it('creates the first beheerder with a one-time link, lists users, resets a link and exports the audit log', async () => {
    const created = await ketenzicht(
      ['admin', 'create', '--email', 'Anna@Gemeente.example', '--name', 'Anna de Vries'],
      env,
    );
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('Beheerder anna@gemeente.example aangemaakt.');
    expect(created.stdout).toMatch(
      /https:\/\/ketenzicht\.gemeente\.example\/wachtwoord-instellen#token=[\w-]{43}/,
    );
    const twice = await ketenzicht(['admin', 'create', '--email', 'anna@gemeente.example'], env);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('Er bestaat al een gebruiker met e-mailadres anna@gemeente.example');
    const bad = await ketenzicht(['admin', 'create', '--email', 'geen-adres'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Ongeldig e-mailadres');

    const listed = await ketenzicht(['users', 'list'], env);
    expect(listed.stdout).toMatch(
      /anna@gemeente\.example\s+Anna de Vries\s+Beheer Ketenzicht: beheerder\s+wacht op wachtwoord/,
    );
    const reset = await ketenzicht(['users', 'reset-link', 'anna@gemeente.example'], env);
    expect(reset.stdout).toMatch(/#token=[\w-]{43}/);
    expect((await ketenzicht(['users', 'reset-link', 'niemand@x.nl'], env)).stderr).toContain(
      'Er is geen gebruiker',
    );

    const auditFile = path.join(dataDir, 'audit.csv');
    const exported = await ketenzicht(['audit', '--action', 'user.create', '--out', auditFile], env);
    expect(exported.stdout).toContain('1 regel(s)');
    const csv = await readFile(auditFile, 'utf8');
    expect(csv).toMatch(/user\.create;success;user;[\w-]+;cli:/);
    expect((await ketenzicht(['audit', '--from', '29-11-2026'], env)).stderr).toContain('geen datum');
  });

  it('backs up and restores a data folder, keeping a safety backup of what was replaced', async () => {
    await ketenzicht(['admin', 'create', '--email', 'eerste@gemeente.example'], env);
    const file = path.join(dataDir, 'stand.backup');
    const backup = await ketenzicht(['backup', file], env);
    expect(backup.stderr).toBe('');
    expect(backup.stdout).toMatch(/Back-up geschreven naar .*stand\.backup: \d+ rijen uit \d+ tabellen/);
    await ketenzicht(['admin', 'create', '--email', 'tweede@gemeente.example'], env);

    const restore = spawnSync(process.execPath, [BIN, 'restore', file], {
      cwd: dataDir,
      env: { ...process.env, DATABASE_URL: '', ...env },
      encoding: 'utf8',
    });
    expect(restore.stderr).toBe('');
    expect(restore.stdout).toContain(
      'Eerst een back-up van de huidige stand gemaakt: ketenzicht-voor-herstel-',
    );
    expect(restore.stdout).toMatch(/Hersteld uit .*: \d+ rijen/);
    const after = await ketenzicht(['users', 'list'], env);
    expect(after.stdout).toContain('eerste@gemeente.example');
    expect(after.stdout).not.toContain('tweede@gemeente.example');
    // The safety backup holds the state before the restore, so the restore itself can be undone.
    const safety = (await readdir(dataDir)).find((name) => name.startsWith('ketenzicht-voor-herstel-'));
    expect(safety).toBeDefined();
    await ketenzicht(['restore', path.join(dataDir, safety ?? ''), '--no-safety-backup'], env);
    expect((await ketenzicht(['users', 'list'], env)).stdout).toContain('tweede@gemeente.example');

    const broken = path.join(dataDir, 'kapot.backup');
    await writeFile(broken, 'dit is geen back-up');
    const refused = await ketenzicht(['restore', broken], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Er is niets veranderd');
    expect((await ketenzicht(['users', 'list'], env)).stdout).toContain('tweede@gemeente.example');
    // Six command-line runs, each opening the data folder: about 40 s on an idle machine.
  }, 180_000);
});

describe('ketenzicht CLI on PostgreSQL (DATABASE_URL)', () => {
  let database: TestDatabase;
  let url: string;
  beforeEach(async () => {
    database = await createTestDatabase('postgresql');
    url = withDatabase(process.env.KETENZICHT_TEST_POSTGRES_URL ?? '', database.name);
  });
  afterEach(async () => database?.close());

  it('lists the areas of the server database', async () => {
    const { code, stdout, stderr } = await ketenzicht(['areas', '--level', 'provincie', '--json'], {
      DATABASE_URL: url,
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toHaveLength(12);
  });

  it('admin create, backup and restore work on the server database too', async () => {
    const created = await ketenzicht(['admin', 'create', '--email', 'beheer@gemeente.example'], {
      DATABASE_URL: url,
    });
    expect(created.stderr).toBe('');
    expect(created.stdout).toMatch(/wachtwoord-instellen#token=[\w-]{43}/);
    const file = path.join(tmpdir(), `ketenzicht-pg-${database.name}.backup`);
    onTestFinished(() => rm(file, { force: true }));
    expect((await ketenzicht(['backup', file], { DATABASE_URL: url })).code).toBe(0);
    await ketenzicht(['admin', 'create', '--email', 'tweede@gemeente.example'], { DATABASE_URL: url });
    const restored = await ketenzicht(['restore', file, '--no-safety-backup'], { DATABASE_URL: url });
    expect(restored.stderr).toBe('');
    const listed = await ketenzicht(['users', 'list'], { DATABASE_URL: url });
    expect(listed.stdout).toContain('beheer@gemeente.example');
    expect(listed.stdout).not.toContain('tweede@gemeente.example');
  });

  it('rejects a malformed DATABASE_URL with a clear message', async () => {
    const { code, stderr } = await ketenzicht(['areas'], { DATABASE_URL: 'mysql://nope' });
    expect(code).toBe(2);
    expect(stderr).toContain('DATABASE_URL');
  });
});
