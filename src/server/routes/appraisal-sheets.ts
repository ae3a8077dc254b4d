import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServerDeps } from '../context';

/** People performance: the sheets routes under /api/appraisal. */
export function appraisalSheetsRoutes(_deps: ServerDeps): FastifyPluginAsyncZod {
  return async () => {};
}
