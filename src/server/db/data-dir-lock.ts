/**
 * PGlite serves one process at a time: every process that opens a data folder takes this lock first, so the
 * server and a CLI verb never open the same folder together. The running server also leaves its address here,
 * so CLI verbs can go through it instead.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { UserError } from '../errors.ts';

export class DataDirBusyError extends UserError {
  constructor(
    readonly dataDir: string,
    readonly serverUrl: string | undefined,
  ) {
    super(
      serverUrl
        ? `The data folder ${dataDir} is in use by the Ketenzicht server at ${serverUrl}. Stop that server first, or use a verb that goes through it.`
        : `The data folder ${dataDir} is in use by another Ketenzicht process. Stop it first (only one process can open a PGlite data folder).`,
    );
  }
}

/** A lock not refreshed for this long belongs to a process that died. */
const STALE_MS = 15_000;
const lockPath = (dataDir: string) => path.join(dataDir, '.ketenzicht.lock');
const serverInfoPath = (dataDir: string) => path.join(dataDir, '.ketenzicht-server.json');

/** Takes the data folder's lock or throws DataDirBusyError; returns the release function. */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  try {
    const release = await lockfile.lock(dataDir, {
      lockfilePath: lockPath(dataDir),
      stale: STALE_MS,
      update: 5_000,
      retries: 0,
      realpath: false,
      onCompromised: (error) => {
        // Someone removed or took over our lock: stop rather than risk two writers on one folder.
        console.error(`Lost the lock on ${dataDir}: ${error.message}`);
        process.exit(70);
      },
    });
    return async () => {
      await release().catch(() => undefined);
    };
  } catch (error) {
    if ((error as { code?: string }).code === 'ELOCKED') {
      throw new DataDirBusyError(dataDir, await readServerUrl(dataDir));
    }
    throw error;
  }
}

/** True while some process holds the folder's lock (a stale lock of a crashed process does not count). */
export async function isDataDirLocked(dataDir: string): Promise<boolean> {
  try {
    return await lockfile.check(dataDir, {
      lockfilePath: lockPath(dataDir),
      stale: STALE_MS,
      realpath: false,
    });
  } catch {
    return false;
  }
}

export async function writeServerUrl(dataDir: string, url: string): Promise<void> {
  await writeFile(serverInfoPath(dataDir), JSON.stringify({ url, pid: process.pid }), 'utf8');
}

export async function clearServerUrl(dataDir: string): Promise<void> {
  await rm(serverInfoPath(dataDir), { force: true });
}

export async function readServerUrl(dataDir: string): Promise<string | undefined> {
  try {
    const info = JSON.parse(await readFile(serverInfoPath(dataDir), 'utf8')) as { url?: unknown };
    return typeof info.url === 'string' ? info.url : undefined;
  } catch {
    return undefined;
  }
}
