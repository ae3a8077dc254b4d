import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { MAX_IMPORT_BYTES } from '../app/import/read-table';
import { DomainError } from '../core/errors';
import { registerAuthHooks } from './auth-hooks';
import { registerSecurityHeaders } from './security-headers';
import { staticAssetOptions } from './static-assets';
import { CSRF_COOKIE, sessionCookieOptions, type ServerDeps } from './context';
import { errorHandler } from './error-handler';
import { safeLoggerOptions } from './log-redaction';
import { swaggerOptions } from './openapi';
import { actualRoutes } from './routes/actuals';
import { actualsImportRoutes } from './routes/actuals-import';
import { appraisalSetupRoutes } from './routes/appraisal-setup';
import { appraisalSheetsRoutes } from './routes/appraisal-sheets';
import { apiTokenRoutes } from './routes/api-tokens';
import { apiV1Routes } from './routes/api-v1';
import { auditRoutes } from './routes/audit';
import { authRoutes } from './routes/auth';
import { companyRoutes } from './routes/company';
import { datasetRoutes } from './routes/datasets';
import { datasetQueryRoutes } from './routes/dataset-queries';
import { kpiBindingRoutes } from './routes/kpi-binding';
import { marketingRoutes } from './routes/marketing';
import { diagnosticsRoutes } from './routes/diagnostics';
import { calendarRoutes } from './routes/calendar';
import { notificationRoutes } from './routes/notifications';
import { webhookRoutes } from './routes/webhooks';
import { registerWritePosition } from './read-replica';
import { reportRoutes } from './routes/reports';
import { subscriptionRoutes } from './routes/subscriptions';
import { evaluationRoutes } from './routes/evaluation';
import { healthRoutes } from './routes/health';
import { kpiRoutes } from './routes/kpis';
import { targetRoutes } from './routes/targets';
import { orgRoutes } from './routes/org';
import { overviewRoutes } from './routes/overview';

export interface BuildOptions {
  logger?: FastifyServerOptions['logger'];
  /** Folder with the built web app (index.html); not served when missing. */
  webDir?: string;
}

export { LOG_REDACT } from './log-redaction';

/** Builds the Fastify app: plugins, hooks, routes under /api, the web app at /. */
export async function buildApp(deps: ServerDeps, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: safeLoggerOptions(options.logger),
    bodyLimit: 1024 * 1024,
    // A too long path parameter or a malformed URL is answered by the router: same error shape as the rest.
    frameworkErrors: (error, request, reply) => errorHandler(error, request, reply),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  registerSecurityHeaders(app, { secureCookies: deps.secureCookies ?? false });

  await app.register(cookie);
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: CSRF_COOKIE,
    cookieOpts: sessionCookieOptions(deps),
    getToken: (req) => req.headers['x-csrf-token'] as string | undefined,
  });
  await app.register(multipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 10 }, throwFileSizeLimit: true });
  await app.register(swagger, swaggerOptions(deps.version));
  registerAuthHooks(app, deps);
  registerWritePosition(app, deps);

  await app.register(
    async (api) => {
      await api.register(healthRoutes(deps));
      await api.register(authRoutes(deps));
      await api.register(companyRoutes(deps));
      await api.register(orgRoutes(deps));
      await api.register(auditRoutes(deps));
      await api.register(kpiRoutes(deps));
      await api.register(targetRoutes(deps));
      await api.register(evaluationRoutes(deps));
      await api.register(overviewRoutes(deps));
      await api.register(actualRoutes(deps));
      await api.register(actualsImportRoutes(deps));
      await api.register(apiTokenRoutes(deps));
      await api.register(apiV1Routes(deps));
      await api.register(appraisalSetupRoutes(deps));
      await api.register(appraisalSheetsRoutes(deps));
      await api.register(datasetRoutes(deps));
      await api.register(datasetQueryRoutes(deps));
      await api.register(kpiBindingRoutes(deps));
      await api.register(marketingRoutes(deps));
      await api.register(diagnosticsRoutes(deps));
      await api.register(calendarRoutes(deps));
      await api.register(notificationRoutes(deps));
      await api.register(webhookRoutes(deps));
      await api.register(reportRoutes(deps));
      await api.register(subscriptionRoutes(deps));
      api.get('/openapi.json', { config: { public: true, noDatabase: true }, schema: { hide: true } }, async () => app.swagger());
    },
    { prefix: '/api' },
  );

  const webDir = options.webDir;
  const hasWeb = webDir !== undefined && existsSync(join(webDir, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, staticAssetOptions(webDir));
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !hasWeb || request.method !== 'GET') {
      throw new DomainError('ROUTE_NOT_FOUND', {
        vi: `Không có đường dẫn ${request.method} ${request.url.split('?')[0]}.`,
        en: `No route ${request.method} ${request.url.split('?')[0]}.`,
      });
    }
    return reply.type('text/html').sendFile('index.html');
  });
  return app;
}
