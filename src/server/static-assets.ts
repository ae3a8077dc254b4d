import { relative, sep } from 'node:path';
import type { FastifyStaticOptions } from '@fastify/static';

/** Vite names the files under assets/ by their content hash: a new build gives new names, so a file never changes. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html (and the SPA fallback) is checked on every visit, so a new build is picked up at once. */
export const REVALIDATE = 'no-cache';

/**
 * How the built web app is served: the `.br` / `.gz` twin made by scripts/precompress.mjs when the
 * browser accepts it (the plain file otherwise), hashed assets cached for a year, everything else revalidated.
 */
export function staticAssetOptions(webDir: string): FastifyStaticOptions {
  return {
    root: webDir,
    preCompressed: true,
    cacheControl: false,
    setHeaders(reply, path) {
      const hashed = relative(webDir, path).startsWith(`assets${sep}`);
      reply.header('cache-control', hashed ? IMMUTABLE : REVALIDATE);
    },
  };
}
