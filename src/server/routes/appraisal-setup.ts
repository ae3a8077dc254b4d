import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { archiveTemplate } from '../../app/appraisal/setup/archive-template';
import { assignSheets } from '../../app/appraisal/setup/assign-sheets';
import { createBonusRule } from '../../app/appraisal/setup/create-bonus-rule';
import { createCycle } from '../../app/appraisal/setup/create-cycle';
import { createTemplate } from '../../app/appraisal/setup/create-template';
import { getCycle } from '../../app/appraisal/setup/get-cycle';
import { getTemplate } from '../../app/appraisal/setup/get-template';
import { listBonusRules } from '../../app/appraisal/setup/list-bonus-rules';
import { listCycles } from '../../app/appraisal/setup/list-cycles';
import { listTemplates } from '../../app/appraisal/setup/list-templates';
import { moveCyclePhase } from '../../app/appraisal/setup/move-cycle-phase';
import { reopenCycle } from '../../app/appraisal/setup/reopen-cycle';
import { updateCycle } from '../../app/appraisal/setup/update-cycle';
import { updateTemplate } from '../../app/appraisal/setup/update-template';
import {
  AssignBody,
  AssignResult,
  BonusRule,
  BonusRuleBody,
  BonusRuleList,
  Cycle,
  CycleBody,
  CycleList,
  CycleUpdateBody,
  PhaseBody,
  ReopenBody,
  Template,
  TemplateBody,
  TemplateList,
} from '../../contract/appraisal';
import { IdParams } from '../../contract/common';
import { requireActor, type ServerDeps } from '../context';

const tags = ['appraisal'];

/** People performance set-up under /api/appraisal: sheet templates, bonus rules, cycles and their phases, assignment. */
export function appraisalSetupRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  const { store } = deps;
  return async (app) => {
    app.get('/appraisal/templates', { schema: { tags, response: { 200: TemplateList } } }, async (req) => ({ items: await listTemplates(store, requireActor(req)) }));
    app.post('/appraisal/templates', { schema: { tags, body: TemplateBody, response: { 201: Template } } }, async (req, reply) =>
      reply.status(201).send(await createTemplate(store, requireActor(req), req.body)),
    );
    app.get('/appraisal/templates/:id', { schema: { tags, params: IdParams, response: { 200: Template } } }, async (req) => getTemplate(store, requireActor(req), req.params.id));
    app.put('/appraisal/templates/:id', { schema: { tags, params: IdParams, body: TemplateBody, response: { 200: Template } } }, async (req) =>
      updateTemplate(store, requireActor(req), req.params.id, req.body),
    );
    app.post('/appraisal/templates/:id/archive', { schema: { tags, params: IdParams, response: { 200: Template } } }, async (req) =>
      archiveTemplate(store, requireActor(req), req.params.id),
    );

    app.get('/appraisal/bonus-rules', { schema: { tags, response: { 200: BonusRuleList } } }, async (req) => ({ items: await listBonusRules(store, requireActor(req)) }));
    app.post('/appraisal/bonus-rules', { schema: { tags, body: BonusRuleBody, response: { 201: BonusRule } } }, async (req, reply) =>
      reply.status(201).send(await createBonusRule(store, requireActor(req), req.body)),
    );

    app.get('/appraisal/cycles', { schema: { tags, response: { 200: CycleList } } }, async (req) => ({ items: await listCycles(store, requireActor(req)) }));
    app.post('/appraisal/cycles', { schema: { tags, body: CycleBody, response: { 201: Cycle } } }, async (req, reply) =>
      reply.status(201).send(await createCycle(store, requireActor(req), req.body)),
    );
    app.get('/appraisal/cycles/:id', { schema: { tags, params: IdParams, response: { 200: Cycle } } }, async (req) => getCycle(store, requireActor(req), req.params.id));
    app.patch('/appraisal/cycles/:id', { schema: { tags, params: IdParams, body: CycleUpdateBody, response: { 200: Cycle } } }, async (req) =>
      updateCycle(store, requireActor(req), req.params.id, req.body),
    );
    app.post('/appraisal/cycles/:id/phase', { schema: { tags, params: IdParams, body: PhaseBody, response: { 200: Cycle } } }, async (req) =>
      moveCyclePhase(store, requireActor(req), req.params.id, req.body.phase, req.body.reason, deps.now()),
    );
    app.post('/appraisal/cycles/:id/reopen', { schema: { tags, params: IdParams, body: ReopenBody, response: { 200: Cycle } } }, async (req) =>
      reopenCycle(store, requireActor(req), req.params.id, req.body.reason),
    );
    app.post('/appraisal/cycles/:id/assign', { schema: { tags, params: IdParams, body: AssignBody, response: { 200: AssignResult } } }, async (req) => {
      const result = await assignSheets(store, requireActor(req), req.params.id, req.body);
      return { created: result.created, skipped: result.skipped.map((s) => ({ personId: s.personId, reason: s.reason[req.lang] })) };
    });
  };
}
