import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getCompany, updateCompany } from '../../app/company/company';
import { Company } from '../../contract/company';
import { requireActor, type ServerDeps } from '../context';

export function companyRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/company', { schema: { tags: ['company'], response: { 200: Company } } }, async () => getCompany(deps.store));
    app.put('/company', { schema: { tags: ['company'], body: Company, response: { 200: Company } } }, async (req) =>
      updateCompany(deps.store, requireActor(req), req.body),
    );
  };
}
