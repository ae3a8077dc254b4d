import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package folder: the nearest one holding package.json, above src/ when run from source, above dist/server/ when compiled. */
export const ROOT = packageRoot(dirname(fileURLToPath(import.meta.url)));

function packageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const VERSION: string = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** Environment variables the app reads (documented in docs/operations.md). */
export function readConfig(env: NodeJS.ProcessEnv = process.env) {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    databaseReadUrl: env.DATABASE_READ_URL || undefined,
    dataDir: env.OPENKPI_DATA_DIR ?? join(process.cwd(), 'data'),
    seedDemo: env.OPENKPI_DEMO !== '0',
    logLevel: env.LOG_LEVEL ?? 'info',
    secureCookies: env.OPENKPI_SECURE_COOKIES === '1',
    webDir: env.OPENKPI_WEB_DIR ?? join(ROOT, 'dist', 'web'),
    // ASVS level 2 defaults: 12 hours from login, 30 minutes unused.
    sessionLimits: {
      absoluteMs: positive(env, 'OPENKPI_SESSION_HOURS', 12) * 3_600_000,
      idleMs: positive(env, 'OPENKPI_SESSION_IDLE_MINUTES', 30) * 60_000,
    },
  };
}

/** A whole number > 0 from the environment, or the default when unset; anything else stops the start with a clear message. */
function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  if (!/^[1-9]\d{0,5}$/.test(text)) throw new Error(`${name} must be a whole number above 0, not "${text}"`);
  return Number(text);
}
