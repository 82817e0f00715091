/**
 * The installation's pseudonymisation secret. It lives outside the database (an environment variable or a key
 * file next to the data folder, never inside it), so neither a database backup nor a copy of the data folder
 * holds it: pseudonyms in a stolen backup cannot be recomputed from a guessed identifier.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../../errors.ts';
import { PSEUDONYM_KEY_BYTES } from './cases.domain.ts';

export type PseudonymKeySource = () => Promise<Buffer>;

function decodeKey(text: string, where: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]+$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length < PSEUDONYM_KEY_BYTES)
    throw new UserError(
      `De pseudonimiseringssleutel in ${where} is te kort: gebruik minstens ${PSEUDONYM_KEY_BYTES} bytes (${PSEUDONYM_KEY_BYTES * 2} hextekens), bijvoorbeeld uit \`openssl rand -hex 32\`.`,
    );
  return key;
}

/**
 * Reads the key from KETENZICHT_PSEUDONYM_KEY, else from the key file, creating that file (mode 0600) with a
 * random key on first use. Losing the key means new extracts no longer link to earlier ones: the import refuses
 * a different key (see the fingerprint check), so it cannot happen silently.
 */
export function pseudonymKeySource(options: {
  keyText?: string | undefined;
  keyFile: string;
}): PseudonymKeySource {
  let cached: Promise<Buffer> | null = null;
  return () => {
    cached ??= (async () => {
      if (options.keyText) return decodeKey(options.keyText, 'KETENZICHT_PSEUDONYM_KEY');
      try {
        return decodeKey(await readFile(options.keyFile, 'utf8'), options.keyFile);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      await mkdir(path.dirname(options.keyFile), { recursive: true });
      const key = randomBytes(PSEUDONYM_KEY_BYTES);
      // `wx`: two processes starting at once must not each write a key of their own.
      try {
        await writeFile(options.keyFile, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
        return key;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        return decodeKey(await readFile(options.keyFile, 'utf8'), options.keyFile);
      }
    })();
    cached.catch(() => {
      cached = null;
    });
    return cached;
  };
}
