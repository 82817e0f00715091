// SPDX-License-Identifier: EUPL-1.2
/**
 * Writes gzip and brotli copies of the built web app's text files next to them (dist/web), which the server
 * sends to browsers that accept them (@fastify/static preCompressed): the first page load then transfers the
 * compressed bytes, about a third of the JavaScript. Run by `npm run build:web` after vite.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = path.resolve(process.argv[2] ?? 'dist/web');
const COMPRESSIBLE = new Set(['.js', '.css', '.html', '.svg', '.json', '.txt']);

let files = 0;
let before = 0;
let after = 0;
for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !COMPRESSIBLE.has(path.extname(entry.name))) continue;
  const file = path.join(entry.parentPath, entry.name);
  const content = await readFile(file);
  const gzip = gzipSync(content, { level: 9 });
  await writeFile(`${file}.gz`, gzip);
  await writeFile(
    `${file}.br`,
    brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
  );
  files += 1;
  before += content.length;
  after += gzip.length;
}
console.log(
  `precompressed ${files} files in ${path.relative(process.cwd(), root) || '.'}: ${Math.round(before / 1024)} kB → ${Math.round(after / 1024)} kB gzip`,
);
