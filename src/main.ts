import { isEmpty, seedDemo } from './app/demo/seed-demo';
import { DEMO_PASSWORD } from './app/demo/demo-data';
import { readConfig, VERSION } from './config';
import { companyToday } from './core/actuals/company-today';
import { checkDataDir, DataDirError } from './db/check-data-dir';
import { connect } from './db/connect';
import { migrate } from './db/migrate';
import { schedulerSettings, startScheduler, type Scheduler } from './app/scheduler/runner';
import { createStore } from './db/store';
import { readReplicaOf } from './db/read-replica';
import { buildApp, LOG_REDACT } from './server/app';

/** Starts OpenKPI: database, migrations, demo data on first start, HTTP server, graceful shutdown. */
async function main(): Promise<void> {
  const config = readConfig();
  // The logger exists only once the app is built; until then idle-connection errors are ignored.
  const idle = { report: (_error: Error): void => undefined };
  if (!config.databaseUrl) checkDataDir(config.dataDir);
  const database = await connect({ databaseUrl: config.databaseUrl, databaseReadUrl: config.databaseReadUrl, dataDir: config.dataDir, onIdleError: (e) => idle.report(e) });
  await migrate(database.db);
  const store = createStore(database.db);

  const app = await buildApp(
    { store, engine: database.engine, version: VERSION, now: () => new Date(), secureCookies: config.secureCookies, sessionLimits: config.sessionLimits, readReplica: readReplicaOf(database) },
    { logger: { level: config.logLevel, redact: LOG_REDACT }, webDir: config.webDir },
  );
  idle.report = (error) => app.log.warn({ err: error }, 'database closed an idle connection');

  if (config.seedDemo && (await isEmpty(store))) {
    const logins = await seedDemo(store, { today: companyToday(null, new Date()) }); // the demo company uses the default zone
    if (logins.length > 0) {
      app.log.info('demo company loaded');
      console.log(`\nDemo company loaded. Logins (password: ${DEMO_PASSWORD}):`);
      for (const l of logins) console.log(`  ${l.role.padEnd(8)} ${l.email.padEnd(26)} ${l.name}`);
    }
  }

  const jobs = schedulerSettings();
  let scheduler: Scheduler | undefined;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    await scheduler?.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  if (jobs.enabled) scheduler = startScheduler({ store, log: app.log, tickMs: jobs.tickMs });
  const where = database.engine === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL';
  console.log(`\nOpenKPI ${VERSION} is running at http://localhost:${config.port} (${where}).\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof DataDirError ? error.message : error);
  process.exit(1);
});
