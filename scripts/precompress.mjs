// Writes a .br and a .gz twin next to every text file of the built web app (run after `vite build`).
// The server sends the twin the browser accepts (@fastify/static preCompressed), so nothing is compressed per request.
// Usage: node scripts/precompress.mjs [dir]   (default dist/web)
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TEXT = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.txt', '.map', '.webmanifest']);
const MIN_BYTES = 1024; // smaller files gain nothing worth a second request path

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (TEXT.has(extname(entry.name))) yield path;
  }
}

const dir = resolve(process.argv[2] ?? 'dist/web');
let plain = 0;
let br = 0;
let gz = 0;
for (const path of files(dir)) {
  if (statSync(path).size < MIN_BYTES) continue;
  const body = readFileSync(path);
  const brotli = brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
  const gzip = gzipSync(body, { level: constants.Z_BEST_COMPRESSION });
  writeFileSync(`${path}.br`, brotli);
  writeFileSync(`${path}.gz`, gzip);
  plain += body.length;
  br += brotli.length;
  gz += gzip.length;
}
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
console.log(`precompress: ${kb(plain)} of text in ${dir} → ${kb(gz)} gzip, ${kb(br)} brotli`);
