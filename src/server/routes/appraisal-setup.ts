import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServerDeps } from '../context';

/** People performance: the setup routes under /api/appraisal. */
export function appraisalSetupRoutes(_deps: ServerDeps): FastifyPluginAsyncZod {
  return async () => {};
}
