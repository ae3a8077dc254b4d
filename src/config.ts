import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const VERSION: string = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** Environment variables the app reads (documented in docs/operations.md). */
export function readConfig(env: NodeJS.ProcessEnv = process.env) {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.OPENKPI_DATA_DIR ?? join(process.cwd(), 'data'),
    seedDemo: env.OPENKPI_DEMO !== '0',
    logLevel: env.LOG_LEVEL ?? 'info',
    secureCookies: env.OPENKPI_SECURE_COOKIES === '1',
    webDir: env.OPENKPI_WEB_DIR ?? join(ROOT, 'dist', 'web'),
  };
}
