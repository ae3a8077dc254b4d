import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listAudit } from '../../app/audit/list-audit';
import { AuditList, AuditQuery } from '../../contract/audit';
import { requireActor, type ServerDeps } from '../context';

export function auditRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/audit', { schema: { tags: ['audit'], querystring: AuditQuery, response: { 200: AuditList } } }, async (req) => ({
      items: await listAudit(deps.store, requireActor(req), { ...req.query, beforeId: req.query.before }),
    }));
  };
}
