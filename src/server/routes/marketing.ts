import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { campaignDetail } from '../../app/marketing/campaign-detail';
import { changeCampaignStatus, createCampaign, listCampaigns, updateCampaign } from '../../app/marketing/campaigns';
import { createChannel, listChannels } from '../../app/marketing/channels';
import { channelComparison, reportResults } from '../../app/marketing/results';
import { campaignAwareness, setSurvey, type CampaignAwareness } from '../../app/marketing/surveys';
import type { Lang } from '../../core/errors';
import { IdParams } from '../../contract/common';
import {
  Awareness,
  AwarenessQuery,
  Campaign,
  CampaignBody,
  CampaignDetail,
  CampaignList,
  Channel,
  ChannelBody,
  ChannelList,
  Comparison,
  ComparisonQuery,
  ResultsBody,
  ResultsWritten,
  StatusBody,
  SurveyBody,
  SurveyParams,
} from '../../contract/marketing';
import { requireActor, type ServerDeps } from '../context';

/** The lift's texts in the request's language. */
function presentAwareness(a: CampaignAwareness, lang: Lang) {
  const lift = a.lift && { ...a.lift, warnings: a.lift.warnings.map((w) => ({ code: w.code, message: w.message[lang] })), message: a.lift.message[lang] };
  return { before: a.before, after: a.after, lift };
}

/** Marketing: channels, campaigns with per-channel targets and results, channel comparison, awareness surveys. */
export function marketingRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  const { store } = deps;
  return async (app) => {
    const tags = ['marketing'];
    app.get('/marketing/channels', { schema: { tags, response: { 200: ChannelList } } }, async (req) => ({ items: await listChannels(store, requireActor(req)) }));
    app.post('/marketing/channels', { schema: { tags, body: ChannelBody, response: { 201: Channel } } }, async (req, reply) => {
      reply.code(201);
      return createChannel(store, requireActor(req), req.body);
    });
    app.get('/marketing/channel-comparison', { schema: { tags, querystring: ComparisonQuery, response: { 200: Comparison } } }, async (req) =>
      channelComparison(store, requireActor(req), { from: req.query.from, to: req.query.to, campaignIds: req.query.campaign === undefined ? undefined : [req.query.campaign] }),
    );
    app.get('/campaigns', { schema: { tags, response: { 200: CampaignList } } }, async (req) => ({ items: await listCampaigns(store, requireActor(req)) }));
    app.post('/campaigns', { schema: { tags, body: CampaignBody, response: { 201: Campaign } } }, async (req, reply) => {
      reply.code(201);
      return createCampaign(store, requireActor(req), req.body);
    });
    app.get('/campaigns/:id', { schema: { tags, params: IdParams, response: { 200: CampaignDetail } } }, async (req) =>
      campaignDetail(store, requireActor(req), req.params.id),
    );
    app.put('/campaigns/:id', { schema: { tags, params: IdParams, body: CampaignBody, response: { 200: Campaign } } }, async (req) =>
      updateCampaign(store, requireActor(req), req.params.id, req.body),
    );
    app.post('/campaigns/:id/status', { schema: { tags, params: IdParams, body: StatusBody, response: { 200: Campaign } } }, async (req) =>
      changeCampaignStatus(store, requireActor(req), req.params.id, req.body.status),
    );
    app.put('/campaigns/:id/results', { schema: { tags, params: IdParams, body: ResultsBody, response: { 200: ResultsWritten } } }, async (req) =>
      reportResults(store, requireActor(req), req.params.id, req.body.rows),
    );
    app.get('/campaigns/:id/awareness', { schema: { tags, params: IdParams, querystring: AwarenessQuery, response: { 200: Awareness } } }, async (req) =>
      presentAwareness(await campaignAwareness(store, requireActor(req), req.params.id, req.query.confidence), req.lang),
    );
    app.put('/campaigns/:id/surveys/:phase', { schema: { tags, params: SurveyParams, body: SurveyBody, response: { 200: Awareness } } }, async (req) =>
      presentAwareness(await setSurvey(store, requireActor(req), req.params.id, { phase: req.params.phase, ...req.body }), req.lang),
    );
  };
}
