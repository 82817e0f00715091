/**
 * Receiving one uploaded file (multipart/form-data, field "file") into a private temporary folder, for the
 * import routes. The folder is removed when the work is done, whatever happens; the form's other fields come
 * along as text.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { BadRequestError } from '../errors.ts';

export type ReceivedFile = { path: string; fileName: string };

export async function withUploadedFile<T>(
  request: FastifyRequest,
  options: { limit: number; prefix: string },
  work: (file: ReceivedFile, fields: Record<string, string>) => Promise<T>,
): Promise<T> {
  if (!request.isMultipart())
    throw Object.assign(new Error('Stuur het bestand als multipart/form-data in het veld "file".'), {
      statusCode: 415,
    });
  const fields: Record<string, string> = {};
  const folder = await mkdtemp(path.join(tmpdir(), `ketenzicht-${options.prefix}-`));
  try {
    let file: ReceivedFile | null = null;
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const target = path.join(folder, 'upload');
        await pipeline(part.file, createWriteStream(target, { mode: 0o600 }));
        if (part.file.truncated)
          throw Object.assign(
            new Error(
              `Het bestand is groter dan ${options.limit / 1024 / 1024} MB. Splits het, bijvoorbeeld per jaar.`,
            ),
            { statusCode: 413 },
          );
        file = { path: target, fileName: (part.filename || 'upload').slice(0, 200) };
      } else fields[part.fieldname] = String(part.value);
    }
    if (!file) throw new BadRequestError('Het veld "file" met het bestand ontbreekt.');
    return await work(file, fields);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
