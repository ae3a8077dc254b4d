import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Health } from '../../contract/health';
import type { ServerDeps } from '../context';

export function healthRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/health', { config: { public: true, noDatabase: true }, schema: { tags: ['system'], response: { 200: Health } } }, async () => ({
      status: 'ok' as const,
      db: deps.engine,
      version: deps.version,
    }));
  };
}
